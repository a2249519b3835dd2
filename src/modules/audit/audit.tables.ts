import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';

/**
 * Who did what to which record, and when: approvals, rejections, key rotations and revocations.
 * Rows are only ever inserted, in the same transaction as the change they describe.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    /** The signed-in user who acted; null for the command line and the system itself. */
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the admin audit log, newest first.
    index('audit_log_created_idx').on(t.createdAt),
    // Serves "what happened to this record" (filter by subject).
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId, t.createdAt),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
