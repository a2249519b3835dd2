import { and, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pageWindow, type PageQuery } from '../../platform/http/pagination.ts';
import { enqueueJob } from '../../platform/jobs/enqueue.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { approvedMerchantIds } from '../merchants/index.ts';
import { productFeedRuns, productFeeds, type ProductFeedRow, type ProductFeedRunRow } from './product-feeds.tables.ts';

export const PULL_JOB = 'product-feeds.pull';

const ownedBy = (tenant: Tenant) => and(eq(productFeeds.merchantId, tenant.merchantId), eq(productFeeds.livemode, tenant.livemode));

export async function getFeedOrThrow(tenant: Tenant, id: string, executor: Executor, options: { forUpdate?: boolean } = {}): Promise<ProductFeedRow> {
  const query = executor
    .select()
    .from(productFeeds)
    .where(and(ownedBy(tenant), eq(productFeeds.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Product feed');
  return row;
}

export async function insertFeed(values: typeof productFeeds.$inferInsert, executor: Executor): Promise<ProductFeedRow> {
  const [row] = await executor.insert(productFeeds).values(values).returning();
  if (!row) throw new Error('feed insert returned nothing');
  return row;
}

export async function updateFeedRow(id: string, values: Partial<typeof productFeeds.$inferInsert>, executor: Executor): Promise<ProductFeedRow> {
  const [row] = await executor
    .update(productFeeds)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(productFeeds.id, id))
    .returning();
  if (!row) throw notFound('Product feed');
  return row;
}

export async function deleteFeedRow(id: string, executor: Executor): Promise<void> {
  await executor.delete(productFeeds).where(eq(productFeeds.id, id));
}

export async function listFeedRows(tenant: Tenant, query: PageQuery, executor: Executor): Promise<{ rows: ProductFeedRow[]; total: number }> {
  const { limit, offset } = pageWindow(query);
  const [rows, [totals]] = await Promise.all([
    executor.select().from(productFeeds).where(ownedBy(tenant)).orderBy(desc(productFeeds.createdAt), desc(productFeeds.id)).limit(limit).offset(offset),
    executor.select({ total: count() }).from(productFeeds).where(ownedBy(tenant)),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export async function listRunRows(feedId: string, query: PageQuery, executor: Executor): Promise<{ rows: ProductFeedRunRow[]; total: number }> {
  const { limit, offset } = pageWindow(query);
  const [rows, [totals]] = await Promise.all([
    executor
      .select()
      .from(productFeedRuns)
      .where(eq(productFeedRuns.feedId, feedId))
      .orderBy(desc(productFeedRuns.queuedAt), desc(productFeedRuns.id))
      .limit(limit)
      .offset(offset),
    executor.select({ total: count() }).from(productFeedRuns).where(eq(productFeedRuns.feedId, feedId)),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

/** A run of this feed that has not finished yet, if any. */
export async function findUnfinishedRun(feedId: string, executor: Executor): Promise<ProductFeedRunRow | null> {
  const [row] = await executor
    .select()
    .from(productFeedRuns)
    .where(and(eq(productFeedRuns.feedId, feedId), inArray(productFeedRuns.status, ['QUEUED', 'RUNNING'])))
    .limit(1);
  return row ?? null;
}

/** Queue a run and its job in the caller's transaction: both exist exactly when it commits. */
export async function queueRun(feed: ProductFeedRow, trigger: 'SCHEDULE' | 'MANUAL', executor: Executor): Promise<ProductFeedRunRow> {
  const [run] = await executor
    .insert(productFeedRuns)
    .values({ id: newId('run'), feedId: feed.id, merchantId: feed.merchantId, livemode: feed.livemode, trigger })
    .returning();
  if (!run) throw new Error('run insert returned nothing');
  await enqueueJob(executor, PULL_JOB, { runId: run.id }, { maxAttempts: 3 });
  return run;
}

export async function getRun(runId: string, executor: Executor): Promise<{ run: ProductFeedRunRow; feed: ProductFeedRow } | null> {
  const [row] = await executor
    .select({ run: productFeedRuns, feed: productFeeds })
    .from(productFeedRuns)
    .innerJoin(productFeeds, eq(productFeeds.id, productFeedRuns.feedId))
    .where(eq(productFeedRuns.id, runId));
  return row ?? null;
}

export async function updateRun(runId: string, values: Partial<typeof productFeedRuns.$inferInsert>, executor: Executor): Promise<void> {
  await executor.update(productFeedRuns).set(values).where(eq(productFeedRuns.id, runId));
}

/** Active feeds of approved merchants whose next pull is due, locked so that one dispatcher takes each. */
export function lockDueFeeds(now: Date, limit: number, executor: Executor): Promise<ProductFeedRow[]> {
  return executor
    .select()
    .from(productFeeds)
    .where(and(eq(productFeeds.status, 'ACTIVE'), lte(productFeeds.nextRunAt, now), inArray(productFeeds.merchantId, approvedMerchantIds(executor))))
    .orderBy(productFeeds.nextRunAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}
