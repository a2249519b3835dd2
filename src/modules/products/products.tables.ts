import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns, COMMISSION_TYPES } from '../campaigns/campaigns.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';

export const PRODUCT_STATUSES = ['ACTIVE', 'ARCHIVED'] as const;

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // upsert keys on this; also serves commission lookup by SKU at conversion time.
    uniqueIndex('products_external_id_idx').on(t.merchantId, t.livemode, t.externalProductId),
    // Serves the product list filtered by status / category / campaign.
    index('products_merchant_idx').on(t.merchantId, t.livemode, t.status, t.createdAt),
    index('products_campaign_idx').on(t.campaignId),
    check('products_status_check', sql`status in ('ACTIVE', 'ARCHIVED')`),
    check('products_price_check', sql`price >= 0 and (discount_price is null or discount_price >= 0)`),
    check('products_commission_check', sql`commission_value is null or commission_value >= 0`),
  ],
);

export type ProductRow = typeof products.$inferSelect;
