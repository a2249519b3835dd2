import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { eventually } from './support/eventually.ts';
import { WebhookReceiver, type Received } from './support/webhook-receiver.ts';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
});
afterAll(() => receiver.stop());

const serverEnv = (t: TestApp, extra: Record<string, string>) => ({
  ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : { DATA_DIR: t.config.dataDir }),
  MASTER_KEY: t.config.masterKey!,
  RUN_WORKERS: '1',
  OUTBOUND_ALLOW_PRIVATE: '1',
  JOB_POLL_INTERVAL_MS: '100',
  ...extra,
});

/**
 * `clockBehindMs` sets a sender's clock back: byte-identical writes signed in the same second by two
 * senders are one signed request to the API (the second a replay), so concurrent senders here keep
 * their clocks apart.
 */
const clientOf = (server: ServerProcess, merchant: TestMerchant, clockBehindMs = 0) =>
  new InfluencemartClient({ baseUrl: server.url, ...merchant.keys.test, maxRetries: 0, now: () => Date.now() - clockBehindMs });

describe(`webhook delivery across a crash on ${backend}`, () => {
  it('a server killed (SIGKILL) while a delivery waits for its retry resumes it after restart on the same database', async () => {
    const t = await createTestApp({ onDisk: true });
    const merchant = await makeMerchant(t);
    // PGlite allows one process per data directory: the servers below take it over.
    await t.close({ keepDatabase: true });
    const env = serverEnv(t, { WEBHOOK_RETRY_SCHEDULE: '0,3' });
    const route = receiver.route([{ status: 500 }, { status: 500 }]);
    let second: ServerProcess | undefined;
    try {
      const first = await startServerProcess(env);
      const api = clientOf(first, merchant);
      const endpoint = await api.post('/api/v1/webhook-endpoints', { url: route.url, events: ['test.ping'] });
      expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);
      const queued = await api.post(`/api/v1/webhook-endpoints/${endpoint.body.id}/test`);
      expect(queued.status).toBe(202);
      // Both immediate attempts failed and are recorded; the third waits ~3 s.
      await eventually(
        async () => {
          const [delivery] = (await api.get(`/api/v1/webhook-endpoints/${endpoint.body.id}/deliveries`)).body.data;
          return delivery?.attemptCount === 2 && delivery.status === 'pending' ? delivery : undefined;
        },
        20_000,
        'two recorded attempts',
      );
      first.child.kill('SIGKILL');
      await first.exited;
      expect(receiver.at(route.path)).toHaveLength(2);

      second = await startServerProcess(env);
      const requests: Received[] = await receiver.waitFor(route.path, 3, 30_000);
      expect(requests.map((r) => r.answeredWith)).toEqual([500, 500, 200]);
      expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
      expect(requests[2]!.at - requests[1]!.at).toBeGreaterThanOrEqual(2500);

      // The receiver has answered; the server records the attempt a moment later.
      const delivery = await eventually(
        async () => {
          const [row] = (await clientOf(second!, merchant).get(`/api/v1/webhook-endpoints/${endpoint.body.id}/deliveries`)).body.data;
          return row?.status === 'pending' ? undefined : row;
        },
        10_000,
        'the third attempt recorded',
      );
      expect(delivery).toMatchObject({ id: queued.body.id, status: 'succeeded', attemptCount: 3 });
      expect(delivery.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
      expect(await second.stop()).toBe(0);
      second = undefined;
      expect(receiver.at(route.path)).toHaveLength(3);
    } finally {
      await second?.stop();
      await (await createTestApp({ reopen: t })).close();
    }
  }, 120_000);
});

describe.runIf(backend === 'postgres')('webhook delivery by two server processes on postgres', () => {
  let t: TestApp;
  let merchant: TestMerchant;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    merchant = await makeMerchant(t);
    // Every event's first attempt fails on purpose; a high breaker threshold keeps the circuit closed.
    const env = serverEnv(t, {
      WEBHOOK_RETRY_SCHEDULE: '0,0,0',
      WEBHOOK_CIRCUIT_FAILURES: '1000',
      JOB_POLL_INTERVAL_MS: '20',
      DATABASE_POOL_SIZE: '10',
      LOG_LEVEL: 'info',
    });
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await t?.close();
  });

  it('sends every attempt exactly once while both processes deliver', async () => {
    // Each event's first attempt fails, the second succeeds: two requests per event, no more.
    const seen = new Set<string>();
    const route = receiver.route([], (request) => {
      const id = String(request.headers['webhook-id']);
      if (seen.has(id)) return { status: 200, delayMs: 5 };
      seen.add(id);
      return { status: 500, delayMs: 5 };
    });
    const [a, b] = servers.map((server, i) => clientOf(server, merchant, i * 120_000));
    const endpoint = await a!.post('/api/v1/webhook-endpoints', { url: route.url, events: ['test.ping'] });
    expect(endpoint.status).toBe(201);
    const queued = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a! : b!).post(`/api/v1/webhook-endpoints/${endpoint.body.id}/test`)));
    expect(queued.every((q) => q.status === 202)).toBe(true);
    const eventIds = queued.map((q) => q.body.eventId as string);

    // Finished, and no delivery job left queued or running: a duplicate request would still be on the wire in one.
    await eventually(
      async () => {
        const [row] = await queryRows<{ open: bigint; jobs: bigint }>(
          t.platform.db,
          sql`select (select count(*) from webhook_deliveries where endpoint_id = ${endpoint.body.id} and status = 'pending') as open,
                     (select count(*) from jobs where type = 'webhooks.deliver' and status in ('queued', 'running')) as jobs`,
        );
        return row!.open === 0n && row!.jobs === 0n ? true : undefined;
      },
      60_000,
      'every delivery finished',
    );

    const byEvent = new Map<string, number[]>();
    for (const request of receiver.at(route.path))
      byEvent.set(String(request.headers['webhook-id']), [...(byEvent.get(String(request.headers['webhook-id'])) ?? []), request.answeredWith as number]);
    expect([...byEvent.keys()].sort()).toEqual([...eventIds].sort());
    for (const [id, answers] of byEvent) expect(answers, id).toEqual([500, 200]);

    const rows = await queryRows<{ status: string; attempt_count: number; attempts: bigint }>(
      t.platform.db,
      sql`select d.status, d.attempt_count, (select count(*) from webhook_delivery_attempts a where a.delivery_id = d.id) as attempts
          from webhook_deliveries d where d.endpoint_id = ${endpoint.body.id}`,
    );
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.status === 'succeeded' && r.attempt_count === 2 && r.attempts === 2n)).toBe(true);
    // Both processes took part: each logged some of the failed first attempts.
    const failuresLogged = servers.map(
      (server) =>
        server
          .stderr()
          .split('\n')
          .filter((line) => line.includes('webhook attempt failed')).length,
    );
    expect(
      failuresLogged.every((n) => n > 0),
      String(failuresLogged),
    ).toBe(true);
    expect(failuresLogged[0]! + failuresLogged[1]!).toBe(60);
  }, 90_000);
});
