import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';

/** How an affiliate promotes (the profile's "channels"). */
export const AFFILIATE_CHANNELS = [
  'instagram',
  'tiktok',
  'youtube',
  'facebook',
  'x',
  'blog',
  'website',
  'newsletter',
  'whatsapp',
  'telegram',
  'podcast',
  'other',
] as const;
export type AffiliateChannel = (typeof AFFILIATE_CHANNELS)[number];

/** Networks an affiliate can name a handle on. */
export const SOCIAL_NETWORKS = ['instagram', 'tiktok', 'youtube', 'facebook', 'x', 'telegram'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
export type SocialHandles = Partial<Record<SocialNetwork, string>>;

export const affiliates = pgTable(
  'affiliates',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    displayName: text('display_name').notNull(),
    bio: text('bio'),
    channels: jsonb('channels').$type<AffiliateChannel[]>().notNull().default([]),
    website: text('website'),
    socialHandles: jsonb('social_handles').$type<SocialHandles>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('affiliates_user_idx').on(t.userId)],
);

export type AffiliateRow = typeof affiliates.$inferSelect;

export const PAYOUT_METHOD_TYPES = ['BANK_ACCOUNT', 'ESEWA', 'KHALTI', 'IME_PAY', 'CONNECT_IPS'] as const;
export type PayoutMethodType = (typeof PAYOUT_METHOD_TYPES)[number];

/**
 * Where an affiliate is paid. The account identifier (a bank account number, or the wallet's mobile
 * number) is sealed with the platform key; only its last four digits are kept readable, for display.
 */
export const payoutMethods = pgTable(
  'payout_methods',
  {
    id: text('id').primaryKey(),
    affiliateId: text('affiliate_id')
      .notNull()
      .references(() => affiliates.id),
    type: text('type', { enum: PAYOUT_METHOD_TYPES }).notNull(),
    accountHolderName: text('account_holder_name').notNull(),
    bankName: text('bank_name'),
    bankCode: text('bank_code'),
    branch: text('branch'),
    accountSealed: text('account_sealed').notNull(),
    accountLast4: text('account_last4').notNull(),
    /** Keyed hash of type + account, so the same account cannot be added twice (it is never read back). */
    accountFingerprint: text('account_fingerprint').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the affiliate's list of payout methods.
    index('payout_methods_affiliate_idx').on(t.affiliateId, t.createdAt),
    uniqueIndex('payout_methods_account_idx')
      .on(t.affiliateId, t.accountFingerprint)
      .where(sql`removed_at is null`),
    // At most one default method per affiliate.
    uniqueIndex('payout_methods_default_idx')
      .on(t.affiliateId)
      .where(sql`is_default and removed_at is null`),
    check('payout_methods_type_check', sql`type in ('BANK_ACCOUNT', 'ESEWA', 'KHALTI', 'IME_PAY', 'CONNECT_IPS')`),
  ],
);

export type PayoutMethodRow = typeof payoutMethods.$inferSelect;
