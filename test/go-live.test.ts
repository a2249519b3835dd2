import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/platform/config.ts';
import { backend } from './support/database.ts';
import { eventually } from './support/eventually.ts';
import { makeAffiliate, makeMerchant, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { orderId } from './support/conversion-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

// Loopback receivers need private targets allowed; the retry after a failure is an hour away.
const CONFIG: Partial<Config> = { outboundAllowPrivate: true, webhookRetryScheduleSeconds: [3600], webhookTimeoutMs: 2000 };

let t: TestApp;
let receiver: WebhookReceiver;
let merchant: TestMerchant;
let other: TestMerchant;
let session: SessionClient;
let otherSession: SessionClient;

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  t = await createTestApp({ listen: true, config: CONFIG });
  merchant = await makeMerchant(t);
  other = await makeMerchant(t);
  session = await signIn(t, merchant.email);
  otherSession = await signIn(t, other.email);
});
afterAll(async () => {
  await t?.close();
  await receiver?.stop();
});

type Step = 'testKeyUsed' | 'testClickRecorded' | 'testConversionRecorded' | 'testWebhookDelivered' | 'liveKeyUsed';
const mode = (livemode: boolean) => ({ 'x-mode': livemode ? 'live' : 'test' });

async function ticked(client: SessionClient): Promise<Step[]> {
  const answer = await client.request('GET', '/api/merchant/go-live');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const steps = answer.body.steps as Array<{ step: Step; done: boolean; at: string | null }>;
  expect(steps.map((s) => s.step)).toEqual(['testKeyUsed', 'testClickRecorded', 'testConversionRecorded', 'testWebhookDelivered', 'liveKeyUsed']);
  for (const s of steps) expect(s.at === null).toBe(!s.done);
  expect(answer.body.complete).toBe(steps.every((s) => s.done));
  return steps.filter((s) => s.done).map((s) => s.step);
}

