import { sql } from 'drizzle-orm';
import { inTransaction, queryRows, type Db } from '../../platform/db/client.ts';
import { commissionReportRows } from '../commissions/index.ts';
import { conversionReportRows } from '../conversions/index.ts';
import { clickReportRows } from '../tracking/index.ts';

export interface RebuildRange {
  /** First UTC day to recompute (inclusive); null for the beginning. */
  from: Date | null;
  /** Day after the last UTC day to recompute (exclusive); null for no end. */
  to: Date | null;
}

/**
 * Recompute the roll-ups of a time range (UTC midnights) from the raw clicks, conversions, orders and
 * commissions: the buckets first, then the coarse totals from them (their trigger stands aside meanwhile).
 * The exclusive lock makes every writer wait until the new numbers are committed, so a click flushed
 * meanwhile is neither lost nor counted twice (its trigger runs after the rebuild commits).
 */
export async function rebuildReportBuckets(db: Db, range: RebuildRange): Promise<{ buckets: number }> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`lock table report_buckets in exclusive mode`);
    await tx.execute(sql`select set_config('influencemart.reports_rebuild', 'on', true)`);
    await tx.execute(sql`delete from report_buckets
      where (${range.from}::timestamptz is null or bucket >= ${range.from}) and (${range.to}::timestamptz is null or bucket < ${range.to})`);
    const rows = await queryRows<{ buckets: number }>(
      tx,
      sql`with inserted as (
        insert into report_buckets (merchant_id, livemode, bucket, campaign_id, product_id, affiliate_id, link_id, sub_id, currency,
          clicks, attributable_clicks, conversions, revenue, commission_pending, commission_hold, commission_approved,
          commission_payable, commission_paid, commission_reversed, commission_rejected)
        select merchant_id, livemode, bucket, campaign_id, product_id, affiliate_id, link_id, sub_id, currency,
          sum(clicks), sum(attributable_clicks), sum(conversions), sum(revenue),
          coalesce(sum(commission) filter (where status = 'pending'), 0), coalesce(sum(commission) filter (where status = 'hold'), 0),
          coalesce(sum(commission) filter (where status = 'approved'), 0), coalesce(sum(commission) filter (where status = 'payable'), 0),
          coalesce(sum(commission) filter (where status = 'paid'), 0), coalesce(sum(commission) filter (where status = 'reversed'), 0),
          coalesce(sum(commission) filter (where status = 'rejected'), 0)
        from (${clickReportRows(range)} union all ${conversionReportRows(range)} union all ${commissionReportRows(range)}) as contributions
        group by merchant_id, livemode, bucket, campaign_id, product_id, affiliate_id, link_id, sub_id, currency
        returning 1)
      select count(*)::int as buckets from inserted`,
    );
    await tx.execute(sql`select report_totals_rebuild(${range.from}::timestamptz, ${range.to}::timestamptz)`);
    await tx.execute(sql`select set_config('influencemart.reports_rebuild', 'off', true)`);
    return { buckets: Number(rows[0]?.buckets ?? 0) };
  });
}
