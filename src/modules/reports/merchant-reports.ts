import type { Db } from '../../platform/db/client.ts';
import { formatMoney } from '../../platform/money.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { affiliateDisplayNames } from '../affiliates/index.ts';
import { getMerchantCurrency } from '../merchants/index.ts';
import {
  conversionRate,
  emptyTotals,
  standingCommission,
  sumReportBuckets,
  type BucketTotals,
  type ReportGroup,
  type ReportSort,
} from './read-report-buckets.ts';
import { pageOffset, reportKeyLabels } from './report-key-labels.ts';
import { parseReportRange, type ReportRange } from './report-range.ts';

export interface ReportQuery {
  from?: string | undefined;
  to?: string | undefined;
  tz?: string | undefined;
  campaignId?: string | undefined;
}

/** A page of a grouped report: `limit` keys per page, ordered by `sort` (most first). */
export interface ReportPageQuery {
  limit?: number | undefined;
  page?: number | undefined;
  sort?: ReportSort | undefined;
}

export const BREAKDOWNS = ['campaign', 'product', 'link', 'subId'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

async function context(db: Db, tenant: Tenant, query: ReportQuery) {
  const range = parseReportRange(query);
  const currency = await getMerchantCurrency(db, tenant.merchantId);
  const scope = { merchantId: tenant.merchantId, livemode: tenant.livemode, campaignId: query.campaignId };
  const sum = (group?: ReportGroup, paging: { limit: number; page?: number | undefined; sort?: ReportSort | undefined } | null = null) =>
    sumReportBuckets(db, scope, range, currency, {
      ...(group ? { group } : {}),
      ...(paging ? { limit: paging.limit, offset: pageOffset(paging.page, paging.limit), sort: paging.sort ?? 'commission' } : {}),
    });
  return { range, currency, sum };
}

const figures = (t: BucketTotals, currency: string) => ({
  clicks: t.clicks,
  conversions: t.conversions,
  revenue: formatMoney(t.revenue, currency),
  commission: formatMoney(standingCommission(t), currency),
});

const header = (range: ReportRange, currency: string) => ({ from: range.from, to: range.to, tz: range.tz, currency });

/** Totals of a range (SPEC §10 `GET /api/v1/reports/summary`). */
export async function merchantSummary(db: Db, tenant: Tenant, query: ReportQuery) {
  const { range, currency, sum } = await context(db, tenant, query);
  const totals = (await sum())[0] ?? emptyTotals('');
  const earningsPerClick = totals.clicks === 0 ? 0n : standingCommission(totals) / BigInt(totals.clicks);
  return {
    ...header(range, currency),
    ...figures(totals, currency),
    conversionRate: conversionRate(totals),
    earningsPerClick: formatMoney(earningsPerClick, currency),
  };
}

/** One entry per calendar day of the range in its zone, zeros included. */
export async function merchantTimeseries(db: Db, tenant: Tenant, query: ReportQuery) {
  const { range, currency, sum } = await context(db, tenant, query);
  const byDay = new Map((await sum('day')).map((row) => [row.key, row]));
  return { ...header(range, currency), data: range.days.map((date) => ({ date, ...figures(byDay.get(date) ?? emptyTotals(date), currency) })) };
}

const paged = (rows: BucketTotals[], query: ReportPageQuery, limit: number) => ({ page: query.page ?? 1, pageSize: limit, total: rows[0]?.groups ?? 0 });

/** Top affiliates of the range, most commission first (or by `sort`), a page at a time. */
export async function merchantTopAffiliates(db: Db, tenant: Tenant, query: ReportQuery & ReportPageQuery) {
  const { range, currency, sum } = await context(db, tenant, query);
  const limit = query.limit ?? 10;
  const rows = await sum('affiliate', { ...query, limit });
  const names = await affiliateDisplayNames(
    db,
    rows.map((r) => r.key),
  );
  return {
    ...header(range, currency),
    ...paged(rows, query, limit),
    data: rows.map((r) => ({ affiliateId: r.key, displayName: names.get(r.key) ?? '', ...figures(r, currency) })),
  };
}

/** The range broken down by campaign, product, link or sub-id; `key` is '' for clicks without one (no product, no sub-id). */
export async function merchantBreakdown(db: Db, tenant: Tenant, query: ReportQuery & ReportPageQuery & { by: Breakdown }) {
  const { range, currency, sum } = await context(db, tenant, query);
  const limit = query.limit ?? 100;
  const rows = await sum(query.by, { ...query, limit });
  const labels = await reportKeyLabels(
    db,
    query.by,
    rows.map((r) => r.key),
  );
  return {
    ...header(range, currency),
    by: query.by,
    ...paged(rows, query, limit),
    data: rows.map((r) => ({ key: r.key, label: labels.get(r.key) ?? '', ...figures(r, currency), conversionRate: conversionRate(r) })),
  };
}
