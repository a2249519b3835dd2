import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { products } from '../products/products.tables.ts';

/** An affiliate's short link to a campaign or one of its products: https://<host>/r/<code>. */
export const links = pgTable(
  'links',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    affiliateId: text('affiliate_id')
      .notNull()
      .references(() => affiliates.id),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    livemode: boolean('livemode').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    productId: uuid('product_id').references(() => products.id),
    status: text('status', { enum: ['ACTIVE', 'ARCHIVED'] })
      .notNull()
      .default('ACTIVE'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('links_code_idx').on(t.code),
    // Serves the affiliate's link list.
    index('links_affiliate_idx').on(t.affiliateId, t.createdAt),
    check('links_status_check', sql`status in ('ACTIVE', 'ARCHIVED')`),
  ],
);

export type LinkRow = typeof links.$inferSelect;
