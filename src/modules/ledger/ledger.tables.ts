import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { commissionEvents, commissions } from '../commissions/commissions.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';

/** The balances of an affiliate wallet; each is the sum of its entries, never a stored total. */
export const LEDGER_ACCOUNTS = ['pending', 'payable', 'processing', 'paid'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

export const LEDGER_KINDS = [
  'commission_earned',
  'commission_reduced',
  'commission_reversed',
  'commission_settled',
  'commission_paid',
  'clawback',
  /** A payout request reserves the payable balance (payable → processing). */
  'payout_reserved',
  /** A rejected, cancelled or failed payout gives its reservation back (processing → payable). */
  'payout_released',
  /** A paid payout ends its reservation; its commissions then move payable → paid one by one. */
  'payout_posted',
  /** A paid payout settles the clawbacks it netted (payable ↑, paid ↓). */
  'clawback_netted',
  /** Tax withheld from a paid payout. */
  'withholding',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Append-only (a trigger refuses updates and deletes): corrections are new entries. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: text('id').primaryKey(),
    /** Global append order: entries written in one transaction share a timestamp but not a seq. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    affiliateId: text('affiliate_id')
      .notNull()
      .references(() => affiliates.id),
    /** The commission's merchant; null on a payout's own entries, which span merchants. */
    merchantId: text('merchant_id').references(() => merchants.id),
    livemode: boolean('livemode').notNull(),
    currency: text('currency').notNull(),
    account: text('account', { enum: LEDGER_ACCOUNTS }).notNull(),
    /** Signed minor units: positive credits the account, negative debits it. */
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    commissionId: text('commission_id').references(() => commissions.id),
    /** The commission event that caused the entry. */
    commissionEventId: bigint('commission_event_id', { mode: 'number' }).references(() => commissionEvents.id),
    payoutId: text('payout_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves wallet balances (sum per account and currency) and the recent entries list.
    index('ledger_entries_wallet_idx').on(t.affiliateId, t.livemode, t.currency, t.account),
    index('ledger_entries_recent_idx').on(t.affiliateId, t.livemode, t.seq),
    // Serves the ledger verification per commission.
    index('ledger_entries_commission_idx').on(t.commissionId),
    // Serves the payout checks of the ledger verification and the payout's own entries.
    index('ledger_entries_payout_idx')
      .on(t.payoutId)
      .where(sql`payout_id is not null`),
    check('ledger_entries_account_check', sql`account in ('pending', 'payable', 'processing', 'paid')`),
    check(
      'ledger_entries_kind_check',
      sql`kind in ('commission_earned', 'commission_reduced', 'commission_reversed', 'commission_settled', 'commission_paid', 'clawback', 'payout_reserved', 'payout_released', 'payout_posted', 'clawback_netted', 'withholding')`,
    ),
    check('ledger_entries_amount_check', sql`amount <> 0`),
    check('ledger_entries_target_check', sql`commission_id is not null or payout_id is not null`),
    check('ledger_entries_merchant_check', sql`commission_id is null or merchant_id is not null`),
    check('ledger_entries_currency_check', sql`currency ~ '^[A-Z]{3}$'`),
  ],
);

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
