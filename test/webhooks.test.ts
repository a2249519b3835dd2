import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../sdk/src/index.ts';
import { webhookEndpoints } from '../src/modules/webhooks/webhooks.tables.ts';
import { MAX_ENDPOINTS_PER_MODE } from '../src/modules/webhooks/manage-webhook-endpoints.ts';
import { backend } from './support/database.ts';
import { makeMerchant, signIn, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

let t: TestApp;
let receiver: WebhookReceiver;
let merchant: TestMerchant;
let other: TestMerchant;

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  t = await createTestApp({ listen: true, config: { outboundAllowPrivate: true, webhookRetryScheduleSeconds: [0, 0] } });
  [merchant, other] = await Promise.all([makeMerchant(t), makeMerchant(t)]);
});
afterAll(async () => {
  await t.close();
  await receiver.stop();
});

async function createEndpoint(who: TestMerchant = merchant, body: Record<string, unknown> = {}, mode: 'test' | 'live' = 'test') {
  const response = await who[mode].post('/api/v1/webhook-endpoints', { url: receiver.route().url, events: ['*'], ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; url: string; secret: string; [key: string]: unknown };
}

/** Queue a test.ping through the API and let the worker deliver it. */
async function ping(endpointId: string, who: TestMerchant = merchant) {
  const queued = await who.test.post(`/api/v1/webhook-endpoints/${endpointId}/test`);
  expect(queued.status, JSON.stringify(queued.body)).toBe(202);
  await t.platform.worker.runDueJobs();
  return queued.body as { id: string; eventId: string };
}

describe(`webhook endpoints on ${backend}`, () => {
  it('creates an endpoint with a whsec_ secret shown only on creation', async () => {
    const created = await createEndpoint(merchant, { events: ['commission.status_changed', 'conversion.attributed'], description: 'Orders backend' });
    expect(created).toMatchObject({
      livemode: false,
      events: ['commission.status_changed', 'conversion.attributed'],
      description: 'Orders backend',
      disabled: false,
      disabledReason: null,
      circuit: { consecutiveFailures: 0, openUntil: null },
    });
    expect(created.id).toMatch(/^whe_/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
    expect(() => new Webhook(created.secret)).not.toThrow();

    const fetched = await merchant.test.get(`/api/v1/webhook-endpoints/${created.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).not.toHaveProperty('secret');
    expect(JSON.stringify(fetched.body)).not.toContain(created.secret.slice(6));
    const listed = await merchant.test.get('/api/v1/webhook-endpoints');
    expect(JSON.stringify(listed.body)).not.toContain(created.secret.slice(6));
  });

  it('stores the secret encrypted', async () => {
    const created = await createEndpoint();
    const [row] = await t.platform.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(row!.secretSealed).toMatch(/^v1\./);
    expect(row!.secretSealed).not.toContain(created.secret.slice(6, 20));
    expect(t.platform.secrets.open(row!.secretSealed)).toBe(created.secret);
  });

  it('lists endpoints of the mode, paginated', async () => {
    const fresh = await makeMerchant(t);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createEndpoint(fresh)).id);
    await createEndpoint(fresh, {}, 'live');
    const first = await fresh.test.get('/api/v1/webhook-endpoints?page=1&pageSize=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.body.data.map((e: { id: string }) => e.id)).toEqual([ids[2], ids[1]]);
    const second = await fresh.test.get('/api/v1/webhook-endpoints?page=2&pageSize=2');
    expect(second.body.data.map((e: { id: string }) => e.id)).toEqual([ids[0]]);
    expect((await fresh.live.get('/api/v1/webhook-endpoints')).body.total).toBe(1);
  });

  it('updates url, events and description; disables and enables', async () => {
    const created = await createEndpoint();
    const url = receiver.route().url;
    const updated = await merchant.test.patch(`/api/v1/webhook-endpoints/${created.id}`, { url, events: ['test.ping'], description: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ url, events: ['test.ping'], description: null, disabled: false });

    const disabled = await merchant.test.patch(`/api/v1/webhook-endpoints/${created.id}`, { disabled: true });
    expect(disabled.body).toMatchObject({ disabled: true, disabledReason: 'manual', disabledAt: expect.any(String) });
    const refused = await merchant.test.post(`/api/v1/webhook-endpoints/${created.id}/test`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('WEBHOOK_ENDPOINT_DISABLED');

    const enabled = await merchant.test.patch(`/api/v1/webhook-endpoints/${created.id}`, { disabled: false });
    expect(enabled.body).toMatchObject({ disabled: false, disabledReason: null, disabledAt: null });
  });

  it('deletes an endpoint and its log', async () => {
    const created = await createEndpoint();
    await ping(created.id);
    expect((await merchant.test.delete(`/api/v1/webhook-endpoints/${created.id}`)).status).toBe(204);
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${created.id}`)).status).toBe(404);
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${created.id}/deliveries`)).status).toBe(404);
    expect((await merchant.test.delete(`/api/v1/webhook-endpoints/${created.id}`)).status).toBe(404);
  });

  it(`allows at most ${MAX_ENDPOINTS_PER_MODE} endpoints per mode`, async () => {
    const fresh = await makeMerchant(t);
    for (let i = 0; i < MAX_ENDPOINTS_PER_MODE; i++) await createEndpoint(fresh);
    const over = await fresh.test.post('/api/v1/webhook-endpoints', { url: receiver.route().url, events: ['*'] });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('WEBHOOK_ENDPOINT_LIMIT');
    await createEndpoint(fresh, {}, 'live');
  });
});

describe(`webhook validation on ${backend}`, () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['a missing url', { events: ['*'] }, 'url', 'REQUIRED'],
    ['a non-http URL', { url: 'ftp://example.com/hook', events: ['*'] }, 'url', 'URL_NOT_ALLOWED'],
    ['a relative URL', { url: '/hook', events: ['*'] }, 'url', 'URL_NOT_ALLOWED'],
    ['a URL with credentials', { url: 'https://user:pw@example.com/hook', events: ['*'] }, 'url', 'URL_NOT_ALLOWED'],
    ['an unknown event type', { url: 'https://example.com/hook', events: ['commission.created'] }, 'events[0]', 'ENUM'],
    ['an unknown event type after a good one', { url: 'https://example.com/hook', events: ['test.ping', 'order.created'] }, 'events[1]', 'ENUM'],
    ['no events', { url: 'https://example.com/hook', events: [] }, 'events', 'MINITEMS'],
    ['a repeated event', { url: 'https://example.com/hook', events: ['test.ping', 'test.ping'] }, 'events', 'UNIQUEITEMS'],
    ['events as a string', { url: 'https://example.com/hook', events: 'test.ping' }, 'events', 'TYPE'],
    ['an unknown field', { url: 'https://example.com/hook', events: ['*'], secret: 'whsec_mine' }, 'secret', 'UNKNOWN_FIELD'],
  ])('refuses %s with 400 naming the field', async (_name, body, field, code) => {
    const response = await merchant.test.post('/api/v1/webhook-endpoints', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('validates updates the same way', async () => {
    const created = await createEndpoint();
    const badUrl = await merchant.test.patch(`/api/v1/webhook-endpoints/${created.id}`, { url: 'gopher://example.com' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.details).toContainEqual(expect.objectContaining({ field: 'url', code: 'URL_NOT_ALLOWED' }));
    const badEvent = await merchant.test.patch(`/api/v1/webhook-endpoints/${created.id}`, { events: ['payout.failed'] });
    expect(badEvent.body.error.details).toContainEqual(expect.objectContaining({ field: 'events[0]', code: 'ENUM' }));
    const badFlag = await merchant.test.patch(`/api/v1/webhook-endpoints/${created.id}`, { disabled: 'yes' });
    expect(badFlag.body.error.details).toContainEqual(expect.objectContaining({ field: 'disabled', code: 'TYPE' }));
  });

  it('refuses loopback and private URLs unless OUTBOUND_ALLOW_PRIVATE is on', async () => {
    const strict = await createTestApp({ listen: true });
    try {
      expect(strict.config.outboundAllowPrivate).toBe(false);
      const owner = await makeMerchant(strict);
      for (const url of [
        `${receiver.base}/hook`,
        'http://localhost:8080/hook',
        'http://10.0.0.5/hook',
        'http://169.254.169.254/latest',
        'http://[::1]:9000/hook',
        'http://[::7f00:1]:9000/hook',
        'http://[::ffff:0:7f00:1]/hook',
        'http://[2002:7f00:1::]/hook',
        'http://[64:ff9b::a9fe:a9fe]/latest',
      ]) {
        const response = await owner.test.post('/api/v1/webhook-endpoints', { url, events: ['*'] });
        expect(response.status, url).toBe(400);
        expect(response.body.error.details, url).toEqual([
          {
            field: 'url',
            code: 'URL_NOT_ALLOWED',
            message: 'must not point at a private or loopback address (for local development, start the server with OUTBOUND_ALLOW_PRIVATE=1)',
          },
        ]);
      }
      expect((await owner.test.post('/api/v1/webhook-endpoints', { url: 'https://hooks.example.com/in', events: ['*'] })).status).toBe(201);
    } finally {
      await strict.close();
    }
  });
});

describe(`webhook tenant isolation on ${backend}`, () => {
  it('another merchant cannot read, change, test, rotate or delete an endpoint', async () => {
    const victim = await createEndpoint(merchant);
    await ping(victim.id);
    const [delivery] = (await merchant.test.get(`/api/v1/webhook-endpoints/${victim.id}/deliveries`)).body.data;
    for (const client of [other.test, other.live]) {
      expect((await client.get(`/api/v1/webhook-endpoints/${victim.id}`)).status).toBe(404);
      expect((await client.patch(`/api/v1/webhook-endpoints/${victim.id}`, { url: 'https://attacker.example.com/x' })).status).toBe(404);
      expect((await client.post(`/api/v1/webhook-endpoints/${victim.id}/rotate-secret`)).status).toBe(404);
      expect((await client.post(`/api/v1/webhook-endpoints/${victim.id}/test`)).status).toBe(404);
      expect((await client.get(`/api/v1/webhook-endpoints/${victim.id}/deliveries`)).status).toBe(404);
      expect((await client.post(`/api/v1/webhook-endpoints/${victim.id}/deliveries/${delivery.id}/redeliver`)).status).toBe(404);
      expect((await client.delete(`/api/v1/webhook-endpoints/${victim.id}`)).status).toBe(404);
      expect(JSON.stringify((await client.get('/api/v1/webhook-endpoints')).body)).not.toContain(victim.id);
    }
    // A delivery id of another endpoint is not found under one's own endpoint either.
    const own = await createEndpoint(other);
    expect((await other.test.post(`/api/v1/webhook-endpoints/${own.id}/deliveries/${delivery.id}/redeliver`)).status).toBe(404);
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${victim.id}`)).body).toMatchObject({ url: victim.url, disabled: false });
  });

  it('test and live mode are separate: a live key does not see test endpoints and vice versa', async () => {
    const testEndpoint = await createEndpoint(merchant, {}, 'test');
    const liveEndpoint = await createEndpoint(merchant, {}, 'live');
    expect((await merchant.live.get(`/api/v1/webhook-endpoints/${testEndpoint.id}`)).status).toBe(404);
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${liveEndpoint.id}`)).status).toBe(404);
    expect((await merchant.live.patch(`/api/v1/webhook-endpoints/${testEndpoint.id}`, { disabled: true })).status).toBe(404);
    expect((await merchant.live.get(`/api/v1/webhook-endpoints/${liveEndpoint.id}`)).body.livemode).toBe(true);
    const liveIds = (await merchant.live.get('/api/v1/webhook-endpoints?pageSize=200')).body.data.map((e: { id: string }) => e.id);
    expect(liveIds).toContain(liveEndpoint.id);
    expect(liveIds).not.toContain(testEndpoint.id);
  });

  it('the dashboard calls the same routes with its session, in the mode X-Mode chooses, and sees only the merchant’s own', async () => {
    const session = await signIn(t, merchant.email);
    const test = { 'x-mode': 'test' };
    const created = await session.request('POST', '/api/v1/webhook-endpoints', { url: receiver.route().url, events: ['test.ping'] }, test);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ livemode: false, secret: expect.stringMatching(/^whsec_/) });
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${created.body.id}`)).status).toBe(200);
    expect((await merchant.live.get(`/api/v1/webhook-endpoints/${created.body.id}`)).status).toBe(404);
    expect((await session.request('GET', `/api/v1/webhook-endpoints/${created.body.id}`, undefined, { 'x-mode': 'live' })).status).toBe(404);
    const queued = await session.request('POST', `/api/v1/webhook-endpoints/${created.body.id}/test`, undefined, test);
    expect(queued.status).toBe(202);
    await t.platform.worker.runDueJobs();
    const log = await session.request('GET', `/api/v1/webhook-endpoints/${created.body.id}/deliveries`, undefined, test);
    expect(log.body.data[0]).toMatchObject({ eventType: 'test.ping', status: 'succeeded', attemptCount: 1 });
    const stranger = await signIn(t, other.email);
    expect((await stranger.request('GET', `/api/v1/webhook-endpoints/${created.body.id}`, undefined, test)).status).toBe(404);
    expect((await stranger.request('PATCH', `/api/v1/webhook-endpoints/${created.body.id}`, { disabled: true }, test)).status).toBe(404);
    expect((await session.request('GET', '/api/v1/webhook-endpoints', undefined, { 'x-mode': 'sandbox' })).body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'X-Mode' }],
    });
  });
});

