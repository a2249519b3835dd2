import { useQuery } from '@tanstack/react-query';
import { call, type ResponseOf } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { formatCount, formatMoney } from '../../../format.ts';
import { ReportPeriodPicker, useReportPeriod } from '../../reports/ReportPeriodPicker.tsx';
import { REPORT_TIME_ZONE } from '../../reports/report-period.ts';
import { TableWrap } from '../../../components/TableWrap.tsx';

type Overview = ResponseOf<'/api/admin/reports/overview', 'get'>;

/** Live platform totals of a period, the money owed and paid, and the stores and creators that earned most. */
export function PlatformTotals() {
  const api = useApi();
  const [period, setPeriod] = useReportPeriod();
  const overview = useQuery({
    queryKey: ['admin', 'reports', 'overview', period],
    queryFn: () => call(api.GET('/api/admin/reports/overview', { params: { query: { ...period, tz: REPORT_TIME_ZONE } } })),
  });
  return (
    <section className="section" aria-labelledby="platform-totals">
      <h2 id="platform-totals">Platform totals</h2>
      <ReportPeriodPicker period={period} onChange={setPeriod} />
      <QueryState query={overview} what="the platform totals" feature="Reports">
        {(report) => (
          <>
            <Figures report={report} />
            <div className="grid grid--two">
              <TopTable
                id="top-stores"
                title="Top stores"
                nameHeader="Store"
                currency={report.currency}
                rows={report.topMerchants.map((r) => ({ id: r.merchantId, name: r.businessName, ...r }))}
              />
              <TopTable
                id="top-affiliates"
                title="Top creators"
                nameHeader="Creator"
                currency={report.currency}
                rows={report.topAffiliates.map((r) => ({ id: r.affiliateId, name: r.displayName, ...r }))}
              />
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}

function Figures({ report }: { report: Overview }) {
  const money = (v: string) => formatMoney(v, report.currency);
  const figures = [
    { label: 'Clicks', value: formatCount(report.clicks) },
    { label: 'Conversions', value: formatCount(report.conversions) },
    { label: 'Revenue', value: money(report.revenue) },
    { label: 'Commission', value: money(report.commission) },
    { label: 'Pending', value: money(report.pending) },
    { label: 'Owed: approved', value: money(report.owed.approved) },
    { label: 'Owed: payable', value: money(report.owed.payable) },
    { label: 'Paid', value: money(report.paid) },
    { label: 'Reversed', value: money(report.reversed) },
  ];
  return (
    <dl className="headline" aria-label="Platform totals of the period">
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

interface TopRow {
  id: string;
  name: string;
  clicks: number;
  conversions: number;
  revenue: string;
  commission: string;
}

function TopTable({ id, title, nameHeader, currency, rows }: { id: string; title: string; nameHeader: string; currency: string; rows: TopRow[] }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">Nothing in this period.</p>
      ) : (
        <TableWrap>
          <table className="stack-on-phone">
            <caption className="visually-hidden">{title}, most commission first</caption>
            <thead>
              <tr>
                <th scope="col">{nameHeader}</th>
                <th scope="col">Clicks</th>
                <th scope="col">Conversions</th>
                <th scope="col">Revenue</th>
                <th scope="col" aria-sort="descending">
                  Commission
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" data-label={nameHeader}>
                    {r.name || r.id}
                  </th>
                  <td data-label="Clicks">{formatCount(r.clicks)}</td>
                  <td data-label="Conversions">{formatCount(r.conversions)}</td>
                  <td data-label="Revenue">{formatMoney(r.revenue, currency)}</td>
                  <td data-label="Commission">{formatMoney(r.commission, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
