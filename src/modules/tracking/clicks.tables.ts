import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One recorded click. Written in batches off the redirect path, so there are no foreign keys here
 * (the link, affiliate and campaign were read from the link when the click happened).
 * `attributable` is false for clicks that must never earn (archived link, inactive campaign).
 */
export const clicks = pgTable(
  'clicks',
  {
    id: text('id').primaryKey(),
    linkId: text('link_id').notNull(),
    affiliateId: text('affiliate_id').notNull(),
    merchantId: text('merchant_id').notNull(),
    livemode: boolean('livemode').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    productId: uuid('product_id'),
    clickedAt: timestamp('clicked_at', { withTimezone: true }).notNull(),
    /** Keyed hash of the visitor's IP; the raw address is never stored. */
    ipHash: text('ip_hash').notNull(),
    userAgent: text('user_agent'),
    referrer: text('referrer'),
    trafficSource: text('traffic_source'),
    subIds: jsonb('sub_ids').$type<Record<string, string>>().notNull().default({}),
    attributable: boolean('attributable').notNull(),
    riskFlags: jsonb('risk_flags').$type<string[]>().notNull().default([]),
  },
  (t) => [
    // Serves the merchant's click list (filters campaign, link, time range).
    index('clicks_merchant_idx').on(t.merchantId, t.livemode, t.clickedAt),
    // Serves per-link click counts and the link's click list.
    index('clicks_link_idx').on(t.linkId, t.clickedAt),
  ],
);

export type ClickRow = typeof clicks.$inferSelect;
