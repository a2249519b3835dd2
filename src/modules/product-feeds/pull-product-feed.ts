import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { OutboundError, safeFetch } from '../../platform/outbound/safe-fetch.ts';
import { writeProducts } from '../products/index.ts';
import { archiveProductsMissingFromFeed, MAX_BULK_ITEMS } from '../products/index.ts';
import { parseProductFeed } from './parse-product-feed.ts';
import { getRun, updateRun } from './product-feeds.repository.ts';
import { productFeeds, type FeedItemError, type ProductFeedRow } from './product-feeds.tables.ts';

export interface FeedPullSettings {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
}

/** Item errors kept on a run row; `failed` still counts them all. */
const MAX_STORED_ERRORS = 500;

type Outcome =
  | { ok: true; httpStatus: number; received: number; created: number; updated: number; failed: number; archived: number; errors: FeedItemError[] }
  | { ok: false; httpStatus: number | null; errorCode: string; errorMessage: string };

async function pull(db: Db, feed: ProductFeedRow, settings: FeedPullSettings): Promise<Outcome> {
  let response;
  try {
    response = await safeFetch(feed.url, {
      timeoutMs: settings.timeoutMs,
      maxResponseBytes: settings.maxBytes,
      allowPrivate: settings.allowPrivate,
      headers: { accept: 'application/json, text/csv;q=0.9, */*;q=0.5' },
    });
  } catch (error) {
    if (error instanceof OutboundError) return { ok: false, httpStatus: null, errorCode: error.code, errorMessage: error.message };
    throw error;
  }
  if (response.status < 200 || response.status >= 300) {
    return {
      ok: false,
      httpStatus: response.status,
      errorCode: 'HTTP_ERROR',
      errorMessage: `The feed URL answered ${response.status}${response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : ''}`,
    };
  }
  if (response.truncated)
    return { ok: false, httpStatus: response.status, errorCode: 'FEED_TOO_LARGE', errorMessage: `The feed is larger than ${settings.maxBytes} bytes` };
  const parsed = parseProductFeed(response.body, feed.format, response.headers['content-type']);
  if (!parsed.ok) return { ok: false, httpStatus: response.status, errorCode: parsed.code, errorMessage: parsed.message };

  const tenant = { merchantId: feed.merchantId, livemode: feed.livemode };
  const totals = { received: 0, created: 0, updated: 0, failed: 0 };
  const errors: FeedItemError[] = [];
  // The same engine as the API, in API-sized batches; indexes are re-based onto the whole feed.
  for (let offset = 0; offset < parsed.items.length; offset += MAX_BULK_ITEMS) {
    const result = await writeProducts(db, tenant, parsed.items.slice(offset, offset + MAX_BULK_ITEMS), { mode: 'upsert', sourceFeedId: feed.id });
    totals.received += result.received;
    totals.created += result.created;
    totals.updated += result.updated;
    totals.failed += result.failed;
    for (const error of result.errors) {
      if (errors.length >= MAX_STORED_ERRORS) break;
      const index = error.index + offset;
      errors.push({
        index,
        externalProductId: error.externalProductId,
        status: error.status,
        code: error.code,
        message: error.message.replaceAll(`products[${error.index}]`, `products[${index}]`),
      });
    }
  }

  let archived = 0;
  // Never archive on an empty feed: an empty answer is far more often a glitch than a closed shop.
  if (feed.archiveMissing && parsed.items.length > 0) {
    const seen = parsed.items
      .map((item) => (item as { externalProductId?: unknown } | null)?.externalProductId)
      .filter((id): id is string => typeof id === 'string');
    archived = await archiveProductsMissingFromFeed(db, tenant, feed.id, seen);
  }
  return { ok: true, httpStatus: response.status, ...totals, archived, errors };
}

/**
 * The job behind every feed run: fetch the feed through the outbound guard, write it through the
 * upsert engine, record the outcome on the run. Feed problems (unreachable, not JSON/CSV, bad
 * items) are outcomes, not job failures; an unexpected error also ends the run as FAILED so a
 * stuck run never blocks the next one.
 */
export async function pullProductFeed(db: Db, runId: string, settings: FeedPullSettings, log: FastifyBaseLogger): Promise<void> {
  const found = await getRun(runId, db);
  if (!found || found.run.status === 'SUCCEEDED' || found.run.status === 'FAILED') return;
  const { feed } = found;
  await updateRun(runId, { status: 'RUNNING', startedAt: new Date() }, db);
  let outcome: Outcome;
  try {
    outcome = await pull(db, feed, settings);
  } catch (error) {
    log.error({ err: error, runId, feedId: feed.id }, 'product feed run failed');
    outcome = { ok: false, httpStatus: null, errorCode: 'INTERNAL', errorMessage: 'The run stopped on an internal error; the next run will try again' };
  }
  const finishedAt = new Date();
  await updateRun(
    runId,
    outcome.ok
      ? {
          status: 'SUCCEEDED',
          httpStatus: outcome.httpStatus,
          received: outcome.received,
          created: outcome.created,
          updated: outcome.updated,
          failed: outcome.failed,
          archived: outcome.archived,
          errors: outcome.errors,
          finishedAt,
        }
      : { status: 'FAILED', httpStatus: outcome.httpStatus, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, finishedAt },
    db,
  );
  await db
    .update(productFeeds)
    .set({ lastRunAt: finishedAt, updatedAt: sql`now()` })
    .where(sql`${productFeeds.id} = ${feed.id}`);
}
