import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ClickBuffer } from './click-buffer.ts';
import { ClickSpool, clickSpoolDir } from './click-spool.ts';
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
  clickedAt: new Date('2026-12-01T12:00:00.123Z'),
  ipHash: 'h',
  userAgent: 'Agent "A" ü',
  referrer: null,
  trafficSource: 'direct',
  subIds: { sub1: 'x' },
  attributable: true,
  unattributableReason: null,
  riskFlags: [],
});
const turn = () => new Promise((resolve) => setImmediate(resolve));

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spool-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ClickSpool', () => {
  it('answers only after the clicks staged so far are in the file', async () => {
    const dir = freshDir();
    const spool = new ClickSpool(dir, log);
    spool.recover();
    const answered: string[] = [];
    spool.afterWrite(() => answered.push('nothing staged'));
    expect(answered).toEqual(['nothing staged']);
    spool.append(click('clk_1'));
    spool.afterWrite(() => answered.push(readFileSync(path.join(dir, readdirSync(dir)[0]!), 'utf8')));
    expect(answered).toHaveLength(1);
    await turn();
    expect(answered[1]).toContain('"id":"clk_1"');
    spool.close();
  });

  it('removes a file once its clicks are settled; a new process recovers what a dead one left, in order', async () => {
    const dir = freshDir();
    const first = new ClickSpool(dir, log);
    first.recover();
    for (const id of ['clk_1', 'clk_2', 'clk_3']) first.append(click(id));
    await turn();
    first.settled(1);
    // A dead process's file: the pid is one that cannot be running.
    const [own] = readdirSync(dir);
    writeFileSync(path.join(dir, own!.replace(/^\d+-/, '999999999-')), readFileSync(path.join(dir, own!), 'utf8') + '{"torn');
    const second = new ClickSpool(dir, log);
    const recovered = second.recover();
    expect(recovered.map((c) => c.id)).toEqual(['clk_1', 'clk_2', 'clk_3']);
    expect(recovered[0]).toEqual(click('clk_1'));
    second.settled(3);
    expect(readdirSync(dir)).toEqual([own]); // this process's own file is still open
    first.settled(2);
    first.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the file of clicks not yet stored, for the next start', async () => {
    const dir = freshDir();
    const spool = new ClickSpool(dir, log);
    spool.recover();
    const buffer = new ClickBuffer(async () => undefined, { flushIntervalMs: 60_000, batchSize: 100, spool, log });
    buffer.add(click('clk_9'));
    await turn();
    spool.close(); // the process ends before the batch is due
    expect(readdirSync(dir)).toHaveLength(1);

    const stored: string[] = [];
    const next = new ClickSpool(dir, log);
    const after = new ClickBuffer(async (rows) => void stored.push(...rows.map((r) => r.id)), { flushIntervalMs: 60_000, batchSize: 100, spool: next, log });
    after.addRecovered(next.recover());
    await after.close();
    next.close();
    expect(stored).toEqual(['clk_9']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lives in the data directory unless set, and nowhere for an in-memory database or off', () => {
    expect(clickSpoolDir({ clickSpoolDir: undefined, dataDir: '/srv/data' })).toBe('/srv/data/click-spool');
    expect(clickSpoolDir({ clickSpoolDir: '/var/spool/im', dataDir: '/srv/data' })).toBe('/var/spool/im');
    expect(clickSpoolDir({ clickSpoolDir: 'off', dataDir: '/srv/data' })).toBeUndefined();
    expect(clickSpoolDir({ clickSpoolDir: undefined, dataDir: 'memory://' })).toBeUndefined();
    expect(clickSpoolDir({ clickSpoolDir: undefined, dataDir: '' })).toBeUndefined();
  });
});
