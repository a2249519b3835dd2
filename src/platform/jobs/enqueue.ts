import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { newId } from '../ids.ts';
import { jobs } from './jobs.tables.ts';

export interface EnqueueOptions {
  /**
   * When the job becomes due; by default the moment it is written (statement time, not transaction
   * start), so jobs enqueued one after another in one transaction run in that order.
   */
  runAt?: Date;
  maxAttempts?: number;
  /** A job with the same dedupe key is enqueued at most once; a second enqueue is a no-op. */
  dedupeKey?: string;
}

/**
 * Write a job row with the caller's executor. Pass the open transaction so the job exists exactly
 * when the change that caused it commits: a rolled-back transaction leaves no job behind.
 */
export async function enqueueJob(
  executor: Executor,
  type: string,
  payload: Record<string, unknown> = {},
  options: EnqueueOptions = {},
): Promise<string | null> {
  const rows = await executor
    .insert(jobs)
    .values({
      id: newId('job'),
      type,
      payload,
      runAt: options.runAt ?? sql`clock_timestamp()`,
      maxAttempts: options.maxAttempts ?? 10,
      dedupeKey: options.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}
