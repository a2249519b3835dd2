import { useQuery } from '@tanstack/react-query';
import { asApiError, call, type ItemOf, type ResponseOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState, Unavailable } from '../../components/QueryState.tsx';
import { formatCount, formatDate, formatMoney } from '../../format.ts';
import { useLocation } from '../../router.tsx';
import { ReportPeriodPicker, useReportPeriod } from '../reports/ReportPeriodPicker.tsx';
import { REPORT_TIME_ZONE } from '../reports/report-period.ts';
import { CreateLinkForm } from './CreateLinkForm.tsx';
import { LinkQrCode } from './LinkQrCode.tsx';
import { LINKS_KEY, useJoinedCampaigns } from './affiliate-queries.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { shortLinkOrigin } from './link-url.ts';

type AffiliateLink = ItemOf<'/api/affiliate/links', 'get'>;
type LinkFigures = ResponseOf<'/api/affiliate/reports/breakdown', 'get'>;
// The report's largest page: enough for every link with activity in all but the busiest periods.
const FIGURES_LIMIT = 500;

export function LinksPage() {
  const api = useApi();
  const { search } = useLocation();
  const links = useQuery({ queryKey: LINKS_KEY, queryFn: () => call(api.GET('/api/affiliate/links', { params: { query: { pageSize: 200 } } })) });
  const joined = useJoinedCampaigns();
  const [period, setPeriod] = useReportPeriod();
  // Per-link figures come from the report roll-ups, like the overview's "Per link" table.
  const figures = useQuery({
    queryKey: [...LINKS_KEY, 'figures', period],
    queryFn: () =>
      call(api.GET('/api/affiliate/reports/breakdown', { params: { query: { ...period, tz: REPORT_TIME_ZONE, by: 'link', limit: FIGURES_LIMIT } } })),
  });
  const linksMissing = links.isError && asApiError(links.error).isMissingEndpoint;

  return (
    <div>
      <PageHeader title="Links">
        <p>Each link is short and unguessable. Buyers who click it land on the store; the sale is credited to you.</p>
      </PageHeader>
      {linksMissing ? (
        <Unavailable feature="Links" />
      ) : (
        <>
          <QueryState query={joined} what="your campaigns" feature="Campaigns">
            {(page) => (
              <CreateLinkForm
                campaigns={page.data}
                preselected={search.get('campaign')}
                linkOrigin={shortLinkOrigin(links.data?.data[0]?.url, window.location.origin)}
              />
            )}
          </QueryState>
          <section className="section" aria-labelledby="your-links">
            <h2 id="your-links">Your links</h2>
            <ReportPeriodPicker period={period} onChange={setPeriod} />
            <QueryState query={links} what="your links" feature="Links">
              {(page) =>
                page.data.length === 0 ? (
                  <EmptyState title="No links yet">Create your first link above, then share it wherever your audience is.</EmptyState>
                ) : (
                  <LinksTable links={page.data} figures={figures.data} />
                )
              }
            </QueryState>
          </section>
        </>
      )}
    </div>
  );
}

function LinksTable({ links, figures }: { links: AffiliateLink[]; figures: LinkFigures | undefined }) {
  const byLink = new Map(figures?.data.map((row) => [row.key, row]));
  // A link missing from a complete report had no activity; from a cut-off one, its figures are unknown.
  const complete = figures !== undefined && figures.total <= figures.data.length;
  const figure = (link: AffiliateLink, show: (row: LinkFigures['data'][number]) => string, zero: string) => {
    const row = byLink.get(link.id);
    if (row) return show(row);
    return complete ? zero : '—';
  };
  const currency = figures?.currency ?? 'NPR';
  return (
    <TableWrap>
      <table className="stack-on-phone">
        <caption className="visually-hidden">Your links with their clicks, conversions and earnings in the period</caption>
        <thead>
          <tr>
            <th scope="col">Link</th>
            <th scope="col">Campaign</th>
            <th scope="col">Product</th>
            <th scope="col" className="numeric">
              Clicks
            </th>
            <th scope="col" className="numeric">
              Conversions
            </th>
            <th scope="col" className="numeric">
              Earnings
            </th>
            <th scope="col">Created</th>
            <th scope="col">QR</th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id}>
              <th scope="row" data-label="Link">
                <span className="mono">{link.url}</span> <CopyButton text={link.url} label="Copy link" />
              </th>
              <td data-label="Campaign">{link.campaignTitle ?? <span className="mono">{link.campaignId}</span>}</td>
              <td data-label="Product">{link.productName ?? link.productId ?? 'Whole campaign'}</td>
              <td data-label="Clicks" className="numeric">
                {figure(link, (row) => formatCount(row.clicks), '0')}
              </td>
              <td data-label="Conversions" className="numeric">
                {figure(link, (row) => formatCount(row.conversions), '0')}
              </td>
              <td data-label="Earnings" className="numeric">
                {figure(link, (row) => formatMoney(row.earnings, currency), formatMoney('0.00', currency))}
              </td>
              <td data-label="Created">{formatDate(link.createdAt)}</td>
              <td data-label="QR">
                <LinkQrCode linkId={link.id} url={link.url} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
