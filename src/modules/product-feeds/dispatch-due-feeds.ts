import { inTransaction, type Db } from '../../platform/db/client.ts';
import { findUnfinishedRun, lockDueFeeds, queueRun, updateFeedRow } from './product-feeds.repository.ts';

/** Feeds queued per dispatch; the rest are due at the next one. */
const DISPATCH_BATCH = 100;

/**
 * Queue a run for every active feed that is due and move its next pull one interval on. Due feeds
 * are locked with SKIP LOCKED, so dispatchers in several processes never queue a feed twice; a
 * feed whose previous run has not finished is skipped for this slot.
 */
export async function dispatchDueFeeds(db: Db, now: Date = new Date()): Promise<number> {
  return inTransaction(db, async (tx) => {
    const due = await lockDueFeeds(now, DISPATCH_BATCH, tx);
    let queued = 0;
    for (const feed of due) {
      if (!(await findUnfinishedRun(feed.id, tx))) {
        await queueRun(feed, 'SCHEDULE', tx);
        queued++;
      }
      await updateFeedRow(feed.id, { nextRunAt: new Date(now.getTime() + feed.intervalMinutes * 60_000) }, tx);
    }
    return queued;
  });
}
