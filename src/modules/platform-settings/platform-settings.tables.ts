import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Platform-wide settings the admin edits: one row (id = 1). Settings are typed columns so the
 * database can check them; a missing row means every setting has its default.
 */
export const platformSettings = pgTable(
  'platform_settings',
  {
    id: integer('id').primaryKey().default(1),
    /** The last fallback of commission resolution. PERCENTAGE: hundredths of a percent; FIXED: minor units of `currency`. */
    defaultCommissionType: text('default_commission_type', { enum: ['PERCENTAGE', 'FIXED'] })
      .notNull()
      .default('PERCENTAGE'),
    defaultCommissionValue: integer('default_commission_value').notNull().default(500),
    currency: text('currency').notNull().default('NPR'),
    /** The smallest payable balance an affiliate may withdraw, in minor units of `currency`. */
    minimumPayout: bigint('minimum_payout', { mode: 'bigint' })
      .notNull()
      .default(sql`100000`),
    /** Charged to merchants on each statement, in hundredths of a percent of its commissions. */
    platformFeePercent: integer('platform_fee_percent').notNull().default(0),
    /** Tax withheld from each payout, in hundredths of a percent. */
    payoutWithholdingPercent: integer('payout_withholding_percent').notNull().default(0),
    /** How often the periodic run issues statements. */
    billingPeriod: text('billing_period', { enum: ['weekly', 'monthly'] })
      .notNull()
      .default('monthly'),
    /** Largest single transfer on the wallet rails (eSewa, Khalti, IME Pay) and the bank rails (bank, ConnectIPS). */
    walletTransferLimit: bigint('wallet_transfer_limit', { mode: 'bigint' })
      .notNull()
      .default(sql`5000000`),
    bankTransferLimit: bigint('bank_transfer_limit', { mode: 'bigint' })
      .notNull()
      .default(sql`20000000`),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    check('platform_settings_singleton_check', sql`id = 1`),
    check(
      'platform_settings_commission_check',
      sql`default_commission_value >= 0 and (default_commission_type <> 'PERCENTAGE' or default_commission_value <= 10000)`,
    ),
    check(
      'platform_settings_money_check',
      sql`minimum_payout > 0 and platform_fee_percent between 0 and 10000 and payout_withholding_percent between 0 and 10000 and billing_period in ('weekly', 'monthly') and wallet_transfer_limit > 0 and bank_transfer_limit > 0`,
    ),
  ],
);

export type PlatformSettingsRow = typeof platformSettings.$inferSelect;
