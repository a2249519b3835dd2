import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { apiRequestLog } from '../src/modules/request-log/request-log.tables.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { enqueueJob } from '../src/platform/jobs/enqueue.ts';
import { backend } from './support/database.ts';
import { makeMerchant, signIn, type TestMerchant, type SessionClient } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let session: SessionClient;
beforeAll(async () => {
  // A long flush interval: rows must reach the dashboard through the flush on read, not by luck.
  t = await createTestApp({ listen: true, config: { requestLogFlushIntervalMs: 60_000, requestLogRetentionDays: 30 } });
  merchant = await makeMerchant(t);
  session = await signIn(t, merchant.email);
});
afterAll(() => t.close());

describe(`request log on ${backend}`, () => {
  it('records each call with method, path, status, error code, latency, key, mode and request id', async () => {
    const ok = await merchant.test.get('/api/v1/account?secret-ish=query');
    const created = await merchant.live.post('/api/v1/domains', { domain: 'logged.example.org' }, 'log-key-1');
    const duplicate = await merchant.live.post('/api/v1/domains', { domain: 'logged.example.org' }, 'log-key-2');
    expect([ok.status, created.status, duplicate.status]).toEqual([200, 201, 409]);

    const log = await session.request('GET', '/api/merchant/request-log?pageSize=10');
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(3);
    const [dup, post, get] = log.body.data;
    expect(get).toMatchObject({
      method: 'GET',
      path: '/api/v1/account',
      status: 200,
      errorCode: null,
      mode: 'test',
      requestId: ok.headers.get('x-request-id'),
    });
    expect(post).toMatchObject({ method: 'POST', path: '/api/v1/domains', status: 201, mode: 'live', requestId: created.headers.get('x-request-id') });
    expect(dup).toMatchObject({ status: 409, errorCode: 'ALREADY_EXISTS', mode: 'live' });
    for (const row of log.body.data) {
      expect(row.latencyMs).toBeGreaterThanOrEqual(0);
      expect(row.latencyMs).toBeLessThan(10_000);
      expect(row.keyId).toMatch(/^key_/);
    }
    expect(get.keyId).not.toBe(post.keyId);
  });

  it('records calls that name a real key but fail its signature; calls with unknown keys belong to nobody', async () => {
    const forged = new InfluencemartClient({
      baseUrl: t.url,
      publishableKey: merchant.keys.test.publishableKey,
      signingSecret: 'sk_test_forged',
      maxRetries: 0,
    });
    const refused = await forged.get('/api/v1/account');
    expect(refused.status).toBe(401);
    const unknown = new InfluencemartClient({ baseUrl: t.url, publishableKey: 'pk_test_nobody', signingSecret: 'sk_test_x', maxRetries: 0 });
    expect((await unknown.get('/api/v1/account')).status).toBe(401);
    const failures = await session.request('GET', '/api/merchant/request-log?status=401');
    expect(failures.body.data).toHaveLength(1);
    expect(failures.body.data[0]).toMatchObject({ status: 401, errorCode: 'SIGNATURE_MISMATCH', mode: 'test', requestId: refused.headers.get('x-request-id') });
    await t.app.requestLog.flush();
    const orphans = await t.platform.db
      .select()
      .from(apiRequestLog)
      .where(eq(apiRequestLog.requestId, String((await unknown.get('/api/v1/account')).headers.get('x-request-id'))));
    expect(orphans).toEqual([]);
  });

  it('filters by mode, status class and error code, and pages', async () => {
    const live = await session.request('GET', '/api/merchant/request-log?mode=live');
    expect(live.body.data.length).toBeGreaterThan(0);
    expect(live.body.data.every((r: { mode: string }) => r.mode === 'live')).toBe(true);
    const test = await session.request('GET', '/api/merchant/request-log?mode=test');
    expect(test.body.data.every((r: { mode: string }) => r.mode === 'test')).toBe(true);
    expect(live.body.total + test.body.total).toBe((await session.request('GET', '/api/merchant/request-log')).body.total);
    const clientErrors = await session.request('GET', '/api/merchant/request-log?status=4xx');
    expect(clientErrors.body.data.map((r: { status: number }) => r.status).sort()).toEqual([401, 409]);
    const byCode = await session.request('GET', '/api/merchant/request-log?errorCode=ALREADY_EXISTS');
    expect(byCode.body.data).toHaveLength(1);
    const page1 = await session.request('GET', '/api/merchant/request-log?pageSize=2&page=1');
    const page2 = await session.request('GET', '/api/merchant/request-log?pageSize=2&page=2');
    expect(page1.body.data).toHaveLength(2);
    expect(page2.body.data.length).toBeGreaterThan(0);
    expect(page2.body.data.map((r: { id: string }) => r.id)).not.toContain(page1.body.data[0].id);
    expect((await session.request('GET', '/api/merchant/request-log?status=4x')).status).toBe(400);
  });

  it('shows a merchant only its own calls', async () => {
    const other = await makeMerchant(t);
    await other.test.get('/api/v1/account');
    const otherSession = await signIn(t, other.email);
    const theirs = await otherSession.request('GET', '/api/merchant/request-log');
    expect(theirs.body.total).toBe(1);
    const mine = await session.request('GET', '/api/merchant/request-log?pageSize=200');
    expect(mine.body.data.some((r: { keyId: string }) => theirs.body.data[0].keyId === r.keyId)).toBe(false);
  });

  it('purges rows older than the retention on schedule, keeping recent ones', async () => {
    await t.app.requestLog.flush();
    const before = (await session.request('GET', '/api/merchant/request-log')).body.total as number;
    await t.platform.db.insert(apiRequestLog).values(
      [31, 45, 400].map((days) => ({
        requestId: `req_old_${days}`,
        merchantId: merchant.merchantId,
        livemode: false,
        keyId: 'key_old',
        method: 'GET',
        path: '/api/v1/account',
        status: 200,
        latencyMs: 3,
        createdAt: new Date(Date.now() - days * 86_400_000),
      })),
    );
    await t.platform.db.insert(apiRequestLog).values({
      requestId: 'req_recent',
      merchantId: merchant.merchantId,
      livemode: false,
      keyId: 'key_old',
      method: 'GET',
      path: '/api/v1/account',
      status: 200,
      latencyMs: 3,
      createdAt: new Date(Date.now() - 29 * 86_400_000),
    });
    expect((await session.request('GET', '/api/merchant/request-log')).body.total).toBe(before + 4);
    await enqueueJob(t.platform.db, 'request-log.purge');
    await t.platform.worker.runDueJobs();
    const after = await session.request('GET', '/api/merchant/request-log?pageSize=200');
    expect(after.body.total).toBe(before + 1);
    expect(after.body.data.map((r: { requestId: string }) => r.requestId)).toContain('req_recent');
    const [{ oldest }] = (await queryRows<{ oldest: string }>(t.platform.db, sql`select min(created_at)::text as oldest from api_request_log`)) as [
      { oldest: string },
    ];
    expect(Date.parse(String(oldest))).toBeGreaterThan(Date.now() - 30 * 86_400_000);
  });
});
