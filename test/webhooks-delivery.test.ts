import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../sdk/src/index.ts';
import { inTransaction, queryRows } from '../src/platform/db/client.ts';
import { recordEvent } from '../src/platform/events/record-event.ts';
import type { Config } from '../src/platform/config.ts';
import { TestClock } from './support/clock.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { eventually } from './support/eventually.ts';
import { WebhookReceiver, type Answer } from './support/webhook-receiver.ts';

const FAST: Partial<Config> = { outboundAllowPrivate: true, webhookRetryScheduleSeconds: [0, 0, 0], webhookTimeoutMs: 500 };

let t: TestApp;
let receiver: WebhookReceiver;
let merchant: TestMerchant;

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  t = await createTestApp({ listen: true, config: FAST });
  merchant = await makeMerchant(t);
});
afterAll(async () => {
  await t.close();
  await receiver.stop();
});

async function endpointAt(app: TestApp, who: TestMerchant, script: Answer[] = [], events: string[] = ['*'], fallback?: () => Answer) {
  const route = receiver.route(script, fallback);
  const created = await who.test.post('/api/v1/webhook-endpoints', { url: route.url, events });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as string, secret: created.body.secret as string, path: route.path };
}

const queuePing = async (who: TestMerchant, endpointId: string) => {
  const queued = await who.test.post(`/api/v1/webhook-endpoints/${endpointId}/test`);
  expect(queued.status).toBe(202);
  return queued.body as { id: string; eventId: string };
};

