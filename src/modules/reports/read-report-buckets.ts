import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/client.ts';
import type { ReportRange } from './report-range.ts';
import { reportTotalsSource } from './report-totals-source.ts';

/** Whose buckets a report reads: a merchant's, or an affiliate's across merchants, or the platform's. */
export interface ReportScope {
  livemode: boolean;
  merchantId?: string | undefined;
  affiliateId?: string | undefined;
  campaignId?: string | undefined;
}

/** What reports group by; each is a column of the roll-ups (or the calendar day in the report's zone). */
export const REPORT_GROUPS = ['day', 'merchant', 'campaign', 'product', 'affiliate', 'link', 'subId'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** What a grouped report can be ordered by, most first. */
export const REPORT_SORTS = ['commission', 'revenue', 'conversions', 'clicks'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export interface BucketTotals {
  key: string;
  /** How many keys the whole grouped report has (for paging); 1 without a group. */
  groups: number;
  /** Every recorded click. */
  allClicks: number;
  /** Attributable human clicks: what reports call clicks. */
  clicks: number;
  conversions: number;
  /** Amounts below are in the report's currency only. */
  revenue: bigint;
  pending: bigint;
  hold: bigint;
  approved: bigint;
  payable: bigint;
  paid: bigint;
  reversed: bigint;
  rejected: bigint;
}

const GROUP_COLUMNS: Record<Exclude<ReportGroup, 'day'>, string> = {
  merchant: 'merchant_id',
  campaign: 'campaign_id',
  product: 'product_id',
  affiliate: 'affiliate_id',
  link: 'link_id',
  subId: 'sub_id',
};

const groupExpression = (group: ReportGroup | null, tz: string): SQL =>
  group === null ? sql`''` : group === 'day' ? sql`((bucket at time zone ${tz}::text)::date)::text` : sql.raw(GROUP_COLUMNS[group]);

/** Groups the coarse totals keep (no product, link or sub-id); they serve one merchant's reports. */
const TOTALS_GROUPS: ReadonlySet<ReportGroup | null> = new Set<ReportGroup | null>([null, 'day', 'campaign', 'affiliate']);

/** Where a report's rows come from: the coarse totals when they hold its grouping, else the quarter-hour buckets. */
async function reportSource(executor: Executor, scope: ReportScope, range: ReportRange, group: ReportGroup | null): Promise<{ key: SQL; from: SQL }> {
  if (scope.merchantId !== undefined && scope.affiliateId === undefined && TOTALS_GROUPS.has(group)) {
    const from = await reportTotalsSource(executor, { ...scope, merchantId: scope.merchantId }, range, {
      byDay: group === 'day',
      perAffiliate: group === 'affiliate',
    });
    return { key: group === 'day' ? sql`piece_day` : groupExpression(group, range.tz), from };
  }
  return {
    key: groupExpression(group, range.tz),
    from: sql`report_buckets
      where livemode = ${scope.livemode}
        and bucket >= (${range.from}::date)::timestamp at time zone ${range.tz}::text
        and bucket < (${range.to}::date + 1)::timestamp at time zone ${range.tz}::text
        ${scope.merchantId === undefined ? sql`` : sql`and merchant_id = ${scope.merchantId}`}
        ${scope.affiliateId === undefined ? sql`` : sql`and affiliate_id = ${scope.affiliateId}`}
        ${scope.campaignId === undefined ? sql`` : sql`and campaign_id = ${scope.campaignId}`}`,
  };
}

/**
 * Sum the roll-ups of a range of calendar days in the range's zone: the buckets from the first day's
 * local midnight to the midnight after the last day. Amounts are summed in one currency.
 */
export async function sumReportBuckets(
  executor: Executor,
  scope: ReportScope,
  range: ReportRange,
  currency: string,
  options: { group?: ReportGroup; limit?: number; offset?: number; sort?: ReportSort } = {},
): Promise<BucketTotals[]> {
  const { key, from } = await reportSource(executor, scope, range, options.group ?? null);
  const committed = sql`commission_pending + commission_hold + commission_approved + commission_payable + commission_paid`;
  const money = (column: SQL) => sql`(coalesce(sum(${column}) filter (where currency = ${currency}), 0))::text`;
  const sortBy: Record<ReportSort, SQL> = {
    commission: sql`${money(committed)}::bigint`,
    revenue: sql`${money(sql`revenue`)}::bigint`,
    conversions: sql`sum(conversions)`,
    clicks: sql`sum(attributable_clicks)`,
  };
  const rows = await queryRows<Record<string, string>>(
    executor,
    sql`select ${key} as key, sum(clicks)::text as all_clicks, sum(attributable_clicks)::text as clicks, sum(conversions)::text as conversions,
        ${money(sql`revenue`)} as revenue, ${money(sql`commission_pending`)} as pending, ${money(sql`commission_hold`)} as hold,
        ${money(sql`commission_approved`)} as approved, ${money(sql`commission_payable`)} as payable, ${money(sql`commission_paid`)} as paid,
        ${money(sql`commission_reversed`)} as reversed, ${money(sql`commission_rejected`)} as rejected, count(*) over () as groups
      from ${from}
      group by 1
      order by ${sortBy[options.sort ?? 'commission']} desc, sum(attributable_clicks) desc, 1
      ${options.limit === undefined ? sql`` : sql`limit ${options.limit}`} ${options.offset ? sql`offset ${options.offset}` : sql``}`,
  );
  return rows.map((row) => ({
    key: row.key ?? '',
    groups: Number(row.groups ?? 0),
    allClicks: Number(row.all_clicks ?? 0),
    clicks: Number(row.clicks ?? 0),
    conversions: Number(row.conversions ?? 0),
    revenue: BigInt(row.revenue ?? 0),
    pending: BigInt(row.pending ?? 0),
    hold: BigInt(row.hold ?? 0),
    approved: BigInt(row.approved ?? 0),
    payable: BigInt(row.payable ?? 0),
    paid: BigInt(row.paid ?? 0),
    reversed: BigInt(row.reversed ?? 0),
    rejected: BigInt(row.rejected ?? 0),
  }));
}

export const emptyTotals = (key: string): BucketTotals => ({
  key,
  groups: 0,
  allClicks: 0,
  clicks: 0,
  conversions: 0,
  revenue: 0n,
  pending: 0n,
  hold: 0n,
  approved: 0n,
  payable: 0n,
  paid: 0n,
  reversed: 0n,
  rejected: 0n,
});

/** Commission that still stands: everything but reversed and rejected (SPEC §10 summary). */
export const standingCommission = (t: BucketTotals): bigint => t.pending + t.hold + t.approved + t.payable + t.paid;

/** Conversions per attributable click, to four decimals; 0 without clicks. */
export const conversionRate = (t: BucketTotals): number => (t.clicks === 0 ? 0 : Math.round((t.conversions / t.clicks) * 10_000) / 10_000);
