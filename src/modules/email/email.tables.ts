import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';

export const EMAIL_STATUSES = ['queued', 'sent', 'logged', 'skipped', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * Every email the platform sends, written in the transaction of the change that causes it; the
 * `email.send` job delivers it over SMTP, or (no SMTP_URL) writes it to the log and leaves it here
 * for admins to read (`logged`). The message is rendered from `kind` and `params` when sent;
 * anything secret (a reset link) is in `sealedParams`, encrypted, and cleared once it went out by SMTP.
 */
export const emails = pgTable(
  'emails',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    to: text('to').notNull(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    sealedParams: text('sealed_params'),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('queued'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('emails_created_idx').on(t.createdAt), check('emails_status_check', sql`status in ('queued', 'sent', 'logged', 'skipped', 'failed')`)],
);

export type EmailRow = typeof emails.$inferSelect;
