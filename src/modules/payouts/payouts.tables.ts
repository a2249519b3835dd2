import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { affiliates, PAYOUT_METHOD_TYPES, payoutMethods } from '../affiliates/affiliates.tables.ts';
import { commissions } from '../commissions/commissions.tables.ts';
import { ledgerEntries } from '../ledger/ledger.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';

export const PAYOUT_STATUSES = ['requested', 'approved', 'processing', 'paid', 'rejected', 'cancelled', 'failed'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** A batch of approved payouts of one method, paid through that rail together. */
export const payoutBatches = pgTable(
  'payout_batches',
  {
    id: text('id').primaryKey(),
    method: text('method', { enum: PAYOUT_METHOD_TYPES }).notNull(),
    currency: text('currency').notNull(),
    count: integer('count').notNull(),
    /** The sum of the payouts' net amounts: what leaves the platform's account. */
    total: bigint('total', { mode: 'bigint' }).notNull(),
    /** `admin:<userId>` or `system` (the weekly run). */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payout_batches_created_idx').on(t.createdAt), check('payout_batches_amount_check', sql`count > 0 and total >= 0`)],
);

/**
 * An affiliate's withdrawal of the whole payable balance of one currency (live money only). `amount`
 * is what was reserved: its commissions minus the clawbacks it nets; `withheldAmount` is the tax
 * withheld from it, and `netAmount` what the rail transfers.
 */
export const payouts = pgTable(
  'payouts',
  {
    id: text('id').primaryKey(),
    affiliateId: text('affiliate_id')
      .notNull()
      .references(() => affiliates.id),
    currency: text('currency').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    withholdingPercent: integer('withholding_percent').notNull(),
    withheldAmount: bigint('withheld_amount', { mode: 'bigint' }).notNull(),
    netAmount: bigint('net_amount', { mode: 'bigint' }).notNull(),
    /**
     * Set when paid: what the payout carried for commissions reversed or refunded while it was open.
     * The affiliate was paid it anyway, so it becomes a clawback the next payout nets.
     */
    shortfall: bigint('shortfall', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    payoutMethodId: text('payout_method_id')
      .notNull()
      .references(() => payoutMethods.id),
    method: text('method', { enum: PAYOUT_METHOD_TYPES }).notNull(),
    status: text('status', { enum: PAYOUT_STATUSES }).notNull(),
    /** Why it was rejected or failed. */
    reason: text('reason'),
    /** The rail's transfer reference, set when paid; one transfer pays one payout. */
    reference: text('reference'),
    batchId: text('batch_id').references(() => payoutBatches.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    /** The admin who approved or rejected it (`admin:<userId>`) and when. */
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** The admin who marked it paid or failed, and when. */
    settledBy: text('settled_by'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payouts_reference_idx')
      .on(t.reference)
      .where(sql`reference is not null`),
    // Serves the affiliate's payout history.
    index('payouts_affiliate_idx').on(t.affiliateId, t.requestedAt),
    // Serves the admin queue (by status, oldest first) and the batch run (approved, by method).
    index('payouts_status_idx').on(t.status, t.method, t.requestedAt),
    index('payouts_batch_idx')
      .on(t.batchId)
      .where(sql`batch_id is not null`),
    check('payouts_status_check', sql`status in ('requested', 'approved', 'processing', 'paid', 'rejected', 'cancelled', 'failed')`),
    check(
      'payouts_amount_check',
      sql`amount > 0 and withheld_amount >= 0 and net_amount = amount - withheld_amount and shortfall >= 0 and withholding_percent between 0 and 10000`,
    ),
    check('payouts_paid_check', sql`(status = 'paid') = (reference is not null)`),
    check('payouts_batch_check', sql`status not in ('processing', 'paid', 'failed') or batch_id is not null`),
    check('payouts_currency_check', sql`currency ~ '^[A-Z]{3}$'`),
  ],
);

export const PAYOUT_ITEM_KINDS = ['commission', 'clawback'] as const;
export type PayoutItemKind = (typeof PAYOUT_ITEM_KINDS)[number];

/**
 * What a payout carries: payable commissions (at their amount when requested) and the clawbacks it
 * nets. An item is released when its payout is rejected, cancelled or failed, which frees it for
 * the next payout; the partial unique indexes keep anything in two live payouts at once.
 */
export const payoutItems = pgTable(
  'payout_items',
  {
    payoutId: text('payout_id')
      .notNull()
      .references(() => payouts.id),
    itemNo: integer('item_no').notNull(),
    kind: text('kind', { enum: PAYOUT_ITEM_KINDS }).notNull(),
    commissionId: text('commission_id').references(() => commissions.id),
    /** The clawback entry this payout nets. */
    clawbackEntryId: text('clawback_entry_id').references(() => ledgerEntries.id),
    /** The merchant whose commission it is (for `payout.processed`); null for a payout's own shortfall. */
    merchantId: text('merchant_id').references(() => merchants.id),
    /** Never negative: a commission adds it, a clawback subtracts it. */
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    released: boolean('released').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.payoutId, t.itemNo] }),
    uniqueIndex('payout_items_commission_idx')
      .on(t.commissionId)
      .where(sql`commission_id is not null and not released`),
    uniqueIndex('payout_items_clawback_idx')
      .on(t.clawbackEntryId)
      .where(sql`clawback_entry_id is not null and not released`),
    check(
      'payout_items_kind_check',
      sql`(kind = 'commission' and commission_id is not null and clawback_entry_id is null) or (kind = 'clawback' and clawback_entry_id is not null and commission_id is null)`,
    ),
    check('payout_items_amount_check', sql`amount >= 0`),
  ],
);

export type PayoutRow = typeof payouts.$inferSelect;
export type PayoutItemRow = typeof payoutItems.$inferSelect;
export type PayoutBatchRow = typeof payoutBatches.$inferSelect;
