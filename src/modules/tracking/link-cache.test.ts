import { describe, expect, it } from 'vitest';
import { LinkCache } from './link-cache.ts';

interface Link {
  campaignId: string;
  version: number;
}

function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let clock = 0;
  const reads: string[] = [];
  const db = new Map<string, Link>([
    ['AAA', { campaignId: 'c1', version: 1 }],
    ['BBB', { campaignId: 'c2', version: 1 }],
  ]);
  let release: (() => void) | null = null;
  let hold = false;
  const cache = new LinkCache<Link>(
    async (code) => {
      reads.push(code);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      const row = db.get(code);
      return row ? { ...row } : null;
    },
    { ttlMs: options.ttlMs ?? 1000, maxEntries: options.maxEntries ?? 100, clock: { now: () => clock } },
  );
  return {
    cache,
    reads,
    db,
    tick: (ms: number) => (clock += ms),
    holdReads: () => (hold = true),
    releaseRead: () => release?.(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('LinkCache', () => {
  it('misses, reads once, then answers from memory within the TTL', async () => {
    const { cache, reads, tick } = setup();
    expect(cache.peek('AAA')).toBeUndefined();
    expect(await cache.get('AAA')).toEqual({ campaignId: 'c1', version: 1 });
    tick(999);
    expect(cache.peek('AAA')?.version).toBe(1);
    expect(reads).toEqual(['AAA']);
  });

  it('remembers unknown codes as null', async () => {
    const { cache, reads } = setup();
    expect(await cache.get('ZZZ')).toBeNull();
    expect(cache.peek('ZZZ')).toBeNull();
    expect(reads).toEqual(['ZZZ']);
  });

  it('serves a stale entry while refreshing it, and nothing once it is twice the TTL old', async () => {
    const { cache, reads, db, tick } = setup();
    await cache.get('AAA');
    db.set('AAA', { campaignId: 'c1', version: 2 });
    tick(1500);
    expect(cache.peek('AAA')?.version).toBe(1);
    await settle();
    expect(reads).toEqual(['AAA', 'AAA']);
    expect(cache.peek('AAA')?.version).toBe(2);
    tick(2000);
    expect(cache.peek('AAA')).toBeUndefined();
  });

  it('shares one read between concurrent misses', async () => {
    const { cache, reads } = setup();
    const [a, b] = await Promise.all([cache.get('AAA'), cache.get('AAA')]);
    expect(a).toBe(b);
    expect(reads).toEqual(['AAA']);
  });

  it('forgets a code, or every code of a campaign, on invalidation', async () => {
    const { cache } = setup();
    await cache.get('AAA');
    await cache.get('BBB');
    cache.invalidateCampaign('c1');
    expect(cache.peek('AAA')).toBeUndefined();
    expect(cache.peek('BBB')).toBeDefined();
    cache.invalidate('BBB');
    expect(cache.peek('BBB')).toBeUndefined();
  });

  it('does not store a read that started before an invalidation', async () => {
    const { cache, holdReads, releaseRead, db } = setup();
    holdReads();
    const read = cache.get('AAA');
    await settle();
    db.set('AAA', { campaignId: 'c1', version: 2 });
    cache.invalidate('AAA');
    releaseRead();
    await read;
    expect(cache.peek('AAA')).toBeUndefined();
  });

  it('stays within its bound by dropping the oldest entry', async () => {
    const { cache } = setup({ maxEntries: 2 });
    await cache.get('AAA');
    await cache.get('BBB');
    await cache.get('CCC');
    expect(cache.peek('AAA')).toBeUndefined();
    expect(cache.peek('BBB')).toBeDefined();
    expect(cache.peek('CCC')).toBeNull();
  });
});
