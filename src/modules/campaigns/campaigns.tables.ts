import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/merchants.tables.ts';

/** Stored statuses. EXPIRED is never stored: a campaign past its endDate reads as EXPIRED. */
export const CAMPAIGN_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED'] as const;
export type StoredCampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type CampaignStatus = StoredCampaignStatus | 'EXPIRED';

export const COMMISSION_TYPES = ['PERCENTAGE', 'FIXED'] as const;
export type CommissionType = (typeof COMMISSION_TYPES)[number];

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    livemode: boolean('livemode').notNull(),
    campaignCode: text('campaign_code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    category: text('category'),
    /** Where a campaign-level link sends the buyer (the merchant's site when unset). */
    landingUrl: text('landing_url'),
    startDate: timestamp('start_date', { withTimezone: true }),
    endDate: timestamp('end_date', { withTimezone: true }),
    /** PERCENTAGE: hundredths of a percent (1250 = 12.5 %). FIXED: minor units of `currency`. */
    defaultCommissionType: text('default_commission_type', { enum: COMMISSION_TYPES }),
    defaultCommissionValue: integer('default_commission_value'),
    currency: text('currency').notNull().default('NPR'),
    cookieDurationDays: integer('cookie_duration_days').notNull().default(30),
    allowedTrafficSources: jsonb('allowed_traffic_sources').$type<string[]>().notNull().default([]),
    termsAndConditions: text('terms_and_conditions'),
    approvalRequired: boolean('approval_required').notNull().default(false),
    /** Set when an admin approves a campaign that requires approval. */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The admin user who approved it. */
    approvedBy: text('approved_by'),
    /** Opted in to the public listing from the dashboard. */
    publicListing: boolean('public_listing').notNull().default(false),
    /** Overrides the merchant's hold (return window) for this campaign's commissions. */
    holdDays: integer('hold_days'),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('DRAFT'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaigns_code_idx').on(t.campaignCode),
    // Serves the merchant's campaign list filtered by status.
    index('campaigns_merchant_idx').on(t.merchantId, t.livemode, t.status, t.createdAt),
    // Serves the public listing.
    index('campaigns_public_idx')
      .on(t.status)
      .where(sql`public_listing`),
    check('campaigns_status_check', sql`status in ('DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED')`),
    check('campaigns_cookie_days_check', sql`cookie_duration_days between 0 and 365`),
    check('campaigns_dates_check', sql`end_date is null or start_date is null or end_date > start_date`),
    check('campaigns_commission_check', sql`default_commission_value is null or default_commission_value >= 0`),
    check('campaigns_hold_days_check', sql`hold_days is null or hold_days between 0 and 365`),
    check('campaigns_commission_pair_check', sql`(default_commission_type is null) = (default_commission_value is null)`),
    check('campaigns_percentage_check', sql`default_commission_type is distinct from 'PERCENTAGE' or default_commission_value <= 10000`),
    // Serves the admin queue of campaigns waiting for approval.
    index('campaigns_pending_approval_idx')
      .on(t.createdAt)
      .where(sql`approval_required and approved_at is null`),
  ],
);

export type CampaignRow = typeof campaigns.$inferSelect;
