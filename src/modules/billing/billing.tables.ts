import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { commissions } from '../commissions/commissions.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';

export const STATEMENT_STATUSES = ['issued', 'paid'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const STATEMENT_LINE_KINDS = ['commission', 'credit', 'fee'] as const;
export type StatementLineKind = (typeof STATEMENT_LINE_KINDS)[number];

/**
 * What a merchant owes for one currency and period (live mode only: test money is never billed).
 * Immutable once issued, except for the payment columns that record the merchant's payments.
 */
export const statements = pgTable(
  'statements',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    /** 1, 2, 3 … per merchant, in issue order. */
    number: integer('number').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: STATEMENT_STATUSES }).notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    commissionCount: integer('commission_count').notNull(),
    commissionTotal: bigint('commission_total', { mode: 'bigint' }).notNull(),
    /** `platformFeePercent` when issued, in hundredths of a percent; credits return fees at this rate. */
    feePercent: integer('fee_percent').notNull(),
    platformFee: bigint('platform_fee', { mode: 'bigint' }).notNull(),
    credits: bigint('credits', { mode: 'bigint' }).notNull(),
    total: bigint('total', { mode: 'bigint' }).notNull(),
    amountPaid: bigint('amount_paid', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** `admin:<userId>` or `system` (the periodic run). */
    issuedBy: text('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('statements_number_idx').on(t.merchantId, t.number),
    // Serves the merchant's and the admin's statement lists (newest first, filter by status).
    index('statements_merchant_idx').on(t.merchantId, t.issuedAt),
    index('statements_status_idx').on(t.status, t.issuedAt),
    check('statements_status_check', sql`status in ('issued', 'paid') and (status <> 'paid' or paid_at is not null)`),
    check(
      'statements_amounts_check',
      sql`commission_count >= 0 and commission_total >= 0 and platform_fee >= 0 and credits >= 0 and total = commission_total + platform_fee - credits and amount_paid >= 0 and amount_paid <= greatest(total, 0)`,
    ),
    check('statements_currency_check', sql`currency ~ '^[A-Z]{3}$'`),
  ],
);

/** The lines of a statement: commissions billed, the platform fee, and credits for reversals after billing. */
export const statementLines = pgTable(
  'statement_lines',
  {
    statementId: text('statement_id')
      .notNull()
      .references(() => statements.id),
    lineNo: integer('line_no').notNull(),
    kind: text('kind', { enum: STATEMENT_LINE_KINDS }).notNull(),
    commissionId: text('commission_id').references(() => commissions.id),
    /** The merchant's own order id, for reconciliation. */
    orderId: text('order_id'),
    affiliateId: text('affiliate_id').references(() => affiliates.id),
    /** Signed: commissions and the fee are owed (positive), credits are given back (negative). */
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.statementId, t.lineNo] }),
    // A commission is billed once, ever; also serves "has this commission been billed?".
    uniqueIndex('statement_lines_billed_idx')
      .on(t.commissionId)
      .where(sql`kind = 'commission'`),
    // Serves the credits already given for a commission.
    index('statement_lines_credit_idx')
      .on(t.commissionId)
      .where(sql`kind = 'credit'`),
    check('statement_lines_kind_check', sql`kind in ('commission', 'credit', 'fee')`),
    check(
      'statement_lines_amount_check',
      sql`(kind = 'commission' and amount >= 0 and commission_id is not null) or (kind = 'credit' and amount < 0 and commission_id is not null) or (kind = 'fee' and amount >= 0 and commission_id is null)`,
    ),
  ],
);

/** A payment the admin recorded against a statement. */
export const statementPayments = pgTable(
  'statement_payments',
  {
    id: text('id').primaryKey(),
    statementId: text('statement_id')
      .notNull()
      .references(() => statements.id),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** The bank or wallet reference of the merchant's transfer. */
    reference: text('reference').notNull(),
    paidOn: timestamp('paid_on', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One reference is one transfer: a retried or double-clicked payment is not recorded twice.
    uniqueIndex('statement_payments_reference_idx').on(t.statementId, t.reference),
    check('statement_payments_amount_check', sql`amount > 0`),
  ],
);

export type StatementRow = typeof statements.$inferSelect;
export type StatementLineRow = typeof statementLines.$inferSelect;
export type StatementPaymentRow = typeof statementPayments.$inferSelect;
