import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Platform-wide settings the admin edits: one row (id = 1). Settings are typed columns so the
 * database can check them; a missing row means every setting has its default.
 */
export const platformSettings = pgTable(
  'platform_settings',
  {
    id: integer('id').primaryKey().default(1),
    /** The last fallback of commission resolution. PERCENTAGE: hundredths of a percent; FIXED: minor units of `currency`. */
    defaultCommissionType: text('default_commission_type', { enum: ['PERCENTAGE', 'FIXED'] }).notNull().default('PERCENTAGE'),
    defaultCommissionValue: integer('default_commission_value').notNull().default(500),
    currency: text('currency').notNull().default('NPR'),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    check('platform_settings_singleton_check', sql`id = 1`),
    check('platform_settings_commission_check', sql`default_commission_value >= 0 and (default_commission_type <> 'PERCENTAGE' or default_commission_value <= 10000)`),
  ],
);

export type PlatformSettingsRow = typeof platformSettings.$inferSelect;
