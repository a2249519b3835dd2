import { sql, type SQL } from 'drizzle-orm';

/**
 * Commissions whose order happened in [from, to), as report roll-up contributions (see
 * `clickReportRows`): the amount under its current state, in the bucket of its conversion.
 */
export const commissionReportRows = (range: { from: Date | null; to: Date | null }): SQL => sql`
  select c.merchant_id, c.livemode, report_bucket_of(c.occurred_at) as bucket, k.campaign_id::text as campaign_id,
         coalesce(c.product_id::text, '') as product_id, k.affiliate_id, coalesce(c.link_id, '') as link_id, coalesce(c.sub_id, '') as sub_id,
         k.currency, 0 as clicks, 0 as attributable_clicks, 0 as conversions, 0::bigint as revenue, k.status, k.amount as commission
  from commissions k join conversions c on c.id = k.conversion_id
  where (${range.from}::timestamptz is null or c.occurred_at >= ${range.from}) and (${range.to}::timestamptz is null or c.occurred_at < ${range.to})`;
