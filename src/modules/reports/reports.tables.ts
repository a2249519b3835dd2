import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** What every roll-up row counts; amounts in minor units of the row's currency. */
const reportFigures = () => ({
  clicks: bigint('clicks', { mode: 'number' }).notNull().default(0),
  attributableClicks: bigint('attributable_clicks', { mode: 'number' }).notNull().default(0),
  conversions: bigint('conversions', { mode: 'number' }).notNull().default(0),
  /** Attributed order amounts net of refunds, minor units. */
  revenue: bigint('revenue', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  commissionPending: bigint('commission_pending', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  commissionHold: bigint('commission_hold', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  commissionApproved: bigint('commission_approved', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  commissionPayable: bigint('commission_payable', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  commissionPaid: bigint('commission_paid', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  commissionReversed: bigint('commission_reversed', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  commissionRejected: bigint('commission_rejected', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
});

/**
 * Report roll-ups: what happened in one quarter hour (UTC) for one merchant, mode, campaign, product,
 * affiliate, link, sub-id (`sub1`) and currency. Quarter hours, not hours: every time zone in use is a
 * whole number of quarter hours from UTC (Nepal is +5:45), so a calendar day in any of them is an
 * exact set of buckets.
 *
 * Revenue is the order amount net of refunds, none for a cancelled or returned order.
 * Maintained by database triggers on clicks, conversions, orders and commissions (migration
 * `reports_rollup_triggers`), in the transaction of the change itself, so no writer can forget them;
 * `influencemart reports rebuild` recomputes them from the raw rows. Conversions, revenue and
 * commission sit in the bucket of the order's `occurredAt`; a later refund or state change moves the
 * amounts of that bucket, never the conversion count. Click rows carry currency ''.
 * Absent product and sub-id are stored as '' so the key can be a primary key.
 */
export const reportBuckets = pgTable(
  'report_buckets',
  {
    merchantId: text('merchant_id').notNull(),
    livemode: boolean('livemode').notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    campaignId: text('campaign_id').notNull(),
    productId: text('product_id').notNull(),
    affiliateId: text('affiliate_id').notNull(),
    linkId: text('link_id').notNull(),
    subId: text('sub_id').notNull(),
    currency: text('currency').notNull(),
    ...reportFigures(),
  },
  (t) => [
    // Serves every merchant report: one merchant and mode over a time range.
    primaryKey({
      name: 'report_buckets_pkey',
      columns: [t.merchantId, t.livemode, t.bucket, t.campaignId, t.affiliateId, t.linkId, t.productId, t.subId, t.currency],
    }),
    // Serves the affiliate's own reports over a time range.
    index('report_buckets_affiliate_idx').on(t.affiliateId, t.livemode, t.bucket),
    // Serves the admin's platform totals over a time range.
    index('report_buckets_time_idx').on(t.livemode, t.bucket),
    check('report_buckets_bucket_check', sql`extract(epoch from bucket)::bigint % 900 = 0`),
  ],
);

export type ReportBucketRow = typeof reportBuckets.$inferSelect;

/** The lengths of time a totals row covers, in seconds: a quarter hour, an hour, a UTC day. */
export const REPORT_GRAINS = [900, 3600, 86_400] as const;

const grainChecks = (name: string) => [
  check(`${name}_grain_check`, sql`grain in (900, 3600, 86400)`),
  check(`${name}_bucket_check`, sql`extract(epoch from bucket)::bigint % grain = 0`),
];

/**
 * Coarse roll-ups for the headline reports, kept from `report_buckets` by a trigger on it (every change
 * to a bucket adds its difference here, in the same transaction): one row per merchant, mode, campaign
 * and currency per quarter hour, per hour and per UTC day (`grain` in seconds), without affiliate,
 * product, link or sub-id. A range of local days is answered from whole UTC days in its middle, whole
 * hours next to them and quarter hours only at its two ends, so a 90-day summary reads a few hundred
 * rows however many clicks it holds, and stays exact in every zone.
 */
export const reportMerchantTotals = pgTable(
  'report_merchant_totals',
  {
    merchantId: text('merchant_id').notNull(),
    livemode: boolean('livemode').notNull(),
    grain: integer('grain').notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    campaignId: text('campaign_id').notNull(),
    currency: text('currency').notNull(),
    ...reportFigures(),
  },
  (t) => [
    primaryKey({ name: 'report_merchant_totals_pkey', columns: [t.merchantId, t.livemode, t.grain, t.bucket, t.campaignId, t.currency] }),
    ...grainChecks('report_merchant_totals'),
  ],
);

/** The same coarse roll-ups per affiliate too: what the top-affiliates report reads. */
export const reportAffiliateTotals = pgTable(
  'report_affiliate_totals',
  {
    merchantId: text('merchant_id').notNull(),
    livemode: boolean('livemode').notNull(),
    grain: integer('grain').notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    campaignId: text('campaign_id').notNull(),
    affiliateId: text('affiliate_id').notNull(),
    currency: text('currency').notNull(),
    ...reportFigures(),
  },
  (t) => [
    primaryKey({
      name: 'report_affiliate_totals_pkey',
      columns: [t.merchantId, t.livemode, t.grain, t.bucket, t.campaignId, t.affiliateId, t.currency],
    }),
    ...grainChecks('report_affiliate_totals'),
  ],
);
