import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { orders } from '../orders/orders.tables.ts';

export const UNATTRIBUTED_REASONS = [
  'NO_CLICK_ID',
  'UNKNOWN_CLICK',
  'CLICK_NOT_ATTRIBUTABLE',
  'ORDER_BEFORE_CLICK',
  'EXPIRED_WINDOW',
  'CAMPAIGN_INACTIVE',
] as const;
export type UnattributedReason = (typeof UNATTRIBUTED_REASONS)[number];

/** The attribution outcome of one reported order (one per order). */
export const conversions = pgTable(
  'conversions',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    livemode: boolean('livemode').notNull(),
    orderRef: text('order_ref')
      .notNull()
      .references(() => orders.id),
    /** As reported by the merchant, even when it matched nothing. */
    clickId: text('click_id'),
    attributed: boolean('attributed').notNull(),
    unattributedReason: text('unattributed_reason', { enum: UNATTRIBUTED_REASONS }),
    affiliateId: text('affiliate_id').references(() => affiliates.id),
    linkId: text('link_id'),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    productId: uuid('product_id'),
    /** The click's `sub1`, so reports can break conversions down by sub-id. */
    subId: text('sub_id'),
    clickedAt: timestamp('clicked_at', { withTimezone: true }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversions_order_idx').on(t.orderRef),
    // Serves "many orders on one click" (risk) and reports by click.
    index('conversions_click_idx').on(t.merchantId, t.livemode, t.clickId),
    check(
      'conversions_attribution_check',
      sql`(attributed and affiliate_id is not null and campaign_id is not null and unattributed_reason is null)
          or (not attributed and affiliate_id is null and unattributed_reason is not null)`,
    ),
    check(
      'conversions_reason_check',
      sql`unattributed_reason is null or unattributed_reason in ('NO_CLICK_ID', 'UNKNOWN_CLICK', 'CLICK_NOT_ATTRIBUTABLE', 'ORDER_BEFORE_CLICK', 'EXPIRED_WINDOW', 'CAMPAIGN_INACTIVE')`,
    ),
  ],
);

export type ConversionRow = typeof conversions.$inferSelect;
