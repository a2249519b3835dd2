import type { FastifyBaseLogger } from 'fastify';
import type { ClickSpool } from './click-spool.ts';
import type { ClickRow } from './clicks.tables.ts';

export interface ClickBufferOptions {
  /** Write what has gathered at most this long after the first click arrives. */
  flushIntervalMs: number;
  /** …or as soon as this many clicks are waiting; also the largest batch written at once. */
  batchSize: number;
  /** Clicks held while the database is unreachable before the oldest are dropped (and logged). */
  maxPending?: number;
  /**
   * True when the write failed because of what some row holds (not because the database is
   * unreachable): the batch is then split until the rows that cannot be stored are alone, and
   * those are set aside instead of holding every later click back.
   */
  refusesRows?: (error: unknown) => boolean;
  /** Keep a click that the database refuses where an admin can see it. */
  setAside?: (click: ClickRow, reason: string) => Promise<void>;
  /** Where each click is kept on disk until it is settled, so a killed process loses none. */
  spool?: ClickSpool;
  log: FastifyBaseLogger;
}

const RETRY_DELAYS_MS = [50, 200, 1000, 5000];

/**
 * Clicks wait here between the redirect and the database, so the redirect never waits for a write.
 * Every click stays findable (`get`) from the moment it is added until its batch has committed.
 * One batch is written at a time; a failed batch goes back to the front of the queue and is retried.
 */
export class ClickBuffer {
  private queue: ClickRow[] = [];
  private readonly pending = new Map<string, ClickRow>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private failures = 0;
  private closed = false;
  private setAsideCount = 0;
  private readonly maxPending: number;

  constructor(
    private readonly write: (rows: ClickRow[]) => Promise<void>,
    private readonly options: ClickBufferOptions,
  ) {
    this.maxPending = options.maxPending ?? 200_000;
  }

  add(click: ClickRow): void {
    this.options.spool?.append(click);
    this.enqueue(click);
  }

  /** Clicks a process that ended left in the spool: queued first, and not spooled again. */
  addRecovered(clicks: ClickRow[]): void {
    for (const click of clicks) this.enqueue(click);
  }

  private enqueue(click: ClickRow): void {
    this.queue.push(click);
    this.pending.set(click.id, click);
    if (this.queue.length > this.maxPending) this.dropOldest();
    if (this.writing) return; // the write in progress schedules the next one when it ends
    if (this.queue.length >= this.options.batchSize) this.schedule(0);
    else if (this.timer === null) this.schedule(this.options.flushIntervalMs);
  }

  /** A click that has not reached the database yet. */
  get(clickId: string): ClickRow | undefined {
    return this.pending.get(clickId);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Clicks this process set aside because the database refused them. */
  get setAside(): number {
    return this.setAsideCount;
  }

  /** Write everything added so far; resolves when it has committed (rejects if the database refuses). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.writing) {
      await (this.writing ?? this.drain());
      if (this.failures > 0 && this.queue.length > 0) throw new Error(`${this.queue.length} clicks could not be written`);
    }
  }

  /** Stop the timer and write what is left, retrying a few times; used on shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    for (let attempt = 0; ; attempt++) {
      try {
        await this.flush();
        return;
      } catch (error) {
        if (attempt >= RETRY_DELAYS_MS.length) {
          this.options.log.error({ err: error, lost: this.queue.length }, 'clicks could not be written before shutdown');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer !== null) {
      if (delayMs > 0) return;
      this.clearTimer();
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, delayMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private drain(): Promise<void> {
    if (this.writing) return this.writing;
    this.writing = this.writeBatches().finally(() => {
      this.writing = null;
      if (this.queue.length === 0) return;
      const backoff = this.failures > 0 ? RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length) - 1]! : undefined;
      this.schedule(backoff ?? this.untilDue());
    });
    return this.writing;
  }

  /** How long until the oldest waiting click has waited the flush interval (0 when a batch is full). */
  private untilDue(): number {
    if (this.queue.length >= this.options.batchSize) return 0;
    const waited = Date.now() - this.queue[0]!.clickedAt.getTime();
    return Math.min(this.options.flushIntervalMs, Math.max(0, this.options.flushIntervalMs - waited));
  }

  /**
   * Writes the first batch whatever its size (a drain starts when it is due), then keeps going only
   * while full batches are waiting. Writing whatever gathered during the last write instead would
   * make batches as small as the write is quick, and each statement has a fixed cost.
   */
  private async writeBatches(): Promise<void> {
    for (let first = true; this.queue.length > 0 && (first || this.closed || this.queue.length >= this.options.batchSize); first = false) {
      const batch = this.queue.length <= this.options.batchSize ? this.queue : this.queue.slice(0, this.options.batchSize);
      this.queue = batch === this.queue ? [] : this.queue.slice(batch.length);
      try {
        await this.store(batch);
      } catch (error) {
        this.failures += 1;
        this.queue = batch.concat(this.queue);
        this.options.log.error({ err: error, clicks: batch.length, waiting: this.queue.length }, 'writing clicks failed; will retry');
        return;
      }
      this.failures = 0;
      for (const click of batch) this.pending.delete(click.id);
      this.options.spool?.settled(batch.length);
    }
  }

  /** Write a batch; if some row is refused, halve until each refused row is alone and set it aside. */
  private async store(batch: ClickRow[]): Promise<void> {
    try {
      await this.write(batch);
    } catch (error) {
      const { refusesRows, setAside } = this.options;
      if (!refusesRows?.(error) || !setAside) throw error;
      if (batch.length > 1) {
        const half = batch.length >> 1;
        await this.store(batch.slice(0, half));
        await this.store(batch.slice(half));
        return;
      }
      const click = batch[0]!;
      const reason = error instanceof Error ? error.message : String(error);
      await setAside(click, reason);
      this.setAsideCount += 1;
      this.options.log.error(
        { clickId: click.id, merchantId: click.merchantId, reason, setAside: this.setAsideCount },
        'a click the database refuses was set aside',
      );
    }
  }

  /**
   * Past the bound, drop the oldest tenth at once: dropping one click per new click would shift the
   * whole queue (and log) on every redirect while the database is down.
   */
  private dropOldest(): void {
    const dropped = this.queue.splice(0, this.queue.length - this.maxPending + Math.floor(this.maxPending / 10));
    for (const click of dropped) this.pending.delete(click.id);
    this.options.spool?.settled(dropped.length);
    this.options.log.error({ dropped: dropped.length }, 'click buffer full while the database is unreachable; oldest clicks dropped');
  }
}
