import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteThread } from './pglite-thread.ts';

describe('PGlite on its own thread', () => {
  let db: PGliteThread;
  beforeAll(async () => {
    db = await PGliteThread.create(undefined);
    await db.exec('create table items (id int primary key, amount bigint not null, at timestamptz not null default now())');
  });
  afterAll(() => db.close());

  it('returns rows with bigint and dates parsed, and timestamps kept as text when asked', async () => {
    await db.query('insert into items (id, amount, at) values ($1, $2, $3)', [1, 9_007_199_254_740_993n, new Date('2026-01-02T03:04:05.678Z')]);
    const parsed = await db.query<{ amount: bigint; at: Date }>('select amount, at from items where id = 1');
    expect(parsed.rows[0]).toEqual({ amount: 9_007_199_254_740_993n, at: new Date('2026-01-02T03:04:05.678Z') });
    const asText = await db.query<{ at: unknown }>('select at from items where id = 1', [], { parsers: { 1184: (value) => value } });
    expect(typeof asText.rows[0]!.at).toBe('string');
    const arrays = await db.query<unknown[]>('select id, amount from items where id = 1', [], { rowMode: 'array' });
    expect(arrays.rows[0]).toEqual([1, 9_007_199_254_740_993n]);
  });

  it('reports database errors with their SQLSTATE and constraint', async () => {
    await db.query('insert into items (id, amount) values (2, 1)');
    const error = await db.query('insert into items (id, amount) values (2, 1)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 'items_pkey', message: expect.stringContaining('duplicate key') });
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into items (id, amount) values (10, 1)');
      await tx.query('insert into items (id, amount) values (11, 1)');
    });
    const failed = await db
      .transaction(async (tx) => {
        await tx.query('insert into items (id, amount) values (12, 1)');
        throw new Error('changed my mind');
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe('changed my mind');
    const { rows } = await db.query<{ id: number }>('select id from items where id >= 10 order by id');
    expect(rows.map((r) => r.id)).toEqual([10, 11]);
  });

  it('makes other queries wait for an open transaction, as a single connection does', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      await tx.query('update items set amount = 100 where id = 10');
      outside = db.query<{ amount: bigint }>('select amount from items where id = 10').then((r) => order.push(`outside saw ${r.rows[0]!.amount}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.query('update items set amount = 200 where id = 10');
      order.push('committing');
    });
    await outside;
    expect(order).toEqual(['committing', 'outside saw 200']);
  });

  it('leaves the event loop free while a long query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const started = performance.now();
    await db.query('select count(*) from generate_series(1, 3000000) as s where s % 7 = 3');
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(elapsed).toBeGreaterThan(50);
    // On the calling thread the timer could not fire once until the query returned.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 5 / 4));
  });

  it('keeps its data in a directory across restarts and refuses queries once closed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-thread-'));
    try {
      const first = await PGliteThread.create(path.join(dir, 'pglite'));
      await first.exec("create table kept (v text); insert into kept values ('still here')");
      await first.close();
      await expect(first.query('select 1')).rejects.toThrow(/closed/);
      const second = await PGliteThread.create(path.join(dir, 'pglite'));
      expect((await second.query<{ v: string }>('select v from kept')).rows).toEqual([{ v: 'still here' }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