/** Through the dashboard session (not a key): creates and activates a campaign of that mode. */
async function activeCampaign(livemode: boolean): Promise<string> {
  const created = await session.request(
    'POST',
    '/api/v1/campaigns',
    { title: 'Go-live trial', defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '10' },
    mode(livemode),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const activated = await session.request('POST', `/api/v1/campaigns/${created.body.id}/activate`, undefined, mode(livemode));
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  return created.body.id;
}

async function endpoint(livemode: boolean, answers: number[], events = ['*']) {
  const route = receiver.route(answers.map((status) => ({ status })));
  const created = await session.request('POST', '/api/v1/webhook-endpoints', { url: route.url, events }, mode(livemode));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

async function ping(livemode: boolean, endpointId: string): Promise<void> {
  expect((await session.request('POST', `/api/v1/webhook-endpoints/${endpointId}/test`, undefined, mode(livemode))).status).toBe(202);
  await t.platform.worker.runDueJobs();
}

describe(`go-live checklist on ${backend}`, () => {
  it('ticks each step only after its own activity, in its own mode, for its own merchant', async () => {
    expect(await ticked(session)).toEqual([]);

    // Live activity ticks no test step.
    const liveCampaign = await activeCampaign(true);
    const liveEndpoint = await endpoint(true, [200]);
    await ping(true, liveEndpoint);
    const liveConversion = await session.request('POST', '/api/v1/conversions', { orderId: orderId('LIVE'), amount: '10.00' }, mode(true));
    expect(liveConversion.status).toBe(201);
    expect(liveCampaign).toBeTruthy();
    expect(await ticked(session)).toEqual([]);

    const testCampaign = await activeCampaign(false);
    const click = await session.request('POST', '/api/v1/sandbox/clicks', { campaignId: testCampaign }, mode(false));
    expect(click.status, JSON.stringify(click.body)).toBe(201);
    expect(await ticked(session)).toEqual(['testClickRecorded']);

    const conversion = await session.request(
      'POST',
      '/api/v1/conversions',
      { orderId: orderId('SBX'), clickId: click.body.clickId, amount: '25.00' },
      mode(false),
    );
    expect(conversion.body).toMatchObject({ attributed: true, livemode: false });
    expect(await ticked(session)).toEqual(['testClickRecorded', 'testConversionRecorded']);

    // A delivery that fails (5xx) is not "delivered"; one answered 2xx is.
    const failing = await endpoint(false, [500]);
    await ping(false, failing);
    expect(await ticked(session)).toEqual(['testClickRecorded', 'testConversionRecorded']);
    const working = await endpoint(false, [204]);
    await ping(false, working);
    expect(await ticked(session)).toEqual(['testClickRecorded', 'testConversionRecorded', 'testWebhookDelivered']);

    // A signed request with the test key, then with the live key (use is recorded in the background).
    expect((await merchant.test.get('/api/v1/campaigns')).status).toBe(200);
    await eventually(async () => ((await ticked(session)).includes('testKeyUsed') ? true : undefined), 5000, 'test key use');
    expect(await ticked(session)).toEqual(['testKeyUsed', 'testClickRecorded', 'testConversionRecorded', 'testWebhookDelivered']);
    expect((await merchant.live.get('/api/v1/campaigns')).status).toBe(200);
    await eventually(async () => ((await ticked(session)).includes('liveKeyUsed') ? true : undefined), 5000, 'live key use');
    expect((await session.request('GET', '/api/merchant/go-live')).body.complete).toBe(true);

    // None of it shows on another merchant's checklist.
    expect(await ticked(otherSession)).toEqual([]);
  });

  it('is a merchant session route: no signed key, no affiliate', async () => {
    expect((await merchant.test.get('/api/merchant/go-live')).status).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/merchant/go-live' })).statusCode).toBe(401);
    const affiliate = await signIn(t, (await makeAffiliate(t)).email);
    expect((await affiliate.request('GET', '/api/merchant/go-live')).status).toBe(403);
  });
});

describe(`an order's webhook deliveries on ${backend}`, () => {
  it('lists the deliveries of the event raised by an order’s conversion, to its merchant only, in its mode only', async () => {
    const fresh = await makeMerchant(t);
    const freshSession = await signIn(t, fresh.email);
    const report = async (livemode = false) => {
      const id = orderId('SBX');
      expect((await freshSession.request('POST', '/api/v1/conversions', { orderId: id, amount: '5.00' }, mode(livemode))).status).toBe(201);
      return id;
    };
    const deliveriesOf = (client: SessionClient, id: string, livemode = false) =>
      client.request('GET', `/api/merchant/orders/${encodeURIComponent(id)}/webhook-deliveries`, undefined, mode(livemode));

    const before = await deliveriesOf(freshSession, await report());
    expect(before.body).toEqual({ endpointCount: 0, deliveries: [] });

    const route = receiver.route();
    const created = await freshSession.request('POST', '/api/v1/webhook-endpoints', { url: route.url, events: ['conversion.unattributed'] }, mode(false));
    expect(created.status).toBe(201);
    const earlier = await report();
    const id = await report();
    const queued = await deliveriesOf(freshSession, id);
    expect(queued.body.endpointCount).toBe(1);
    expect(queued.body.deliveries).toMatchObject([{ endpointId: created.body.id, eventType: 'conversion.unattributed', status: 'pending', attempts: [] }]);

    await t.platform.worker.runDueJobs();
    const received = await receiver.waitFor(route.path, 2);
    const sent = received.map((r) => JSON.parse(r.body).data.orderId);
    expect(sent.sort()).toEqual([earlier, id].sort());
    const after = await deliveriesOf(freshSession, id);
    expect(after.body.deliveries).toMatchObject([{ status: 'succeeded', attempts: [{ attempt: 1, outcome: 'succeeded', statusCode: 200 }] }]);
    expect(after.body.deliveries[0].id).not.toBe((await deliveriesOf(freshSession, earlier)).body.deliveries[0].id);

    // Another merchant, and the other mode, do not find the order.
    expect((await deliveriesOf(otherSession, id)).status).toBe(404);
    expect((await deliveriesOf(freshSession, id, true)).status).toBe(404);
    expect((await deliveriesOf(freshSession, await report(true), true)).body).toEqual({ endpointCount: 0, deliveries: [] });
  });
});
