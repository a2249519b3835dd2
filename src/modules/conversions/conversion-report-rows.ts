import { sql, type SQL } from 'drizzle-orm';

/**
 * Attributed conversions whose order happened in [from, to), as report roll-up contributions (see
 * `clickReportRows`): one conversion and its order's revenue (`report_order_revenue`).
 */
export const conversionReportRows = (range: { from: Date | null; to: Date | null }): SQL => sql`
  select c.merchant_id, c.livemode, report_bucket_of(c.occurred_at) as bucket, c.campaign_id::text as campaign_id,
         coalesce(c.product_id::text, '') as product_id, c.affiliate_id, coalesce(c.link_id, '') as link_id, coalesce(c.sub_id, '') as sub_id,
         o.currency, 0 as clicks, 0 as attributable_clicks, 1 as conversions, report_order_revenue(o.amount, o.refunded_amount, o.status) as revenue,
         null::text as status, 0::bigint as commission
  from conversions c join orders o on o.id = c.order_ref
  where c.attributed
    and (${range.from}::timestamptz is null or c.occurred_at >= ${range.from}) and (${range.to}::timestamptz is null or c.occurred_at < ${range.to})`;
