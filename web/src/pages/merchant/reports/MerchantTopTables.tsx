import { useQuery } from '@tanstack/react-query';
import { call, type DataMode } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { RankedTable } from '../../reports/RankedTable.tsx';
import { REPORT_TIME_ZONE, type Period } from '../../reports/report-period.ts';
import { useRankedPaging } from '../../reports/ranked-paging.ts';

type Sort = 'commission' | 'revenue' | 'conversions' | 'clicks';
const SORTS = [
  { value: 'commission', label: 'Most commission', header: 'Commission' },
  { value: 'revenue', label: 'Most revenue', header: 'Revenue' },
  { value: 'conversions', label: 'Most conversions', header: 'Conversions' },
  { value: 'clicks', label: 'Most clicks', header: 'Clicks' },
] as const;
const PAGE_SIZE = 10;
const CSV_ROWS = { affiliates: 100, links: 500 };

/** The period's creators (of one campaign, or all), most commission first (or as chosen), a page at a time. */
export function TopAffiliates({ mode, period, campaignId }: { mode: DataMode; period: Period; campaignId?: string | undefined }) {
  const api = useApi().forMode(mode);
  const { sort, page, onSort, onPage } = useRankedPaging<Sort>('commission');
  const query = { ...period, tz: REPORT_TIME_ZONE, sort, campaignId };
  const report = useQuery({
    queryKey: ['merchant', 'reports', mode, 'affiliates', period, campaignId, sort, page],
    queryFn: () => call(api.GET('/api/v1/reports/affiliates', { params: { query: { ...query, limit: PAGE_SIZE, page } } })),
  });
  return (
    <QueryState query={report} what="top creators" feature="Reports">
      {(r) => (
        <RankedTable
          caption="Top creators"
          nameHeader="Creator"
          moneyHeaders={['Revenue', 'Commission']}
          rows={r.data.map((a) => ({
            id: a.affiliateId,
            name: a.displayName || a.affiliateId,
            clicks: a.clicks,
            conversions: a.conversions,
            money: { Revenue: a.revenue, Commission: a.commission },
          }))}
          currency={r.currency}
          sorts={SORTS}
          sort={sort}
          onSort={onSort}
          page={r.page}
          pageSize={r.pageSize}
          total={r.total}
          onPage={onPage}
          csv={{
            fileName: `top-creators-${period.from}-${period.to}`,
            fetch: () =>
              call(api.GET('/api/v1/reports/affiliates', { params: { query: { ...query, limit: CSV_ROWS.affiliates, format: 'csv' } }, parseAs: 'text' })),
          }}
        />
      )}
    </QueryState>
  );
}

/** The period's links (by their short code), most commission first (or as chosen), a page at a time. */
export function TopLinks({ mode, period }: { mode: DataMode; period: Period }) {
  const api = useApi().forMode(mode);
  const { sort, page, onSort, onPage } = useRankedPaging<Sort>('commission');
  const query = { ...period, tz: REPORT_TIME_ZONE, sort, by: 'link' as const };
  const report = useQuery({
    queryKey: ['merchant', 'reports', mode, 'links', period, sort, page],
    queryFn: () => call(api.GET('/api/v1/reports/breakdown', { params: { query: { ...query, limit: PAGE_SIZE, page } } })),
  });
  return (
    <QueryState query={report} what="top links" feature="Reports">
      {(r) => (
        <RankedTable
          caption="Top links"
          nameHeader="Link"
          moneyHeaders={['Revenue', 'Commission']}
          extraHeaders={['Conversion rate']}
          rows={r.data.map((l) => ({
            id: l.key,
            name: l.label ? `/r/${l.label}` : l.key,
            clicks: l.clicks,
            conversions: l.conversions,
            money: { Revenue: l.revenue, Commission: l.commission },
            extra: { 'Conversion rate': `${(l.conversionRate * 100).toFixed(2)}%` },
          }))}
          currency={r.currency}
          sorts={SORTS}
          sort={sort}
          onSort={onSort}
          page={r.page}
          pageSize={r.pageSize}
          total={r.total}
          onPage={onPage}
          csv={{
            fileName: `top-links-${period.from}-${period.to}`,
            fetch: () => call(api.GET('/api/v1/reports/breakdown', { params: { query: { ...query, limit: CSV_ROWS.links, format: 'csv' } }, parseAs: 'text' })),
          }}
        />
      )}
    </QueryState>
  );
}
