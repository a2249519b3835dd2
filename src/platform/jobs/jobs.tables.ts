import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(10),
    lastError: text('last_error'),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Set for jobs that must exist at most once, e.g. one periodic run per schedule slot. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Insertion order: breaks run_at ties (the embedded database's clock has millisecond resolution). */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // Serves the worker's claim query: due queued jobs in (run_at, seq) order.
    index('jobs_due_idx')
      .on(t.runAt, t.seq)
      .where(sql`status = 'queued'`),
    // Serves the reclaim of jobs whose worker died mid-run.
    index('jobs_running_idx')
      .on(t.lockedUntil)
      .where(sql`status = 'running'`),
    uniqueIndex('jobs_dedupe_key_idx').on(t.dedupeKey),
    check('jobs_attempts_check', sql`attempts >= 0 and max_attempts >= 1`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
