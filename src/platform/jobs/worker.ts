import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import { queryRows, type Db } from '../db/client.ts';
import { randomCode } from '../ids.ts';
import { retryDelaySeconds } from './backoff.ts';
import { enqueueJob } from './enqueue.ts';

export interface JobContext {
  id: string;
  attempt: number;
  payload: Record<string, unknown>;
}

/** A job handler. Throwing schedules a retry with backoff until the job's attempts run out. */
export type JobHandler = (job: JobContext) => Promise<void>;

export interface Schedule {
  name: string;
  /** A cron pattern (with seconds allowed), e.g. '0 * * * * *' for every minute. */
  cron: string;
  jobType: string;
}

export interface WorkerOptions {
  db: Db;
  log: FastifyBaseLogger;
  pollIntervalMs: number;
  /** How many due jobs one poll claims. */
  batchSize?: number;
  /** How long a claimed job is ours; a worker that dies mid-job loses it to another after this. */
  leaseSeconds?: number;
}

interface ClaimedJob extends Record<string, unknown> {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/**
 * Runs due jobs from the jobs table. Any number of workers in any number of processes can run at
 * once: a claim is an UPDATE of rows selected `FOR UPDATE SKIP LOCKED`, so each due job goes to
 * exactly one of them.
 */
export class JobWorker {
  readonly workerId = `${hostname()}:${process.pid}:${randomCode(6)}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules: Array<{ schedule: Schedule; cron: Cron }> = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** Set while stop() runs: no further job starts, even in a poll already under way. */
  private stopRequested = false;

  constructor(private readonly options: WorkerOptions) {}

  register(type: string, handler: JobHandler): this {
    if (this.handlers.has(type)) throw new Error(`Job type ${type} already has a handler`);
    this.handlers.set(type, handler);
    return this;
  }

  /** Enqueue `jobType` on the cron pattern; each slot is enqueued once across every process. */
  schedule(schedule: Schedule): this {
    const cron = new Cron(schedule.cron, { paused: true, protect: true }, async () => {
      try {
        await this.enqueueSlot(schedule, cron.currentRun() ?? new Date());
        this.poke();
      } catch (error) {
        this.options.log.error({ err: error, schedule: schedule.name }, 'could not enqueue scheduled job');
      }
    });
    this.schedules.push({ schedule, cron });
    if (!this.stopped) cron.resume();
    return this;
  }

  /**
   * Enqueue each schedule's slot that is current at `now`, as its cron does when the slot comes, so
   * a test steps through slots instead of waiting for them.
   */
  async enqueueScheduledSlots(now: Date): Promise<void> {
    const second = new Date(now.getTime() - (now.getTime() % 1000));
    for (const { schedule, cron } of this.schedules) {
      const slot = cron.match(second) ? second : cron.previousRuns(1, now)[0];
      if (slot) await this.enqueueSlot(schedule, slot);
    }
  }

  /** A slot already enqueued, by any process, is not enqueued again. */
  private async enqueueSlot(schedule: Schedule, slot: Date): Promise<void> {
    await enqueueJob(this.options.db, schedule.jobType, {}, { dedupeKey: `schedule:${schedule.name}:${slot.toISOString()}`, maxAttempts: 3 });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopRequested = false;
    for (const { cron } of this.schedules) cron.resume();
    this.poke();
  }

  /** Run a poll soon rather than waiting for the interval, e.g. right after enqueueing. */
  poke(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), 0);
  }

  /** Stop claiming, wait for the job already running to finish; claimed jobs not yet started go back to the queue. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    clearTimeout(this.timer);
    for (const { cron } of this.schedules) cron.stop();
    try {
      await this.running;
    } finally {
      // Only the poll under way is cut short; an explicit runDueJobs() later still drains the queue.
      this.stopRequested = false;
    }
  }

  /**
   * Claim and run every job due now — or due by `now`, so a test runs what a retry or schedule put
   * in the future without waiting for it; returns how many ran. Tests use it to drain the queue.
   */
  async runDueJobs(options: { now?: Date } = {}): Promise<number> {
    let total = 0;
    while (!this.stopRequested) {
      const claimed = await this.claim(options.now);
      if (claimed.length === 0) return total;
      for (const [index, job] of claimed.entries()) {
        if (this.stopRequested) {
          await this.release(claimed.slice(index));
          return total;
        }
        await this.execute(job);
        total++;
      }
    }
    return total;
  }

  /** Hand claimed jobs that never started back to the queue, as if never claimed. */
  private async release(jobs: ClaimedJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const ids = jobs.map((job) => job.id);
    await this.options.db.execute(
      sql`update jobs set status = 'queued', attempts = attempts - 1, locked_by = null, locked_until = null
          where id = any(${sql.param(ids)}::text[]) and locked_by = ${this.workerId}`,
    );
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = this.runDueJobs()
      .then(() => undefined)
      .catch((error) => this.options.log.error({ err: error }, 'job poll failed'))
      .finally(() => {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(() => void this.tick(), this.options.pollIntervalMs);
      });
    await this.running;
  }

  private claim(dueBy: Date | undefined): Promise<ClaimedJob[]> {
    const lease = this.options.leaseSeconds ?? 300;
    const batch = this.options.batchSize ?? 10;
    // Jobs whose lease ran out were claimed by a worker that died; they are due again. Claimed jobs
    // come back in due order, ties broken by insertion order, so jobs enqueued in one transaction
    // run in the order they were enqueued.
    return queryRows<ClaimedJob>(
      this.options.db,
      sql`with claimed as (
            update jobs set status = 'running', attempts = attempts + 1, locked_by = ${this.workerId},
              locked_until = now() + make_interval(secs => ${lease})
            where id in (
              select id from jobs
              where (status = 'queued' and run_at <= ${dueBy ?? sql`now()`}) or (status = 'running' and locked_until < now())
              order by run_at, seq
              limit ${batch}
              for update skip locked)
            returning id, type, payload, attempts, max_attempts, run_at, seq)
          select id, type, payload, attempts, max_attempts from claimed order by run_at, seq`,
    );
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.type);
    try {
      if (!handler) throw new Error(`No handler for job type ${job.type}`);
      await handler({ id: job.id, attempt: job.attempts, payload: job.payload });
      await this.options.db.execute(
        sql`update jobs set status = 'done', finished_at = now(), locked_by = null, locked_until = null, last_error = null
            where id = ${job.id} and locked_by = ${this.workerId}`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const exhausted = job.attempts >= job.max_attempts;
      this.options.log.warn({ jobId: job.id, type: job.type, attempt: job.attempts, exhausted, err: error }, 'job failed');
      await this.options.db.execute(
        exhausted
          ? sql`update jobs set status = 'failed', finished_at = now(), locked_by = null, locked_until = null,
                  last_error = ${message} where id = ${job.id} and locked_by = ${this.workerId}`
          : sql`update jobs set status = 'queued', locked_by = null, locked_until = null, last_error = ${message},
                  run_at = now() + make_interval(secs => ${retryDelaySeconds(job.attempts)})
                where id = ${job.id} and locked_by = ${this.workerId}`,
      );
    }
  }
}
