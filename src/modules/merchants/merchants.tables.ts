import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';

export const MERCHANT_STATUSES = ['PENDING_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];

export const merchants = pgTable(
  'merchants',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    businessName: text('business_name').notNull(),
    website: text('website'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    status: text('status', { enum: MERCHANT_STATUSES }).notNull().default('PENDING_REVIEW'),
    /** Merchant-level commission default: PERCENTAGE (hundredths of a percent) or FIXED (minor units). */
    defaultCommissionType: text('default_commission_type', { enum: ['PERCENTAGE', 'FIXED'] }),
    defaultCommissionValue: integer('default_commission_value'),
    holdDays: integer('hold_days').notNull().default(14),
    currency: text('currency').notNull().default('NPR'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    /** Why an admin rejected the application; shown to the merchant. */
    rejectionReason: text('rejection_reason'),
    /** Why an admin suspended the store; shown to the merchant, cleared on reinstatement. */
    suspensionReason: text('suspension_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('merchants_user_idx').on(t.userId),
    check('merchants_status_check', sql`status in ('PENDING_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED')`),
    check('merchants_hold_days_check', sql`hold_days between 0 and 365`),
    // Serves the admin review queue: merchants by status, oldest first.
    index('merchants_status_idx').on(t.status, t.createdAt),
  ],
);

export const DOMAIN_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;

/** Domains a merchant sells on; product URLs must be on an approved one (or a subdomain of it). */
export const merchantDomains = pgTable(
  'merchant_domains',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    status: text('status', { enum: DOMAIN_STATUSES }).notNull().default('PENDING'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    rejectionReason: text('rejection_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('merchant_domains_unique_idx').on(t.merchantId, t.domain),
    check('merchant_domains_status_check', sql`status in ('PENDING', 'APPROVED', 'REJECTED')`),
    // Serves the admin domain review queue.
    index('merchant_domains_status_idx').on(t.status, t.createdAt),
  ],
);

export type MerchantRow = typeof merchants.$inferSelect;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];
export type MerchantDomainRow = typeof merchantDomains.$inferSelect;
