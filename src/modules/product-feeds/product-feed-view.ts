import type { FeedRunView, FeedView } from './product-feeds.schemas.ts';
import type { ProductFeedRow, ProductFeedRunRow } from './product-feeds.tables.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toFeedView(row: ProductFeedRow): FeedView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    format: row.format,
    intervalMinutes: row.intervalMinutes,
    archiveMissing: row.archiveMissing,
    status: row.status,
    nextRunAt: row.nextRunAt.toISOString(),
    lastRunAt: iso(row.lastRunAt),
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toFeedRunView(row: ProductFeedRunRow): FeedRunView {
  return {
    id: row.id,
    feedId: row.feedId,
    trigger: row.trigger,
    status: row.status,
    httpStatus: row.httpStatus,
    received: row.received,
    created: row.created,
    updated: row.updated,
    failed: row.failed,
    archived: row.archived,
    errors: row.errors,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    queuedAt: row.queuedAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}