async function deliveries(who: TestMerchant, endpointId: string) {
  const page = await who.test.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries?pageSize=200`);
  expect(page.status).toBe(200);
  return page.body.data as Array<{
    id: string;
    eventId: string;
    status: string;
    attemptCount: number;
    nextAttemptAt: string | null;
    attempts: Array<Record<string, any>>;
  }>;
}
const deliveryById = async (who: TestMerchant, endpointId: string, id: string) => (await deliveries(who, endpointId)).find((d) => d.id === id)!;

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe(`webhook delivery on ${backend}`, () => {
  it('a receiver that fails three times then succeeds gets the event once successfully, with four attempts recorded', async () => {
    const endpoint = await endpointAt(t, merchant, [{ status: 500 }, { status: 503 }, { status: 429 }]);
    const queued = await queuePing(merchant, endpoint.id);
    await t.platform.worker.runDueJobs();

    const requests = receiver.at(endpoint.path);
    expect(requests.map((r) => r.answeredWith)).toEqual([500, 503, 429, 200]);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([queued.eventId]));
    for (const request of requests) expect(verifyWebhook(endpoint.secret, request.body, request.headers).id).toBe(queued.eventId);
    const delivery = await deliveryById(merchant, endpoint.id, queued.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 4, nextAttemptAt: null });
    expect(delivery.attempts.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
      [1, 500, 'failed'],
      [2, 503, 'failed'],
      [3, 429, 'failed'],
      [4, 200, 'succeeded'],
    ]);
    // Nothing more is sent later.
    await t.platform.worker.runDueJobs();
    expect(receiver.at(endpoint.path)).toHaveLength(4);
    const endpointView = (await merchant.test.get(`/api/v1/webhook-endpoints/${endpoint.id}`)).body;
    expect(endpointView.circuit).toEqual({ consecutiveFailures: 0, openUntil: null });
  });

  it('marks the delivery failed once the schedule is used up', async () => {
    const endpoint = await endpointAt(t, merchant, [], ['*'], () => ({ status: 500, body: 'no' }));
    const queued = await queuePing(merchant, endpoint.id);
    await t.platform.worker.runDueJobs();
    expect(receiver.at(endpoint.path)).toHaveLength(4);
    expect(await deliveryById(merchant, endpoint.id, queued.id)).toMatchObject({ status: 'failed', attemptCount: 4, nextAttemptAt: null });
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${endpoint.id}`)).body).toMatchObject({ disabled: false, circuit: { consecutiveFailures: 4 } });
  });

  it('waits the scheduled delay (with jitter) before a retry', async () => {
    const clock = new TestClock();
    const slow = await createTestApp({ listen: true, clock, config: { ...FAST, webhookRetryScheduleSeconds: [60] } });
    try {
      const owner = await makeMerchant(slow);
      const endpoint = await endpointAt(slow, owner, [{ status: 500 }]);
      const queued = await queuePing(owner, endpoint.id);
      await slow.platform.worker.runDueJobs();
      expect(receiver.at(endpoint.path)).toHaveLength(1);
      const pending = await deliveryById(owner, endpoint.id, queued.id);
      expect(pending).toMatchObject({ status: 'pending', attemptCount: 1 });
      const wait = new Date(pending.nextAttemptAt!).getTime() - new Date(pending.attempts[0]!.startedAt).getTime();
      expect(wait).toBeGreaterThanOrEqual(54_000); // 60 s ± 10 %
      expect(wait).toBeLessThanOrEqual(70_000);
      clock.advance(40_000);
      await slow.platform.worker.runDueJobs({ now: clock.date() });
      expect(receiver.at(endpoint.path)).toHaveLength(1); // not due yet
      clock.advance(40_000);
      await slow.platform.worker.runDueJobs({ now: clock.date() });
      expect(receiver.at(endpoint.path).map((r) => r.answeredWith)).toEqual([500, 200]);
      const attempts = (await deliveryById(owner, endpoint.id, queued.id)).attempts.map((a) => new Date(a.startedAt).getTime());
      expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(wait);
    } finally {
      await slow.close();
    }
  });

  it('410 Gone disables the endpoint and stops its pending deliveries', async () => {
    const endpoint = await endpointAt(t, merchant, [{ status: 410, body: 'gone' }]);
    const first = await queuePing(merchant, endpoint.id);
    const second = await queuePing(merchant, endpoint.id);
    await t.platform.worker.runDueJobs();

    expect(receiver.at(endpoint.path)).toHaveLength(1);
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${endpoint.id}`)).body).toMatchObject({ disabled: true, disabledReason: 'gone' });
    expect(await deliveryById(merchant, endpoint.id, first.id)).toMatchObject({
      status: 'failed',
      attemptCount: 1,
      attempts: [{ statusCode: 410, responseExcerpt: 'gone' }],
    });
    expect(await deliveryById(merchant, endpoint.id, second.id)).toMatchObject({ status: 'cancelled', attemptCount: 0 });
    // New events no longer reach it.
    await inTransaction(t.platform.db, (tx) => recordEvent(tx, { type: 'import.completed', merchantId: merchant.merchantId, livemode: false, data: {} }));
    await t.platform.worker.runDueJobs();
    expect(receiver.at(endpoint.path)).toHaveLength(1);
    expect(await deliveries(merchant, endpoint.id)).toHaveLength(2);
  });

  it('cancels, without sending, a delivery that was queued as its endpoint was being disabled', async () => {
    const endpoint = await endpointAt(t, merchant);
    const queued = await queuePing(merchant, endpoint.id);
    // As if the disabling transaction committed without seeing this delivery (it was not committed yet).
    await t.platform.db.execute(sql`update webhook_endpoints set disabled_at = now(), disabled_reason = 'manual' where id = ${endpoint.id}`);
    await t.platform.worker.runDueJobs();
    expect(receiver.at(endpoint.path)).toHaveLength(0);
    expect(await deliveryById(merchant, endpoint.id, queued.id)).toMatchObject({ status: 'cancelled', attemptCount: 0, completedAt: expect.any(String) });
  });

  it('records a timeout, then retries', async () => {
    const endpoint = await endpointAt(t, merchant, [{ delayMs: 1500 }]);
    const queued = await queuePing(merchant, endpoint.id);
    await t.platform.worker.runDueJobs();
    const delivery = await deliveryById(merchant, endpoint.id, queued.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 2 });
    expect(delivery.attempts[0]).toMatchObject({
      outcome: 'failed',
      statusCode: null,
      error: { code: 'TIMEOUT', message: expect.stringContaining('500 ms') },
      responseExcerpt: null,
    });
    expect(delivery.attempts[0]!.latencyMs).toBeGreaterThanOrEqual(450);
    expect(delivery.attempts[0]!.latencyMs).toBeLessThan(1500);
  });

  it('records a refused connection', async () => {
    const created = await merchant.test.post('/api/v1/webhook-endpoints', { url: `http://127.0.0.1:${await closedPort()}/hook`, events: ['test.ping'] });
    const queued = await queuePing(merchant, created.body.id);
    await t.platform.worker.runDueJobs();
    const delivery = await deliveryById(merchant, created.body.id, queued.id);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 4 });
    expect(delivery.attempts.every((a) => a.error?.code === 'CONNECTION_FAILED' && a.statusCode === null)).toBe(true);
  });

  it('records non-2xx answers (redirects included) with a response excerpt capped at 1 KB', async () => {
    const long = `${'x'.repeat(2000)}END`;
    const endpoint = await endpointAt(t, merchant, [
      { status: 422, body: 'unprocessable: missing field' },
      { status: 500, body: long },
      { status: 302, body: '' },
    ]);
    const queued = await queuePing(merchant, endpoint.id);
    await t.platform.worker.runDueJobs();
    const delivery = await deliveryById(merchant, endpoint.id, queued.id);
    expect(delivery.attempts.map((a) => [a.statusCode, a.outcome])).toEqual([
      [422, 'failed'],
      [500, 'failed'],
      [302, 'failed'],
      [200, 'succeeded'],
    ]);
    expect(delivery.attempts[0]!.responseExcerpt).toBe('unprocessable: missing field');
    expect(delivery.attempts[1]!.responseExcerpt).toBe('x'.repeat(1024));
    expect(delivery.attempts[2]!.responseExcerpt).toBe('');
  });

  it('fans each event out to the subscribed, enabled endpoints of the merchant and mode only', async () => {
    const owner = await makeMerchant(t);
    const stranger = await makeMerchant(t);
    const all = await endpointAt(t, owner, [], ['*']);
    const conversions = await endpointAt(t, owner, [], ['conversion.attributed']);
    const commissions = await endpointAt(t, owner, [], ['commission.status_changed']);
    const disabled = await endpointAt(t, owner, [], ['*']);
    await owner.test.patch(`/api/v1/webhook-endpoints/${disabled.id}`, { disabled: true });
    const liveRoute = receiver.route();
    await owner.live.post('/api/v1/webhook-endpoints', { url: liveRoute.url, events: ['*'] });
    const foreign = await endpointAt(t, stranger, [], ['*']);

    const eventId = await inTransaction(t.platform.db, async (tx) => {
      // Internal event types never leave the platform, not even to `*`.
      await recordEvent(tx, { type: 'commission.amount_adjusted', merchantId: owner.merchantId, livemode: false, data: {} });
      return recordEvent(tx, { type: 'conversion.attributed', merchantId: owner.merchantId, livemode: false, data: { conversionId: 'cv_x', amount: '10.00' } });
    });
    await expect(
      inTransaction(t.platform.db, async (tx) => {
        await recordEvent(tx, { type: 'conversion.attributed', merchantId: owner.merchantId, livemode: false, data: { rolledBack: true } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await t.platform.worker.runDueJobs();

    const got = (path: string) => receiver.at(path).map((r) => JSON.parse(r.body));
    expect(got(all.path)).toEqual([
      { id: eventId, type: 'conversion.attributed', createdAt: expect.any(String), livemode: false, data: { conversionId: 'cv_x', amount: '10.00' } },
    ]);
    expect(got(conversions.path)).toHaveLength(1);
    expect(got(commissions.path)).toHaveLength(0);
    expect(got(disabled.path)).toHaveLength(0);
    expect(got(liveRoute.path)).toHaveLength(0);
    expect(got(foreign.path)).toHaveLength(0);
  });

  it('delivers one endpoint’s events in the order they were recorded, within and across transactions', async () => {
    const owner = await makeMerchant(t);
    const endpoint = await endpointAt(t, owner, [], ['import.completed']);
    const recorded: string[] = [];
    await inTransaction(t.platform.db, async (tx) => {
      for (let i = 0; i < 8; i++)
        recorded.push(await recordEvent(tx, { type: 'import.completed', merchantId: owner.merchantId, livemode: false, data: { i } }));
    });
    for (let i = 8; i < 12; i++)
      recorded.push(
        await inTransaction(t.platform.db, (tx) => recordEvent(tx, { type: 'import.completed', merchantId: owner.merchantId, livemode: false, data: { i } })),
      );
    await t.platform.worker.runDueJobs();
    expect(receiver.at(endpoint.path).map((r) => r.headers['webhook-id'])).toEqual(recorded);
    // createdAt increases strictly, also between events of one transaction, so receivers can sort on it.
    const times = receiver.at(endpoint.path).map((r) => JSON.parse(r.body).createdAt as string);
    for (let i = 1; i < times.length; i++) expect(times[i]! > times[i - 1]!, `${times[i - 1]} < ${times[i]}`).toBe(true);
  });
});

describe(`webhook circuit breaker on ${backend}`, () => {
  it('holds a failing endpoint’s deliveries back unattempted, probes once per cool-down, and resumes on success', async () => {
    const clock = new TestClock();
    const app = await createTestApp({
      listen: true,
      clock,
      config: { ...FAST, webhookRetryScheduleSeconds: [0, 0, 0, 0, 0, 0], webhookCircuitFailures: 2, webhookCircuitCooldownSeconds: 60 },
    });
    try {
      const owner = await makeMerchant(app);
      let healthy = false;
      const dead = await endpointAt(app, owner, [], ['*'], () => ({ status: healthy ? 200 : 500 }));
      const fine = await endpointAt(app, owner, [], ['*']);
      const pings = [await queuePing(owner, dead.id), await queuePing(owner, dead.id), await queuePing(owner, dead.id)];
      const finePing = await queuePing(owner, fine.id);
      await app.platform.worker.runDueJobs();

      // The first attempts of two pings fail and open the circuit; everything else for that endpoint waits without a request.
      expect(receiver.at(dead.path)).toHaveLength(2);
      const open = (await owner.test.get(`/api/v1/webhook-endpoints/${dead.id}`)).body;
      expect(open.circuit.consecutiveFailures).toBe(2);
      expect(new Date(open.circuit.openUntil).getTime()).toBeGreaterThan(clock.now() + 50_000);
      // The healthy endpoint is not held up.
      expect(await deliveryById(owner, fine.id, finePing.id)).toMatchObject({ status: 'succeeded', attemptCount: 1 });
      const held = await deliveries(owner, dead.id);
      expect(held.every((d) => d.status === 'pending')).toBe(true);
      expect(held.map((d) => d.attemptCount).sort()).toEqual([0, 1, 1]);

      // Within the cool-down nothing goes out; after it one probe does, fails, and the circuit opens again.
      clock.advance(50_000);
      await app.platform.worker.runDueJobs({ now: clock.date() });
      expect(receiver.at(dead.path)).toHaveLength(2);
      clock.advance(12_000);
      await app.platform.worker.runDueJobs({ now: clock.date() });
      expect(receiver.at(dead.path)).toHaveLength(3);
      expect((await owner.test.get(`/api/v1/webhook-endpoints/${dead.id}`)).body.circuit.openUntil).not.toBeNull();

      // The next probe succeeds: the circuit closes and every held delivery goes out.
      healthy = true;
      clock.advance(62_000);
      await app.platform.worker.runDueJobs({ now: clock.date() });
      expect(receiver.at(dead.path)).toHaveLength(6);
      const done = await deliveries(owner, dead.id);
      expect(done.every((d) => d.status === 'succeeded')).toBe(true);
      // Held-back time used no attempts: 2 that tripped the circuit, 1 failed probe, then one success per ping.
      expect(done.reduce((sum, d) => sum + d.attemptCount, 0)).toBe(6);
      for (const ping of pings)
        expect(
          receiver
            .at(dead.path)
            .filter((r) => r.headers['webhook-id'] === ping.eventId)
            .at(-1)!.answeredWith,
        ).toBe(200);
      expect((await owner.test.get(`/api/v1/webhook-endpoints/${dead.id}`)).body.circuit).toEqual({ consecutiveFailures: 0, openUntil: null });
    } finally {
      await app.close();
    }
  });
});

describe(`webhook shutdown on ${backend}`, () => {
  it('cuts an attempt in flight short on shutdown; it is delivered after restart, with no attempt lost or half-recorded', async () => {
    const config = { ...FAST, webhookTimeoutMs: 30_000, jobPollIntervalMs: 50 };
    const first = await createTestApp({ listen: true, onDisk: true, workers: true, config });
    const owner = await makeMerchant(first);
    const endpoint = await endpointAt(first, owner, [{ delayMs: 20_000 }]);
    const queued = await queuePing(owner, endpoint.id);
    await eventually(async () => (receiver.at(endpoint.path).length > 0 ? true : undefined), 10_000, 'the attempt reaching the receiver');
    const closing = Date.now();
    await first.close({ keepDatabase: true });
    expect(Date.now() - closing).toBeLessThan(5000);

    const second = await createTestApp({ reopen: first, listen: true, config });
    try {
      const [row] = await queryRows<{ status: string; attempt_count: number }>(
        second.platform.db,
        sql`select status, attempt_count from webhook_deliveries where id = ${queued.id}`,
      );
      expect(row).toEqual({ status: 'pending', attempt_count: 0 });
      await second.platform.worker.runDueJobs();
      const [after] = await queryRows<{ status: string; attempt_count: number }>(
        second.platform.db,
        sql`select status, attempt_count from webhook_deliveries where id = ${queued.id}`,
      );
      expect(after).toEqual({ status: 'succeeded', attempt_count: 1 });
      expect(receiver.at(endpoint.path)).toHaveLength(2);
    } finally {
      await second.close();
    }
    // Two apps are opened on a database of their own (every migration runs), one after the other.
  }, 90_000);
});
