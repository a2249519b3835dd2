import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SubIds } from '../../platform/sub-ids.ts';

/** Why a recorded click can never earn; null on an attributable click. */
export const UNATTRIBUTABLE_REASONS = [
  'LINK_ARCHIVED',
  'PRODUCT_ARCHIVED',
  'CAMPAIGN_DRAFT',
  'CAMPAIGN_PAUSED',
  'CAMPAIGN_ARCHIVED',
  'CAMPAIGN_EXPIRED',
  'CAMPAIGN_NOT_STARTED',
  'MERCHANT_INACTIVE',
] as const;
export type UnattributableReason = (typeof UNATTRIBUTABLE_REASONS)[number];

/** Risk flags a click can carry (SPEC §8 click checks); conversion risk scoring reads them. */
export const CLICK_RISK_FLAGS = ['LINK_VELOCITY', 'IP_VELOCITY', 'TRAFFIC_SOURCE_NOT_ALLOWED'] as const;
export type ClickRiskFlag = (typeof CLICK_RISK_FLAGS)[number];

export { SUB_ID_KEYS, type SubIdKey } from '../../platform/sub-ids.ts';
export type { SubIds };

/**
 * One recorded click. Written in batches off the redirect path, so there are no foreign keys here
 * (the link, affiliate and campaign were read from the link when the click happened).
 * `attributable` is false for clicks that must never earn (archived link, inactive campaign).
 * The table is partitioned by month of `clicked_at` (see migration 0008), which is why the primary
 * key includes it; click ids are 128 random bits, so `id` alone is unique in practice.
 */
export const clicks = pgTable(
  'clicks',
  {
    id: text('id').notNull(),
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
    subIds: jsonb('sub_ids').$type<SubIds>().notNull().default({}),
    attributable: boolean('attributable').notNull(),
    unattributableReason: text('unattributable_reason', { enum: UNATTRIBUTABLE_REASONS }),
    riskFlags: jsonb('risk_flags').$type<ClickRiskFlag[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.clickedAt] }),
    // Serves the merchant's click list (filters campaign, link, time range).
    index('clicks_merchant_idx').on(t.merchantId, t.livemode, t.clickedAt),
    // Serves per-link click counts, the link's click list and the affiliate's click statistics (an
    // affiliate's clicks are those on their links). An index on affiliate_id would cost every click
    // its upkeep for a query this one serves: docs/performance.md.
    index('clicks_link_idx').on(t.linkId, t.clickedAt),
  ],
);

export type ClickRow = typeof clicks.$inferSelect;
export type NewClick = typeof clicks.$inferInsert;

/**
 * Clicks the database refused (a value it cannot store slipped through), kept aside so they never
 * block the clicks behind them. The click is kept as JSON text, which can hold what jsonb cannot.
 */
export const setAsideClicks = pgTable(
  'set_aside_clicks',
  {
    clickId: text('click_id').primaryKey(),
    merchantId: text('merchant_id').notNull(),
    linkId: text('link_id').notNull(),
    clickedAt: timestamp('clicked_at', { withTimezone: true }).notNull(),
    setAsideAt: timestamp('set_aside_at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason').notNull(),
    click: text('click').notNull(),
  },
  // Serves the admin's list, newest first.
  (t) => [index('set_aside_clicks_time_idx').on(t.setAsideAt)],
);
