import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';

/**
 * Each merchant's sandbox affiliate: the account test-mode clicks are minted for. It has no usable
 * password and only ever earns in test mode.
 */
export const sandboxAffiliates = pgTable(
  'sandbox_affiliates',
  {
    merchantId: text('merchant_id')
      .primaryKey()
      .references(() => merchants.id),
    affiliateId: text('affiliate_id')
      .notNull()
      .references(() => affiliates.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sandbox_affiliates_affiliate_idx').on(t.affiliateId)],
);
