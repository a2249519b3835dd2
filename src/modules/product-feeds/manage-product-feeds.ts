import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { toPage, type Page, type PageQuery } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import { requireOutboundUrl } from '../../platform/outbound/safe-fetch.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { toFeedRunView, toFeedView } from './product-feed-view.ts';
import {
  deleteFeedRow,
  findUnfinishedRun,
  getFeedOrThrow,
  insertFeed,
  listFeedRows,
  listRunRows,
  queueRun,
  updateFeedRow,
} from './product-feeds.repository.ts';
import type { CreateFeedBody, FeedRunView, FeedView, UpdateFeedBody } from './product-feeds.schemas.ts';

export async function createFeed(db: Db, tenant: Tenant, body: CreateFeedBody, allowPrivate: boolean): Promise<FeedView> {
  requireOutboundUrl(body.url, allowPrivate);
  const row = await insertFeed(
    {
      id: newId('feed'),
      merchantId: tenant.merchantId,
      livemode: tenant.livemode,
      url: body.url,
      name: body.name ?? null,
      format: body.format ?? 'AUTO',
      intervalMinutes: body.intervalMinutes ?? 1440,
      archiveMissing: body.archiveMissing ?? false,
      // The first scheduled pull happens at the next dispatch.
      nextRunAt: new Date(),
    },
    db,
  );
  return toFeedView(row);
}

export async function updateFeed(db: Db, tenant: Tenant, id: string, body: UpdateFeedBody, allowPrivate: boolean): Promise<FeedView> {
  if (body.url !== undefined) requireOutboundUrl(body.url, allowPrivate);
  return inTransaction(db, async (tx) => {
    const feed = await getFeedOrThrow(tenant, id, tx, { forUpdate: true });
    const values: Parameters<typeof updateFeedRow>[1] = { ...body };
    // A new interval takes effect from the last run (or now), not from the old schedule.
    if (body.intervalMinutes !== undefined) values.nextRunAt = new Date((feed.lastRunAt ?? new Date()).getTime() + body.intervalMinutes * 60_000);
    return toFeedView(await updateFeedRow(feed.id, values, tx));
  });
}

export async function deleteFeed(db: Db, tenant: Tenant, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const feed = await getFeedOrThrow(tenant, id, tx, { forUpdate: true });
    await deleteFeedRow(feed.id, tx);
  });
}

export async function listFeeds(db: Db, tenant: Tenant, query: PageQuery): Promise<Page<FeedView>> {
  const { rows, total } = await listFeedRows(tenant, query, db);
  return toPage(query, rows.map(toFeedView), total);
}

export async function getFeed(db: Db, tenant: Tenant, id: string): Promise<FeedView> {
  return toFeedView(await getFeedOrThrow(tenant, id, db));
}

export async function listFeedRuns(db: Db, tenant: Tenant, id: string, query: PageQuery): Promise<Page<FeedRunView>> {
  const feed = await getFeedOrThrow(tenant, id, db);
  const { rows, total } = await listRunRows(feed.id, query, db);
  return toPage(query, rows.map(toFeedRunView), total);
}

/** Queue an immediate run; refused while another run of the feed is queued or running. */
export async function runFeedNow(db: Db, tenant: Tenant, id: string): Promise<FeedRunView> {
  return inTransaction(db, async (tx) => {
    const feed = await getFeedOrThrow(tenant, id, tx, { forUpdate: true });
    const pending = await findUnfinishedRun(feed.id, tx);
    if (pending)
      throw new AppError('FEED_RUN_IN_PROGRESS', `Run ${pending.id} of this feed is ${pending.status.toLowerCase()}; wait for it to finish`, [
        { field: 'id', code: pending.status, message: pending.id },
      ]);
    return toFeedRunView(await queueRun(feed, 'MANUAL', tx));
  });
}