describe(`webhook signing, rotation, test and redeliver on ${backend}`, () => {
  it('signs a test.ping per Standard Webhooks; the receiver verifies it with the endpoint secret', async () => {
    const endpoint = await createEndpoint(merchant, { events: ['commission.status_changed'] });
    const path = new URL(endpoint.url).pathname;
    const delivery = await ping(endpoint.id);
    const [request] = receiver.at(path);
    expect(request).toBeDefined();
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': expect.stringMatching(/^Influencemart-Webhooks\//),
      'webhook-id': delivery.eventId,
    });
    expect(Number(request!.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(String(request!.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);

    const viaLibrary = new Webhook(endpoint.secret).verify(request!.body, request!.headers as Record<string, string>);
    const viaSdk = verifyWebhook(endpoint.secret, request!.body, request!.headers);
    expect(viaSdk).toEqual(viaLibrary);
    expect(viaSdk).toEqual({
      id: delivery.eventId,
      type: 'test.ping',
      createdAt: expect.any(String),
      livemode: false,
      data: { endpointId: endpoint.id, message: expect.any(String) },
    });
    expect(() => verifyWebhook(endpoint.secret, request!.body.replace('test.ping', 'test.pong'), request!.headers)).toThrow();
    const stranger = await createEndpoint(merchant);
    expect(() => verifyWebhook(stranger.secret, request!.body, request!.headers)).toThrow();
  });

  it('sends test.ping to the tested endpoint only, and never fans it out', async () => {
    const fresh = await makeMerchant(t);
    const a = await createEndpoint(fresh, { events: ['test.ping'] });
    const b = await createEndpoint(fresh, { events: ['*'] });
    await ping(a.id, fresh);
    expect(receiver.at(new URL(a.url).pathname)).toHaveLength(1);
    expect(receiver.at(new URL(b.url).pathname)).toHaveLength(0);
  });

  it('after rotation both the old and the new secret verify during the grace period, then only the new', async () => {
    const endpoint = await createEndpoint();
    const path = new URL(endpoint.url).pathname;
    const rotated = await merchant.test.post(`/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    const graceEnd = new Date(rotated.body.previousSecretExpiresAt).getTime();
    expect(graceEnd).toBeGreaterThan(Date.now() + 86_400_000 - 60_000);
    expect(graceEnd).toBeLessThan(Date.now() + 86_400_000 + 60_000);

    await ping(endpoint.id);
    const during = receiver.at(path).at(-1)!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyWebhook(endpoint.secret, during.body, during.headers).type).toBe('test.ping');
    expect(verifyWebhook(rotated.body.secret, during.body, during.headers).type).toBe('test.ping');

    await t.platform.db.execute(sql`update webhook_endpoints set previous_secret_expires_at = now() - interval '1 second' where id = ${endpoint.id}`);
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${endpoint.id}`)).body.previousSecretExpiresAt).toBeNull();
    await ping(endpoint.id);
    const after = receiver.at(path).at(-1)!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verifyWebhook(rotated.body.secret, after.body, after.headers).type).toBe('test.ping');
    expect(() => verifyWebhook(endpoint.secret, after.body, after.headers)).toThrow();
  });

  it('keeps a delivery log with every attempt, and redelivers as a new delivery with the same event id', async () => {
    const route = receiver.route([{ status: 503, body: 'down for maintenance' }, { status: 500, body: 'still down' }, { status: 502 }]);
    const created = await merchant.test.post('/api/v1/webhook-endpoints', { url: route.url, events: ['test.ping'] });
    const endpointId = created.body.id as string;
    const original = await ping(endpointId);

    const log = await merchant.test.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries`);
    expect(log.body).toMatchObject({ page: 1, total: 1 });
    const [failed] = log.body.data;
    expect(failed).toMatchObject({
      id: original.id,
      eventId: original.eventId,
      eventType: 'test.ping',
      status: 'failed',
      attemptCount: 3,
      nextAttemptAt: null,
      completedAt: expect.any(String),
      redeliveryOf: null,
    });
    expect(
      failed.attempts.map((a: { attempt: number; statusCode: number; responseExcerpt: string; outcome: string }) => [
        a.attempt,
        a.statusCode,
        a.responseExcerpt,
        a.outcome,
      ]),
    ).toEqual([
      [1, 503, 'down for maintenance', 'failed'],
      [2, 500, 'still down', 'failed'],
      [3, 502, 'ok', 'failed'],
    ]);
    for (const attempt of failed.attempts) expect(attempt).toMatchObject({ startedAt: expect.any(String), latencyMs: expect.any(Number), error: null });

    const redelivered = await merchant.test.post(`/api/v1/webhook-endpoints/${endpointId}/deliveries/${original.id}/redeliver`);
    expect(redelivered.status).toBe(202);
    expect(redelivered.body).toMatchObject({ eventId: original.eventId, status: 'pending', attemptCount: 0, redeliveryOf: original.id });
    expect(redelivered.body.id).not.toBe(original.id);
    await t.platform.worker.runDueJobs();

    const requests = receiver.at(route.path);
    expect(requests).toHaveLength(4);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([original.eventId]));
    expect(new Set(requests.map((r) => r.body)).size).toBe(1); // the same payload on every attempt
    const after = (await merchant.test.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries`)).body;
    expect(after.total).toBe(2);
    expect(after.data[0]).toMatchObject({
      id: redelivered.body.id,
      status: 'succeeded',
      attemptCount: 1,
      attempts: [{ attempt: 1, statusCode: 200, outcome: 'succeeded' }],
    });
    const onlyFailed = (await merchant.test.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries?status=failed`)).body;
    expect(onlyFailed.data.map((d: { id: string }) => d.id)).toEqual([original.id]);
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries?status=lost`)).status).toBe(400);
  });

  it('refuses to redeliver to a disabled endpoint, and an unknown delivery', async () => {
    const endpoint = await createEndpoint();
    const delivery = await ping(endpoint.id);
    expect((await merchant.test.post(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries/whd_unknown/redeliver`)).status).toBe(404);
    await merchant.test.patch(`/api/v1/webhook-endpoints/${endpoint.id}`, { disabled: true });
    const refused = await merchant.test.post(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivery.id}/redeliver`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('WEBHOOK_ENDPOINT_DISABLED');
  });
});
