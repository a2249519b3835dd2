import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';

export const MEMBERSHIP_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'INVITED'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** An affiliate's place in a campaign: asked to join, invited, approved or rejected. */
export const campaignMemberships = pgTable(
  'campaign_memberships',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    affiliateId: text('affiliate_id')
      .notNull()
      .references(() => affiliates.id),
    /** The campaign's merchant, copied so the merchant's join-request queue needs no join. */
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The user who approved, rejected or invited. */
    decidedBy: text('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.affiliateId] }),
    // Serves the merchant's join-request queue filtered by status.
    index('campaign_memberships_merchant_idx').on(t.merchantId, t.status, t.updatedAt),
    // Serves the affiliate's own campaigns.
    index('campaign_memberships_affiliate_idx').on(t.affiliateId, t.status),
    check('campaign_memberships_status_check', sql`status in ('PENDING', 'APPROVED', 'REJECTED', 'INVITED')`),
  ],
);

export type MembershipRow = typeof campaignMemberships.$inferSelect;
