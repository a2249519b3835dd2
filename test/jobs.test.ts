import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, queryRows } from '../src/platform/db/client.ts';
import { enqueueJob } from '../src/platform/jobs/enqueue.ts';
import { backend } from './support/database.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const jobRow = async (id: string) =>
  (
    await queryRows<{ status: string; attempts: number; last_error: string | null; run_at: string }>(
      t.platform.db,
      sql`select status, attempts, last_error, run_at from jobs where id = ${id}`,
    )
  )[0];

describe(`background jobs on ${backend}`, () => {
  it('runs a job enqueued in a committed transaction, and never one from a rolled-back transaction', async () => {
    const ran: string[] = [];
    t.platform.worker.register('test.tx', async (job) => void ran.push(String(job.payload.name)));
    await inTransaction(t.platform.db, (tx) => enqueueJob(tx, 'test.tx', { name: 'committed' }));
    await expect(
      inTransaction(t.platform.db, async (tx) => {
        await enqueueJob(tx, 'test.tx', { name: 'rolled-back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await t.platform.worker.runDueJobs();
    expect(ran).toEqual(['committed']);
    const [{ count }] = (await queryRows<{ count: bigint }>(t.platform.db, sql`select count(*) as count from jobs where type = 'test.tx'`)) as [
      { count: bigint },
    ];
    expect(count).toBe(1n);
  });

  it('retries a failing job later with backoff, then records the failure when attempts run out', async () => {
    let calls = 0;
    t.platform.worker.register('test.flaky', async () => {
      calls++;
      throw new Error(`boom ${calls}`);
    });
    const id = (await enqueueJob(t.platform.db, 'test.flaky', {}, { maxAttempts: 2 })) as string;
    await t.platform.worker.runDueJobs();
    const afterFirst = await jobRow(id);
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1, last_error: 'boom 1' });
    expect(new Date(afterFirst!.run_at).getTime()).toBeGreaterThan(Date.now());
    // Not due yet: a second poll must not run it again.
    await t.platform.worker.runDueJobs();
    expect(calls).toBe(1);
    await t.platform.db.execute(sql`update jobs set run_at = now() where id = ${id}`);
    await t.platform.worker.runDueJobs();
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 2, last_error: 'boom 2' });
    expect(calls).toBe(2);
  });

  it('runs jobs enqueued in one transaction in the order they were enqueued', async () => {
    const ran: number[] = [];
    t.platform.worker.register('test.ordered', async (job) => void ran.push(Number(job.payload.i)));
    await inTransaction(t.platform.db, async (tx) => {
      for (let i = 0; i < 25; i++) await enqueueJob(tx, 'test.ordered', { i });
    });
    await t.platform.worker.runDueJobs();
    expect(ran).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('stop() lets the running job finish and hands claimed jobs that never started back to the queue', async () => {
    const worker = t.platform.worker;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ran: number[] = [];
    worker.register('test.stopping', async (job) => {
      ran.push(Number(job.payload.i));
      if (ran.length === 1) await gate;
    });
    // One transaction is one connection: its statements go one after another.
    const ids = await inTransaction(t.platform.db, async (tx) => {
      const enqueued: (string | null)[] = [];
      for (const i of [0, 1, 2]) enqueued.push(await enqueueJob(tx, 'test.stopping', { i }));
      return enqueued;
    });
    worker.start();
    while (ran.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const stopped = worker.stop();
    release();
    await stopped;
    expect(ran).toEqual([0]);
    const rows = await queryRows<{ id: string; status: string; attempts: number; locked_by: string | null }>(
      t.platform.db,
      sql`select id, status, attempts, locked_by from jobs where type = 'test.stopping'`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0]!)).toMatchObject({ status: 'done', attempts: 1 });
    for (const id of ids.slice(1)) expect(byId.get(id!)).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
    await worker.runDueJobs().then(() => undefined);
  });

  it('enqueues a job with a dedupe key once', async () => {
    const first = await enqueueJob(t.platform.db, 'test.tx', { name: 'a' }, { dedupeKey: 'schedule:x:slot-1' });
    const second = await enqueueJob(t.platform.db, 'test.tx', { name: 'b' }, { dedupeKey: 'schedule:x:slot-1' });
    expect(first).toMatch(/^job_/);
    expect(second).toBeNull();
  });

  it('runs a job scheduled for later only when asked to run what is due by then', async () => {
    const ran: string[] = [];
    t.platform.worker.register('test.later', async (job) => void ran.push(String(job.payload.n)));
    const inAnHour = new Date(Date.now() + 3_600_000);
    const id = (await enqueueJob(t.platform.db, 'test.later', { n: 'later' }, { runAt: inAnHour })) as string;
    await t.platform.worker.runDueJobs();
    expect(ran).toEqual([]);
    await t.platform.worker.runDueJobs({ now: new Date(inAnHour.getTime() - 1000) });
    expect(ran).toEqual([]);
    await t.platform.worker.runDueJobs({ now: inAnHour });
    expect(ran).toEqual(['later']);
    expect(await jobRow(id)).toMatchObject({ status: 'done' });
  });

  it('records a job with no handler as failed rather than losing it', async () => {
    const id = (await enqueueJob(t.platform.db, 'test.unknown', {}, { maxAttempts: 1 })) as string;
    await t.platform.worker.runDueJobs();
    expect(await jobRow(id)).toMatchObject({ status: 'failed', last_error: 'No handler for job type test.unknown' });
  });

  it('enqueues a periodic job once per slot', async () => {
    const ran: string[] = [];
    t.platform.worker.register('test.periodic', async (job) => void ran.push(job.id));
    t.platform.worker.schedule({ name: 'every-second', cron: '* * * * * *', jobType: 'test.periodic' });
    // Three moments, two slots: the second moment is still in the first slot (as when two processes' crons fire for it).
    for (const at of ['2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.900Z', '2026-03-02T10:00:01.100Z'])
      await t.platform.worker.enqueueScheduledSlots(new Date(at));
    await t.platform.worker.runDueJobs();
    const rows = await queryRows<{ id: string; dedupe_key: string }>(
      t.platform.db,
      sql`select id, dedupe_key from jobs where type = 'test.periodic' order by seq`,
    );
    expect(rows.map((r) => r.dedupe_key)).toEqual(['schedule:every-second:2026-03-02T10:00:00.000Z', 'schedule:every-second:2026-03-02T10:00:01.000Z']);
    expect(ran).toEqual(rows.map((r) => r.id));
  });
});

describe.runIf(backend === 'postgres')('jobs across processes on postgres', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

  it('two worker processes run each of 300 jobs exactly once', async () => {
    await t.platform.db.execute(sql`create table job_effects (job_id text not null, worker int not null)`);
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/job-worker-process.ts'], {
        env: { ...process.env, DATABASE_URL: t.databaseUrl },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      await once(child.stdout!, 'data');
    }
    await inTransaction(t.platform.db, async (tx) => {
      for (let i = 0; i < 300; i++) await enqueueJob(tx, 'test.record', { i });
    });
    const deadline = Date.now() + 20_000;
    let done = 0n;
    while (Date.now() < deadline) {
      [{ done }] = (await queryRows<{ done: bigint }>(
        t.platform.db,
        sql`select count(*) as done from jobs where type = 'test.record' and status = 'done'`,
      )) as [{ done: bigint }];
      if (done === 300n) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(done).toBe(300n);
    const effects = await queryRows<{ job_id: string; runs: bigint }>(t.platform.db, sql`select job_id, count(*) as runs from job_effects group by job_id`);
    expect(effects).toHaveLength(300);
    expect(effects.every((row) => row.runs === 1n)).toBe(true);
    const workers = await queryRows<{ worker: number }>(t.platform.db, sql`select distinct worker from job_effects`);
    expect(workers.length).toBe(2);
    for (const child of children) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
