import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { apiKeys } from '../src/modules/api-keys/api-keys.tables.ts';
import { merchantDomains } from '../src/modules/merchants/merchants.tables.ts';
import { backend } from './support/database.ts';
import { makeAffiliate, makeMerchant, PASSWORD, signIn, type TestMerchant } from './support/factories.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** Two real server processes on one PostgreSQL database: what must hold across processes does. */
describe.runIf(backend === 'postgres')('two server processes on postgres', () => {
  let t: TestApp;
  let servers: ServerProcess[] = [];
  let merchant: TestMerchant;
  // Two senders whose clocks are two minutes apart: byte-identical writes signed in the same second
  // by both would be one signed request to the API (the second a replay), which is not what this tests.
  const clients = (pair: { publishableKey: string; signingSecret: string }) =>
    servers.map((server, i) => new InfluencemartClient({ baseUrl: server.url, ...pair, maxRetries: 0, now: () => Date.now() - i * 120_000 }));

  beforeAll(async () => {
    t = await createTestApp();
    merchant = await makeMerchant(t);
    const env = { DATABASE_URL: t.databaseUrl, MASTER_KEY: t.config.masterKey, API_KEY_CACHE_SECONDS: '1', LOGIN_MAX_FAILURES: '5' };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await t?.close();
  });

  it('50 concurrent requests with one idempotency key, spread over both processes, have exactly one effect', async () => {
    expect(servers[0]!.pid).not.toBe(servers[1]!.pid);
    const [a, b] = clients(merchant.keys.test);
    const body = { domain: 'two-processes.example.org' };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a! : b!).post('/api/v1/domains', body, 'multi-process-key')));

    const rows = await t.platform.db
      .select()
      .from(merchantDomains)
      .where(and(eq(merchantDomains.merchantId, merchant.merchantId), eq(merchantDomains.domain, 'two-processes.example.org')));
    expect(rows).toHaveLength(1);
    const original = { id: rows[0]!.id, domain: 'two-processes.example.org', status: 'PENDING' };
    for (const answer of answers) {
      if (answer.status === 201) expect(answer.body).toEqual(original);
      else {
        expect(answer.status).toBe(409);
        expect(answer.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      }
    }
    expect(answers.filter((x) => x.status === 201 && x.headers.get('idempotent-replayed') === null)).toHaveLength(1);

    // After completion, a retry through either process replays the original.
    for (const client of [a!, b!]) {
      const retry = await client.post('/api/v1/domains', body, 'multi-process-key');
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(original);
    }
    const reused = await b!.post('/api/v1/domains', { domain: 'something-else.example.org' }, 'multi-process-key');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a key revoked through one process stops working in the other within seconds', async () => {
    const other = await makeMerchant(t);
    const [a, b] = clients(other.keys.live);
    expect((await a!.get('/api/v1/account')).status).toBe(200);
    expect((await b!.get('/api/v1/account')).status).toBe(200);
    const [key] = await t.platform.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.publishableKey, other.keys.live.publishableKey));
    // Revoke through the dashboard of the first process.
    const login = await fetch(`${servers[0]!.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: other.email, password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const revoked = await fetch(`${servers[0]!.url}/api/merchant/api-keys/${key!.id}/revoke`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(revoked.status).toBe(200);
    expect((await a!.get('/api/v1/account')).status).toBe(401);
    const deadline = Date.now() + 5000;
    let status = 200;
    while (Date.now() < deadline && status !== 401) {
      status = (await b!.get('/api/v1/account')).status;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
  });

  it('counts login failures for one email across both processes', async () => {
    const user = await makeAffiliate(t);
    const attempt = (i: number) =>
      fetch(`${servers[i % 2]!.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ email: user.email, password: `wrong guess ${i}` }),
      }).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(i)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    // The right password is refused too while the email is locked, through either process.
    const right = await fetch(`${servers[1]!.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    await expect(signIn(t, user.email)).rejects.toThrow(/429/);
  });
});
