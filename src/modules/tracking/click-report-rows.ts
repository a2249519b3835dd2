import { sql, type SQL } from 'drizzle-orm';

/**
 * Clicks in [from, to) as report roll-up contributions, one row per click, in the column order of
 * `REPORT_SOURCE_COLUMNS` (reports module). Only the reports rebuild reads this; reports themselves
 * read the roll-ups.
 */
export const clickReportRows = (range: { from: Date | null; to: Date | null }): SQL => sql`
  select merchant_id, livemode, report_bucket_of(clicked_at) as bucket, campaign_id::text as campaign_id,
         coalesce(product_id::text, '') as product_id, affiliate_id, link_id, coalesce(sub_ids->>'sub1', '') as sub_id, '' as currency,
         1 as clicks, attributable::int as attributable_clicks, 0 as conversions, 0::bigint as revenue, null::text as status, 0::bigint as commission
  from clicks
  where (${range.from}::timestamptz is null or clicked_at >= ${range.from}) and (${range.to}::timestamptz is null or clicked_at < ${range.to})`;
