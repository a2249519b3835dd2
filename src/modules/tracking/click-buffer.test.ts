import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClickBuffer } from './click-buffer.ts';
import type { ClickRow } from './clicks.tables.ts';

const log = pino({ level: 'silent' });
const click = (id: string): ClickRow => ({
  id,
  linkId: 'lnk_1',
  affiliateId: 'aff_1',
  merchantId: 'mer_1',
  livemode: true,
  campaignId: '00000000-0000-4000-8000-000000000000',
  productId: null,
  clickedAt: new Date(),
  ipHash: 'h',
  userAgent: null,
  referrer: null,
  trafficSource: 'direct',
  subIds: {},
  attributable: true,
  unattributableReason: null,
  riskFlags: [],
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Move the faked timers and Date on by `ms`, running what falls due and the promises it starts. */
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);

function recorder(options: { failTimes?: number; delayMs?: number } = {}) {
  const batches: string[][] = [];
  let failures = options.failTimes ?? 0;
  let writesStarted = 0;
  const write = async (rows: ClickRow[]) => {
    writesStarted += 1;
    if (options.delayMs) await sleep(options.delayMs);
    if (failures-- > 0) throw new Error('database unavailable');
    batches.push(rows.map((r) => r.id));
  };
  return { batches, write, started: () => writesStarted };
}

// Time here is vitest's fake timers (setTimeout and Date): a test steps through the flush interval instead of sleeping.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('ClickBuffer', () => {
  it('writes after the interval, in one batch', async () => {
    const { batches, write } = recorder();
    const buffer = new ClickBuffer(write, { flushIntervalMs: 20, batchSize: 100, log });
    buffer.add(click('a'));
    buffer.add(click('b'));
    await pass(19);
    expect(batches).toEqual([]);
    await pass(1);
    expect(batches).toEqual([['a', 'b']]);
    expect(buffer.size).toBe(0);
  });

  it('writes at once when a batch is full, never more than batchSize rows per write', async () => {
    const { batches, write } = recorder();
    const buffer = new ClickBuffer(write, { flushIntervalMs: 60_000, batchSize: 3, log });
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) buffer.add(click(id));
    await pass(0);
    expect(batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    await buffer.close();
    expect(batches.flat()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('lets clicks that arrive during a write wait for their own interval instead of following at once', async () => {
    const { batches, write, started } = recorder({ delayMs: 50 });
    const buffer = new ClickBuffer(write, { flushIntervalMs: 200, batchSize: 100, log });
    buffer.add(click('a'));
    await pass(200);
    expect(started()).toBe(1);
    buffer.add(click('b')); // during a's write, which ends at 250 ms
    buffer.add(click('c'));
    await pass(50);
    expect(batches).toEqual([['a']]);
    await pass(149);
    expect(started()).toBe(1); // b and c are due at 400 ms, their own interval after they came
    await pass(1);
    expect(started()).toBe(2);
    await pass(50);
    expect(batches).toEqual([['a'], ['b', 'c']]);
    await buffer.close();
  });

  it('keeps each click findable until its batch has committed', async () => {
    const { batches, write } = recorder({ delayMs: 30 });
    const buffer = new ClickBuffer(write, { flushIntervalMs: 1, batchSize: 100, log });
    buffer.add(click('a'));
    await pass(10); // the write is in flight now
    expect(batches).toEqual([]);
    expect(buffer.get('a')?.id).toBe('a');
    const flushed = buffer.flush();
    await pass(30);
    await flushed;
    expect(batches).toEqual([['a']]);
    expect(buffer.get('a')).toBeUndefined();
  });

  it('retries a failed batch without losing or reordering clicks', async () => {
    const { batches, write } = recorder({ failTimes: 2 });
    const buffer = new ClickBuffer(write, { flushIntervalMs: 1, batchSize: 100, log });
    buffer.add(click('a'));
    await pass(5);
    expect(batches).toEqual([]); // the first write failed
    buffer.add(click('b'));
    expect(buffer.get('a')).toBeDefined();
    const closed = buffer.close();
    await vi.runAllTimersAsync();
    await closed;
    expect(batches.flat()).toEqual(['a', 'b']);
    expect(buffer.size).toBe(0);
  });

  it('drops the oldest clicks past its bound rather than growing without limit', async () => {
    const { write } = recorder({ failTimes: 1000 });
    const errors: unknown[] = [];
    const counting = { ...log, error: (...args: unknown[]) => errors.push(args) } as unknown as typeof log;
    const buffer = new ClickBuffer(write, { flushIntervalMs: 60_000, batchSize: 100, maxPending: 20, log: counting });
    for (let i = 0; i < 21; i++) buffer.add(click(`c${i}`));
    // The 21st click overflows the bound of 20: the oldest tenth (2) goes with the one over, in one step.
    expect(buffer.size).toBe(18);
    expect(['c0', 'c1', 'c2'].map((id) => buffer.get(id))).toEqual([undefined, undefined, undefined]);
    expect(buffer.get('c3')).toBeDefined();
    expect(buffer.get('c20')).toBeDefined();
    expect(errors).toHaveLength(1);
    for (let i = 21; i < 23; i++) buffer.add(click(`c${i}`));
    expect(buffer.size).toBe(20);
    expect(errors).toHaveLength(1);
  });

  it('splits a batch the database refuses and sets aside only the rows it cannot store, logging each once', async () => {
    const batches: string[][] = [];
    const refused = Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' });
    const write = async (rows: ClickRow[]) => {
      if (rows.some((row) => row.id.startsWith('bad'))) throw refused;
      batches.push(rows.map((r) => r.id));
    };
    const setAside: string[] = [];
    const errors: unknown[] = [];
    const counting = { ...log, error: (...args: unknown[]) => errors.push(args) } as unknown as typeof log;
    const buffer = new ClickBuffer(write, {
      flushIntervalMs: 60_000,
      batchSize: 100,
      log: counting,
      refusesRows: (error) => (error as { code?: string }).code === '22P05',
      setAside: async (row) => void setAside.push(row.id),
    });
    for (const id of ['a', 'b', 'bad1', 'c', 'd', 'e', 'bad2', 'f']) buffer.add(click(id));
    await buffer.flush();
    expect(batches.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(setAside).toEqual(['bad1', 'bad2']);
    expect(buffer.setAside).toBe(2);
    expect(buffer.size).toBe(0);
    expect(errors).toHaveLength(2);
    // Later clicks are not held back.
    buffer.add(click('g'));
    await buffer.flush();
    expect(batches.flat()).toContain('g');
  });

  it('does not split a batch that failed because the database is unreachable', async () => {
    const { batches, write, started } = recorder({ failTimes: 1 });
    const setAside: string[] = [];
    const buffer = new ClickBuffer(write, {
      flushIntervalMs: 60_000,
      batchSize: 100,
      log,
      refusesRows: () => false,
      setAside: async (row) => void setAside.push(row.id),
    });
    for (const id of ['a', 'b', 'c']) buffer.add(click(id));
    await expect(buffer.flush()).rejects.toThrow(/3 clicks could not be written/);
    expect(started()).toBe(1);
    await buffer.flush();
    expect(batches).toEqual([['a', 'b', 'c']]);
    expect(setAside).toEqual([]);
  });
});
