import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { conversions } from '../conversions/conversions.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { orders } from '../orders/orders.tables.ts';

export const COMMISSION_STATUSES = ['pending', 'hold', 'approved', 'payable', 'paid', 'reversed', 'rejected'] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export const RATE_SOURCES = ['product', 'campaign', 'merchant', 'platform'] as const;
export type RateSource = (typeof RATE_SOURCES)[number];

/** `required`: risk flagged it, an admin must decide. `approved`/`rejected`: the admin's decision. */
export const REVIEW_STATUSES = ['not_required', 'required', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What an attributed order earns its affiliate, and where it is in its lifecycle. */
export const commissions = pgTable(
  'commissions',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    livemode: boolean('livemode').notNull(),
    conversionId: text('conversion_id')
      .notNull()
      .references(() => conversions.id),
    orderRef: text('order_ref')
      .notNull()
      .references(() => orders.id),
    affiliateId: text('affiliate_id')
      .notNull()
      .references(() => affiliates.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    currency: text('currency').notNull(),
    /** As computed when the order was reported (sum of the lines). */
    originalAmount: bigint('original_amount', { mode: 'bigint' }).notNull(),
    /** What it is worth now: the original reduced in proportion to refunds. */
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** The amount moved to the paid balance when a payout completed. */
    paidAmount: bigint('paid_amount', { mode: 'bigint' }),
    payoutId: text('payout_id'),
    status: text('status', { enum: COMMISSION_STATUSES }).notNull(),
    /** The applied rate: PERCENTAGE in hundredths of a percent, FIXED in minor units. */
    rateType: text('rate_type', { enum: ['PERCENTAGE', 'FIXED'] }).notNull(),
    rateValue: integer('rate_value').notNull(),
    rateSource: text('rate_source', { enum: RATE_SOURCES }).notNull(),
    holdUntil: timestamp('hold_until', { withTimezone: true }),
    riskScore: integer('risk_score').notNull().default(0),
    reviewStatus: text('review_status', { enum: REVIEW_STATUSES }).notNull().default('not_required'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('commissions_conversion_idx').on(t.conversionId),
    uniqueIndex('commissions_order_idx').on(t.orderRef),
    // Serves the merchant's commission list (filters status, date range).
    index('commissions_merchant_idx').on(t.merchantId, t.livemode, t.status, t.createdAt),
    // Serves the merchant's commission list filtered by affiliate.
    index('commissions_affiliate_idx').on(t.affiliateId, t.livemode, t.createdAt),
    // Serves the maturation job: held commissions whose hold has ended.
    index('commissions_hold_idx')
      .on(t.holdUntil)
      .where(sql`status = 'hold'`),
    // Serves the admin risk review queue.
    index('commissions_review_idx')
      .on(t.createdAt)
      .where(sql`review_status = 'required'`),
    check('commissions_status_check', sql`status in ('pending', 'hold', 'approved', 'payable', 'paid', 'reversed', 'rejected')`),
    check('commissions_amount_check', sql`original_amount >= 0 and amount >= 0 and amount <= original_amount`),
    check('commissions_paid_check', sql`(status <> 'paid' or paid_amount is not null) and (paid_amount is null or paid_amount >= amount)`),
    check(
      'commissions_rate_check',
      sql`rate_type in ('PERCENTAGE', 'FIXED') and rate_value >= 0 and rate_source in ('product', 'campaign', 'merchant', 'platform')`,
    ),
    check('commissions_review_check', sql`review_status in ('not_required', 'required', 'approved', 'rejected') and risk_score between 0 and 100`),
    check('commissions_hold_check', sql`status <> 'hold' or hold_until is not null`),
    check('commissions_currency_check', sql`currency ~ '^[A-Z]{3}$'`),
  ],
);

/** How each line earned its part: the base, the rate applied and where the rate came from. */
export const commissionLines = pgTable(
  'commission_lines',
  {
    commissionId: text('commission_id')
      .notNull()
      .references(() => commissions.id),
    lineNo: integer('line_no').notNull(),
    /** Null for an order reported without items (the whole order is one line). */
    sku: text('sku'),
    qty: integer('qty').notNull(),
    /** qty × unit price, or the order amount without items. */
    baseAmount: bigint('base_amount', { mode: 'bigint' }).notNull(),
    rateType: text('rate_type', { enum: ['PERCENTAGE', 'FIXED'] }).notNull(),
    rateValue: integer('rate_value').notNull(),
    rateSource: text('rate_source', { enum: RATE_SOURCES }).notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commissionId, t.lineNo] }),
    check('commission_lines_amount_check', sql`qty > 0 and base_amount >= 0 and amount >= 0 and rate_value >= 0`),
  ],
);

/** Every status change and amount adjustment of a commission, append-only (trigger-enforced). */
export const commissionEvents = pgTable(
  'commission_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    commissionId: text('commission_id')
      .notNull()
      .references(() => commissions.id),
    kind: text('kind', { enum: ['status', 'adjustment', 'review'] }).notNull(),
    fromStatus: text('from_status', { enum: COMMISSION_STATUSES }),
    toStatus: text('to_status', { enum: COMMISSION_STATUSES }).notNull(),
    amountBefore: bigint('amount_before', { mode: 'bigint' }),
    amountAfter: bigint('amount_after', { mode: 'bigint' }).notNull(),
    /** `system`, `merchant:<keyId>`, `admin:<userId>`, … */
    actor: text('actor').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the commission's history and the ledger verification's chain check.
    index('commission_events_commission_idx').on(t.commissionId, t.id),
    check('commission_events_kind_check', sql`kind in ('status', 'adjustment', 'review') and (kind <> 'status' or from_status is distinct from to_status)`),
  ],
);

export type CommissionRow = typeof commissions.$inferSelect;
export type CommissionLineRow = typeof commissionLines.$inferSelect;
export type CommissionEventRow = typeof commissionEvents.$inferSelect;
