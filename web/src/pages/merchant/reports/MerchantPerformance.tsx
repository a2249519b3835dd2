import { useQuery } from '@tanstack/react-query';
import { call, type DataMode, type ResponseOf } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { DailyChart } from '../../../components/charts/DailyChart.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { formatCount, formatMoney } from '../../../format.ts';
import { describeChange, minorUnits, previousPeriod, REPORT_TIME_ZONE, type Period } from '../../reports/report-period.ts';

type Summary = ResponseOf<'/api/v1/reports/summary', 'get'>;
type Timeseries = ResponseOf<'/api/v1/reports/timeseries', 'get'>;

/** Headline numbers of the period with their change against the period before, and the per-day chart. */
export function MerchantPerformance({ mode, period }: { mode: DataMode; period: Period }) {
  const api = useApi().forMode(mode);
  const summaryOf = (p: Period) => call(api.GET('/api/v1/reports/summary', { params: { query: { ...p, tz: REPORT_TIME_ZONE } } }));
  const before = previousPeriod(period);
  const current = useQuery({ queryKey: ['merchant', 'reports', mode, 'summary', period], queryFn: () => summaryOf(period) });
  const previous = useQuery({ queryKey: ['merchant', 'reports', mode, 'summary', before], queryFn: () => summaryOf(before) });
  const series = useQuery({
    queryKey: ['merchant', 'reports', mode, 'timeseries', period],
    queryFn: () => call(api.GET('/api/v1/reports/timeseries', { params: { query: { ...period, tz: REPORT_TIME_ZONE } } })),
  });
  return (
    <>
      <QueryState query={current} what="your figures" feature="Reports">
        {(summary) => <Headline summary={summary} previous={previous.data} />}
      </QueryState>
      <QueryState query={series} what="the chart" feature="Reports">
        {(report) => <PerformanceChart report={report} />}
      </QueryState>
    </>
  );
}

function Headline({ summary, previous }: { summary: Summary; previous: Summary | undefined }) {
  const rate = (value: number) => `${(value * 100).toFixed(2)}%`;
  const figures = [
    { label: 'Clicks', value: formatCount(summary.clicks), change: previous && describeChange(summary.clicks, previous.clicks) },
    { label: 'Conversions', value: formatCount(summary.conversions), change: previous && describeChange(summary.conversions, previous.conversions) },
    {
      label: 'Revenue',
      value: formatMoney(summary.revenue, summary.currency),
      change: previous && describeChange(minorUnits(summary.revenue), minorUnits(previous.revenue)),
    },
    {
      label: 'Commission',
      value: formatMoney(summary.commission, summary.currency),
      change: previous && describeChange(minorUnits(summary.commission), minorUnits(previous.commission)),
    },
    // Basis points, so the change of a rate is compared exactly.
    {
      label: 'Conversion rate',
      value: rate(summary.conversionRate),
      change: previous && describeChange(Math.round(summary.conversionRate * 10_000), Math.round(previous.conversionRate * 10_000)),
    },
  ];
  return (
    <dl className="headline" aria-label="Headline numbers">
      {figures.map((f) => (
        <div key={f.label} className="headline-figure">
          <dt>{f.label}</dt>
          <dd>
            <span className="headline-value">{f.value}</span>
            {f.change && <span className="headline-change">{f.change} vs previous period</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function PerformanceChart({ report }: { report: Timeseries }) {
  const days = report.data.map((d) => d.date);
  const totals = report.data.reduce((sum, d) => ({ clicks: sum.clicks + d.clicks, conversions: sum.conversions + d.conversions }), {
    clicks: 0,
    conversions: 0,
  });
  const commission = report.data.reduce((sum, d) => sum + minorUnits(d.commission), 0n);
  return (
    <DailyChart
      title="Clicks, conversions and commission per day"
      summary={`${formatCount(totals.clicks)} clicks, ${formatCount(totals.conversions)} conversions and ${formatMoney(formatMinor(commission), report.currency)} commission from ${report.from} to ${report.to}.`}
      days={days}
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
          label: 'Commission',
          axis: 'money',
          color: '#b45309',
          values: report.data.map((d) => Number(d.commission)),
          shown: report.data.map((d) => formatMoney(d.commission, report.currency)),
        },
      ]}
    />
  );
}

/** Minor units back to a decimal string ("1234.50"). */
export const formatMinor = (minor: bigint): string => {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};
