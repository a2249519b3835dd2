import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { apiKeys } from '../src/modules/api-keys/api-keys.tables.ts';
import { awayFromMinuteBoundary, TestClock } from './support/clock.ts';
import { backend } from './support/database.ts';
import { makeMerchant, signIn } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
});
afterAll(() => t.close());

const clientFor = (app: TestApp, pair: { publishableKey: string; signingSecret: string }) =>
  new InfluencemartClient({ baseUrl: app.url, ...pair, maxRetries: 0, now: () => app.platform.clock.now() });

describe(`API key rotation and revocation on ${backend}`, () => {
  it('lists keys without secrets: mode, hint, status, dates and lastUsedAt', async () => {
    const merchant = await makeMerchant(t);
    const session = await signIn(t, merchant.email);
    expect((await merchant.live.get('/api/v1/account')).status).toBe(200);
    // lastUsedAt is written off the request path; wait until it lands.
    let list = await session.request('GET', '/api/merchant/api-keys');
    for (let i = 0; i < 30 && !list.body.data.some((k: { lastUsedAt: string | null }) => k.lastUsedAt); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      list = await session.request('GET', '/api/merchant/api-keys');
    }
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(merchant.keys.test.signingSecret);
    expect(text).not.toContain(merchant.keys.live.signingSecret);
    expect(text).not.toContain('signingSecret');
    const live = list.body.data.find((k: { mode: string }) => k.mode === 'live');
    expect(live).toMatchObject({
      publishableKey: merchant.keys.live.publishableKey,
      secretHint: `sk_live_…${merchant.keys.live.signingSecret.slice(-4)}`,
      status: 'active',
      expiresAt: null,
      revokedAt: null,
      secretRevealable: false,
    });
    expect(Date.parse(live.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(list.body.data.find((k: { mode: string }) => k.mode === 'test').lastUsedAt).toBeNull();
    const onlyTest = await session.request('GET', '/api/merchant/api-keys?mode=test');
    expect(onlyTest.body.data.map((k: { mode: string }) => k.mode)).toEqual(['test']);
  });

  it('rotates a mode: the new pair works at once, the old one keeps working for 24 h by default', async () => {
    const merchant = await makeMerchant(t);
    const session = await signIn(t, merchant.email);
    expect((await merchant.test.get('/api/v1/account')).status).toBe(200);
    const rotated = await session.request('POST', '/api/merchant/api-keys/rotate', { mode: 'test' });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ mode: 'test', publishableKey: expect.stringMatching(/^pk_test_/), signingSecret: expect.stringMatching(/^sk_test_/) });
    expect(rotated.body.retired).toHaveLength(1);
    const graceEnd = Date.parse(rotated.body.retired[0].expiresAt);
    expect(Math.abs(graceEnd - (Date.now() + 86_400_000))).toBeLessThan(60_000);

    const fresh = clientFor(t, rotated.body);
    expect((await fresh.get('/api/v1/account')).body).toMatchObject({ merchantId: merchant.merchantId, livemode: false });
    expect((await merchant.test.get('/api/v1/account')).status).toBe(200);
    // The live pair was not touched.
    const keys = (await session.request('GET', '/api/merchant/api-keys')).body.data as Array<{ mode: string; status: string; publishableKey: string }>;
    expect(keys.find((k) => k.publishableKey === merchant.keys.live.publishableKey)?.status).toBe('active');
    expect(keys.find((k) => k.publishableKey === merchant.keys.test.publishableKey)?.status).toBe('expiring');
    expect(JSON.stringify(keys)).not.toContain(rotated.body.signingSecret);
  });

  it('stops the old pair when the grace period ends', async () => {
    const clock = new TestClock();
    const short = await createTestApp({ listen: true, clock });
    try {
      const merchant = await makeMerchant(short);
      const session = await signIn(short, merchant.email);
      // Warm the key cache so the test proves a cached key still stops at its expiry.
      expect((await merchant.test.get('/api/v1/account')).status).toBe(200);
      const rotated = await session.request('POST', '/api/merchant/api-keys/rotate', { mode: 'test' });
      expect(rotated.status).toBe(201);
      const old = clientFor(short, merchant.keys.test);
      expect((await old.get('/api/v1/account')).status).toBe(200);
      // Up to the end the server announced (the default grace, a day) the old pair works; then it stops.
      const oldEnd = Date.parse(rotated.body.retired[0].expiresAt);
      expect(oldEnd - clock.now()).toBeGreaterThan(23 * 3600_000);
      clock.advance(oldEnd - clock.now() - 60_000);
      expect((await old.get('/api/v1/account')).status).toBe(200);
      clock.advance(oldEnd - clock.now() + 1000);
      const after = await old.get('/api/v1/account');
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('INVALID_API_KEY');
      expect((await clientFor(short, rotated.body).get('/api/v1/account')).status).toBe(200);
      const keys = (await session.request('GET', '/api/merchant/api-keys?mode=test')).body.data as Array<{ publishableKey: string; status: string }>;
      expect(keys.find((k) => k.publishableKey === merchant.keys.test.publishableKey)?.status).toBe('expired');
    } finally {
      await short.close();
    }
  });

  it('keeps the earlier end when a pair already in its grace period is rotated again', async () => {
    const merchant = await makeMerchant(t);
    const session = await signIn(t, merchant.email);
    const first = await session.request('POST', '/api/merchant/api-keys/rotate', { mode: 'live' });
    const firstEnd = first.body.retired[0].expiresAt;
    const second = await session.request('POST', '/api/merchant/api-keys/rotate', { mode: 'live' });
    expect(second.body.retired).toHaveLength(2);
    const original = second.body.retired.find((r: { publishableKey: string }) => r.publishableKey === merchant.keys.live.publishableKey);
    expect(original.expiresAt).toBe(firstEnd);
    const audit = await t.platform.db.select().from(apiKeys).where(eq(apiKeys.merchantId, merchant.merchantId));
    expect(audit.filter((k) => k.livemode && k.expiresAt === null)).toHaveLength(1);
  });

  it('revokes a pair at once, even while it is cached', async () => {
    const merchant = await makeMerchant(t);
    const session = await signIn(t, merchant.email);
    expect((await merchant.test.get('/api/v1/account')).status).toBe(200);
    const [row] = await t.platform.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.publishableKey, merchant.keys.test.publishableKey));
    const revoked = await session.request('POST', `/api/merchant/api-keys/${row!.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: row!.id, status: 'revoked', revokedAt: expect.any(String) });
    const refused = await merchant.test.get('/api/v1/account');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('INVALID_API_KEY');
    expect((await merchant.live.get('/api/v1/account')).status).toBe(200);
    expect((await session.request('POST', `/api/merchant/api-keys/${row!.id}/revoke`)).status).toBe(409);
    // A merchant with no usable test key rotates to get one.
    const rotated = await session.request('POST', '/api/merchant/api-keys/rotate', { mode: 'test' });
    expect(rotated.body.retired).toEqual([]);
    expect((await clientFor(t, rotated.body).get('/api/v1/account')).status).toBe(200);
  });

  it('refuses to rotate or revoke another merchant’s keys, and keys of a merchant not yet approved', async () => {
    const a = await makeMerchant(t);
    const b = await makeMerchant(t);
    const bSession = await signIn(t, b.email);
    const [aKey] = await t.platform.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.merchantId, a.merchantId));
    const foreign = await bSession.request('POST', `/api/merchant/api-keys/${aKey!.id}/revoke`);
    expect(foreign.status).toBe(404);
    expect((await bSession.request('POST', `/api/merchant/api-keys/${aKey!.id}/reveal`)).status).toBe(404);
    expect((await a.test.get('/api/v1/account')).status).toBe(200);
    expect((await a.live.get('/api/v1/account')).status).toBe(200);

    const pending = await makeMerchant(t, { approved: false });
    const pendingSession = await signIn(t, pending.email);
    const refused = await pendingSession.request('POST', '/api/merchant/api-keys/rotate', { mode: 'live' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('MERCHANT_NOT_APPROVED');
    expect((await pendingSession.request('POST', '/api/merchant/api-keys/rotate', { mode: 'sandbox' })).status).toBe(400);
  });
});

describe(`per-key rate limits on ${backend}`, () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ listen: true, config: { rateLimitPerMinute: 3 } });
  });
  afterAll(() => limited.close());

  it('sends RateLimit headers and answers 429 RATE_LIMITED with Retry-After past the limit, per key', async () => {
    const merchant = await makeMerchant(limited);
    await awayFromMinuteBoundary();
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await merchant.test.get('/api/v1/account');
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      remaining.push(response.headers.get('ratelimit-remaining')!);
      const reset = Number(response.headers.get('ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(60);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await merchant.test.get('/api/v1/account');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    // Writes are limited too, and a refused write changes nothing.
    const write = await merchant.test.post('/api/v1/domains', { domain: 'limited.example.org' });
    expect(write.status).toBe(429);
    // The other key of the same merchant has its own budget.
    const live = await merchant.live.get('/api/v1/account');
    expect(live.status).toBe(200);
    expect(live.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('does not count requests that fail authentication against the key', async () => {
    const merchant = await makeMerchant(limited);
    await awayFromMinuteBoundary();
    const wrongSecret = new InfluencemartClient({
      baseUrl: limited.url,
      publishableKey: merchant.keys.test.publishableKey,
      signingSecret: 'sk_test_wrong',
      maxRetries: 0,
    });
    for (let i = 0; i < 5; i++) expect((await wrongSecret.get('/api/v1/account')).status).toBe(401);
    const ok = await merchant.test.get('/api/v1/account');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('ratelimit-remaining')).toBe('2');
  });
});
