import type { Db } from '../../platform/db/client.ts';
import { DEFAULT_CURRENCY, formatMoney } from '../../platform/money.ts';
import { conversionRate, emptyTotals, standingCommission, sumReportBuckets, type BucketTotals } from './read-report-buckets.ts';
import { pageOffset, reportKeyLabels } from './report-key-labels.ts';
import { parseReportRange } from './report-range.ts';

export interface AffiliateReportQuery {
  from?: string | undefined;
  to?: string | undefined;
  tz?: string | undefined;
  campaignId?: string | undefined;
  currency?: string | undefined;
}

export const AFFILIATE_BREAKDOWNS = ['link', 'subId', 'campaign'] as const;
/** `earnings` orders by commission not reversed or rejected, as the merchant's `commission` does. */
export const AFFILIATE_SORTS = ['earnings', 'conversions', 'clicks'] as const;
export type AffiliateBreakdown = (typeof AFFILIATE_BREAKDOWNS)[number];

/** What an affiliate earned, by state, in one currency; `earnings` is everything not reversed or rejected. */
function earnings(t: BucketTotals, currency: string) {
  const money = (v: bigint) => formatMoney(v, currency);
  return {
    clicks: t.clicks,
    conversions: t.conversions,
    earnings: money(standingCommission(t)),
    pending: money(t.pending + t.hold),
    approved: money(t.approved),
    payable: money(t.payable),
    paid: money(t.paid),
    reversed: money(t.reversed + t.rejected),
  };
}

async function context(db: Db, affiliateId: string, query: AffiliateReportQuery) {
  const range = parseReportRange(query);
  const currency = query.currency ?? DEFAULT_CURRENCY;
  // Affiliates earn live money only; test-mode activity is the merchant's rehearsal.
  const scope = { affiliateId, livemode: true, campaignId: query.campaignId };
  return { range, currency, header: { from: range.from, to: range.to, tz: range.tz, currency }, scope };
}

/** The affiliate's clicks, conversions and earnings by state, one entry per day of the range. */
export async function affiliateTimeseries(db: Db, affiliateId: string, query: AffiliateReportQuery) {
  const { range, currency, header, scope } = await context(db, affiliateId, query);
  const rows = await sumReportBuckets(db, scope, range, currency, { group: 'day' });
  const byDay = new Map(rows.map((r) => [r.key, r]));
  const total = rows.reduce((sum, r) => addTotals(sum, r), emptyTotals(''));
  return {
    ...header,
    totals: earnings(total, currency),
    data: range.days.map((date) => ({ date, ...earnings(byDay.get(date) ?? emptyTotals(date), currency) })),
  };
}

/** The affiliate's range per link, sub-id or campaign, with conversion rate and earnings per click, a page at a time. */
export async function affiliateBreakdown(
  db: Db,
  affiliateId: string,
  query: AffiliateReportQuery & {
    by: AffiliateBreakdown;
    limit?: number | undefined;
    page?: number | undefined;
    sort?: (typeof AFFILIATE_SORTS)[number] | undefined;
  },
) {
  const { range, currency, header, scope } = await context(db, affiliateId, query);
  const limit = query.limit ?? 100;
  const sort = query.sort === undefined || query.sort === 'earnings' ? 'commission' : query.sort;
  const rows = await sumReportBuckets(db, scope, range, currency, { group: query.by, limit, offset: pageOffset(query.page, limit), sort });
  const labels = await reportKeyLabels(
    db,
    query.by,
    rows.map((r) => r.key),
  );
  return {
    ...header,
    by: query.by,
    page: query.page ?? 1,
    pageSize: limit,
    total: rows[0]?.groups ?? 0,
    data: rows.map((r) => ({
      key: r.key,
      label: labels.get(r.key) ?? '',
      ...earnings(r, currency),
      conversionRate: conversionRate(r),
      earningsPerClick: formatMoney(r.clicks === 0 ? 0n : standingCommission(r) / BigInt(r.clicks), currency),
    })),
  };
}

export function addTotals(a: BucketTotals, b: BucketTotals): BucketTotals {
  return {
    key: a.key,
    groups: a.groups,
    allClicks: a.allClicks + b.allClicks,
    clicks: a.clicks + b.clicks,
    conversions: a.conversions + b.conversions,
    revenue: a.revenue + b.revenue,
    pending: a.pending + b.pending,
    hold: a.hold + b.hold,
    approved: a.approved + b.approved,
    payable: a.payable + b.payable,
    paid: a.paid + b.paid,
    reversed: a.reversed + b.reversed,
    rejected: a.rejected + b.rejected,
  };
}
