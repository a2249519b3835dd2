import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { conversions } from '../conversions/conversions.tables.ts';

/** The risk score of an attributed conversion, with the reasons and the signals behind them. */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    conversionId: text('conversion_id')
      .primaryKey()
      .references(() => conversions.id),
    merchantId: text('merchant_id').notNull(),
    livemode: boolean('livemode').notNull(),
    score: integer('score').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    signals: jsonb('signals').$type<Record<string, unknown>>().notNull(),
    threshold: integer('threshold').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('risk_assessments_score_check', sql`score between 0 and 100 and threshold between 0 and 100`)],
);

/**
 * Keyed hashes of the addresses an affiliate used the dashboard from. A click from one of them
 * converting is a self-referral signal.
 */
export const affiliateIpSightings = pgTable(
  'affiliate_ip_sightings',
  {
    affiliateId: text('affiliate_id')
      .notNull()
      .references(() => affiliates.id),
    ipHash: text('ip_hash').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.affiliateId, t.ipHash] }),
    // Serves the self-referral check: was this address one of the affiliate's lately?
    index('affiliate_ip_sightings_recent_idx').on(t.affiliateId, t.lastSeenAt),
  ],
);

export type RiskAssessmentRow = typeof riskAssessments.$inferSelect;
