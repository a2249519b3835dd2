import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { idempotencyKeys } from '../src/modules/api-keys/api-keys.tables.ts';
import { idempotencyRequestHash } from '../src/modules/api-keys/idempotency.ts';
import { awayFromMinuteBoundary } from './support/clock.ts';
import { backend } from './support/database.ts';
import { makeMerchant, signIn, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true, config: { rateLimitPerMinute: 4 } });
  merchant = await makeMerchant(t);
});
afterAll(() => t.close());

describe(`merchant SDK against the real server on ${backend}`, () => {
  it('waits out 409 IDEMPOTENCY_IN_PROGRESS and receives the replayed original', async () => {
    const body = { domain: 'sdk-in-flight.example.org' };
    const rawBody = JSON.stringify(body);
    // Another attempt of this very request is in flight (as if sent by another process a moment ago).
    await t.platform.db.insert(idempotencyKeys).values({
      merchantId: merchant.merchantId,
      livemode: false,
      key: 'sdk-in-flight',
      requestHash: idempotencyRequestHash('POST', '/api/v1/domains', rawBody),
      status: 'in_progress',
      lockedUntil: sql`now() + interval '60 seconds'`,
    });
    const original = { id: 'dom_from_first_attempt', domain: 'sdk-in-flight.example.org', status: 'PENDING' };
    setTimeout(() => {
      void t.platform.db
        .update(idempotencyKeys)
        .set({ status: 'completed', responseStatus: 201, responseBody: JSON.stringify(original) })
        .where(and(eq(idempotencyKeys.merchantId, merchant.merchantId), eq(idempotencyKeys.key, 'sdk-in-flight')))
        .execute();
    }, 400);
    const client = new InfluencemartClient({ baseUrl: t.url, ...merchant.keys.test, maxRetries: 3 });
    const started = Date.now();
    const response = await client.post('/api/v1/domains', body, 'sdk-in-flight');
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    expect(response.body).toEqual(original);
    // The server asked for Retry-After: 1.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    const session = await signIn(t, merchant.email);
    const log = await session.request('GET', '/api/merchant/request-log?pageSize=10');
    expect(log.body.data.slice(0, 2).map((r: { status: number }) => r.status)).toEqual([201, 409]);
  });

  it('hands back a 429 whose Retry-After is longer than it will wait, without retrying', async () => {
    const client = new InfluencemartClient({ baseUrl: t.url, ...merchant.keys.live, maxRetries: 3, maxRetryDelayMs: 200 });
    await awayFromMinuteBoundary();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.get('/api/v1/account')).status);
    // Four per minute: the fifth read is refused and handed back as it is.
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const started = Date.now();
    const refused = await client.post('/api/v1/domains', { domain: 'sdk-limited.example.org' }, 'sdk-limited');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
