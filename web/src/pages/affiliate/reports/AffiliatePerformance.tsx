import { useQuery } from '@tanstack/react-query';
import { call, type ResponseOf } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { DailyChart } from '../../../components/charts/DailyChart.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { formatCount, formatMoney } from '../../../format.ts';
import { RankedTable } from '../../reports/RankedTable.tsx';
import { ReportPeriodPicker, useReportPeriod } from '../../reports/ReportPeriodPicker.tsx';
import { REPORT_TIME_ZONE, type Period } from '../../reports/report-period.ts';
import { useRankedPaging } from '../../reports/ranked-paging.ts';

type Timeseries = ResponseOf<'/api/affiliate/reports/timeseries', 'get'>;
type Sort = 'earnings' | 'conversions' | 'clicks';
const SORTS = [
  { value: 'earnings', label: 'Most earnings', header: 'Earnings' },
  { value: 'conversions', label: 'Most conversions', header: 'Conversions' },
  { value: 'clicks', label: 'Most clicks', header: 'Clicks' },
] as const;
const PAGE_SIZE = 10;

/** Clicks → conversions → earnings over a period, and what each link earned per click. */
export function AffiliatePerformance() {
  const api = useApi();
  const [period, setPeriod] = useReportPeriod();
  const series = useQuery({
    queryKey: ['affiliate', 'reports', 'timeseries', period],
    queryFn: () => call(api.GET('/api/affiliate/reports/timeseries', { params: { query: { ...period, tz: REPORT_TIME_ZONE } } })),
  });
  return (
    <>
      <section className="section" aria-labelledby="performance">
        <h2 id="performance">Clicks, conversions and earnings</h2>
        <ReportPeriodPicker period={period} onChange={setPeriod} />
        <QueryState query={series} what="your figures" feature="Reports">
          {(report) => (
            <>
              <Totals report={report} />
              <EarningsChart report={report} />
            </>
          )}
        </QueryState>
      </section>
      <section className="section" aria-labelledby="per-link">
        <h2 id="per-link">Per link</h2>
        <LinkEarnings key={`${period.from}:${period.to}`} period={period} />
      </section>
    </>
  );
}

function Totals({ report }: { report: Timeseries }) {
  const t = report.totals;
  const figures = [
    { label: 'Clicks', value: formatCount(t.clicks) },
    { label: 'Conversions', value: formatCount(t.conversions) },
    { label: 'Earnings', value: formatMoney(t.earnings, report.currency) },
    { label: 'Pending', value: formatMoney(t.pending, report.currency) },
    { label: 'Reversed', value: formatMoney(t.reversed, report.currency) },
  ];
  return (
    <dl className="headline" aria-label="Totals of the period">
      {figures.map((f) => (
        <div key={f.label} className="headline-figure">
          <dt>{f.label}</dt>
          <dd>
            <span className="headline-value">{f.value}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function EarningsChart({ report }: { report: Timeseries }) {
  const t = report.totals;
  return (
    <DailyChart
      title="Clicks, conversions and earnings per day"
      summary={`${formatCount(t.clicks)} clicks, ${formatCount(t.conversions)} conversions and ${formatMoney(t.earnings, report.currency)} earned from ${report.from} to ${report.to}.`}
      days={report.data.map((d) => d.date)}
      series={[
        { label: 'Clicks', axis: 'count', color: '#2563eb', values: report.data.map((d) => d.clicks), shown: report.data.map((d) => formatCount(d.clicks)) },
        {
          label: 'Conversions',
          axis: 'count',
          color: '#16a34a',
          values: report.data.map((d) => d.conversions),
          shown: report.data.map((d) => formatCount(d.conversions)),
        },
        {
          label: 'Earnings',
          axis: 'money',
          color: '#b45309',
          values: report.data.map((d) => Number(d.earnings)),
          shown: report.data.map((d) => formatMoney(d.earnings, report.currency)),
        },
      ]}
    />
  );
}

function LinkEarnings({ period }: { period: Period }) {
  const api = useApi();
  const { sort, page, onSort, onPage } = useRankedPaging<Sort>('earnings');
  const query = { ...period, tz: REPORT_TIME_ZONE, by: 'link' as const, sort };
  const report = useQuery({
    queryKey: ['affiliate', 'reports', 'links', period, sort, page],
    queryFn: () => call(api.GET('/api/affiliate/reports/breakdown', { params: { query: { ...query, limit: PAGE_SIZE, page } } })),
  });
  return (
    <QueryState query={report} what="your links" feature="Reports">
      {(r) => (
        <RankedTable
          caption="Earnings per link"
          nameHeader="Link"
          moneyHeaders={['Earnings', 'Earnings per click']}
          extraHeaders={['Conversion rate']}
          rows={r.data.map((l) => ({
            id: l.key,
            name: l.label ? `/r/${l.label}` : l.key,
            clicks: l.clicks,
            conversions: l.conversions,
            money: { Earnings: l.earnings, 'Earnings per click': l.earningsPerClick },
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
            fileName: `earnings-per-link-${period.from}-${period.to}`,
            fetch: () => call(api.GET('/api/affiliate/reports/breakdown', { params: { query: { ...query, limit: 500, format: 'csv' } }, parseAs: 'text' })),
          }}
        />
      )}
    </QueryState>
  );
}
