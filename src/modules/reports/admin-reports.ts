import type { Db } from '../../platform/db/client.ts';
import { DEFAULT_CURRENCY, formatMoney } from '../../platform/money.ts';
import { affiliateDisplayNames } from '../affiliates/index.ts';
import { merchantBusinessNames } from '../merchants/index.ts';
import { emptyTotals, standingCommission, sumReportBuckets, type BucketTotals } from './read-report-buckets.ts';
import { parseReportRange } from './report-range.ts';

export interface AdminReportQuery {
  from?: string | undefined;
  to?: string | undefined;
  tz?: string | undefined;
  currency?: string | undefined;
  limit?: number | undefined;
}

const figures = (t: BucketTotals, currency: string) => ({
  clicks: t.clicks,
  conversions: t.conversions,
  revenue: formatMoney(t.revenue, currency),
  commission: formatMoney(standingCommission(t), currency),
});

/**
 * Live platform totals of a range (orders by their time), the money owed — approved and payable
 * commission not yet paid — and paid, and the top merchants and affiliates by commission.
 */
export async function adminOverview(db: Db, query: AdminReportQuery) {
  const range = parseReportRange(query);
  const currency = query.currency ?? DEFAULT_CURRENCY;
  const scope = { livemode: true };
  const limit = query.limit ?? 10;
  const [totalRows, merchantRows, affiliateRows] = await Promise.all([
    sumReportBuckets(db, scope, range, currency),
    sumReportBuckets(db, scope, range, currency, { group: 'merchant', limit }),
    sumReportBuckets(db, scope, range, currency, { group: 'affiliate', limit }),
  ]);
  const totals = totalRows[0] ?? emptyTotals('');
  const [merchantNames, affiliateNames] = await Promise.all([
    merchantBusinessNames(
      db,
      merchantRows.map((r) => r.key),
    ),
    affiliateDisplayNames(
      db,
      affiliateRows.map((r) => r.key),
    ),
  ]);
  const money = (v: bigint) => formatMoney(v, currency);
  return {
    from: range.from,
    to: range.to,
    tz: range.tz,
    currency,
    ...figures(totals, currency),
    pending: money(totals.pending + totals.hold),
    owed: { approved: money(totals.approved), payable: money(totals.payable) },
    paid: money(totals.paid),
    reversed: money(totals.reversed + totals.rejected),
    topMerchants: merchantRows.map((r) => ({ merchantId: r.key, businessName: merchantNames.get(r.key) ?? '', ...figures(r, currency) })),
    topAffiliates: affiliateRows.map((r) => ({ affiliateId: r.key, displayName: affiliateNames.get(r.key) ?? '', ...figures(r, currency) })),
  };
}
