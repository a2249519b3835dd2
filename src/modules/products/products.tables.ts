import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns, COMMISSION_TYPES } from '../campaigns/campaigns.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { productFeeds } from '../product-feeds/product-feeds.tables.ts';

export const PRODUCT_STATUSES = ['ACTIVE', 'ARCHIVED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const STOCK_STATUSES = ['IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER', 'DISCONTINUED'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    livemode: boolean('livemode').notNull(),
    externalProductId: text('external_product_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    productUrl: text('product_url').notNull(),
    imageUrl: text('image_url'),
    category: text('category'),
    brand: text('brand'),
    price: bigint('price', { mode: 'bigint' }).notNull(),
    discountPrice: bigint('discount_price', { mode: 'bigint' }),
    currency: text('currency').notNull().default('NPR'),
    stockStatus: text('stock_status'),
    /** PERCENTAGE: hundredths of a percent. FIXED: minor units per unit sold. */
    commissionType: text('commission_type', { enum: COMMISSION_TYPES }),
    commissionValue: integer('commission_value'),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('ACTIVE'),
    /** The feed that last wrote this product (null when written through the API); drives archiveMissing. */
    sourceFeedId: text('source_feed_id').references(() => productFeeds.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // upsert keys on this; also serves commission lookup by SKU at conversion time.
    uniqueIndex('products_external_id_idx').on(t.merchantId, t.livemode, t.externalProductId),
    // Serves the product list filtered by status / category / campaign.
    index('products_merchant_idx').on(t.merchantId, t.livemode, t.status, t.createdAt),
    index('products_campaign_idx').on(t.campaignId),
    // Serves a feed run's archiveMissing sweep over the products that feed wrote.
    index('products_source_feed_idx')
      .on(t.sourceFeedId)
      .where(sql`source_feed_id is not null`),
    check('products_status_check', sql`status in ('ACTIVE', 'ARCHIVED')`),
    check('products_price_check', sql`price >= 0 and (discount_price is null or discount_price >= 0)`),
    check('products_commission_check', sql`commission_value is null or commission_value >= 0`),
    check('products_commission_pair_check', sql`(commission_type is null) = (commission_value is null)`),
    check('products_percentage_check', sql`commission_type is distinct from 'PERCENTAGE' or commission_value <= 10000`),
    check('products_stock_status_check', sql`stock_status is null or stock_status in ('IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER', 'DISCONTINUED')`),
  ],
);

export type ProductRow = typeof products.$inferSelect;
