import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook, type WebhookEvent } from '../sdk/src/index.ts';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { matureHeldCommissions } from '../src/modules/commissions/mature-held-commissions.ts';
import { markCommissionsPaid } from '../src/modules/commissions/pay-commissions.ts';
import { markCommissionsPayable } from '../src/modules/commissions/settle-commissions.ts';
import { domainEvents } from '../src/platform/events/events.tables.ts';
import { backend } from './support/database.ts';
import { insertCampaign, insertClick, orderId } from './support/conversion-factories.ts';
import { makeAffiliate, makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

type StatusChanged = WebhookEvent<{
  commissionId: string;
  from: string | null;
  to: string;
  reason: string;
  commission: { id: string; status: string; amount: string; orderId: string };
}>;

const DAY = 86_400_000;
let t: TestApp;
let receiver: WebhookReceiver;
let merchant: TestMerchant;
let affiliateId: string;
let campaign: CampaignRow;
let endpoint: { id: string; secret: string; path: string };

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  t = await createTestApp({ listen: true, config: { outboundAllowPrivate: true, webhookRetryScheduleSeconds: [0, 0, 0] } });
  merchant = await makeMerchant(t);
  affiliateId = (await makeAffiliate(t)).affiliateId;
  campaign = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
  const route = receiver.route();
  const created = await merchant.live.post('/api/v1/webhook-endpoints', { url: route.url, events: ['commission.status_changed', 'conversion.attributed'] });
  expect(created.status).toBe(201);
  endpoint = { id: created.body.id, secret: created.body.secret, path: route.path };
});
afterAll(async () => {
  await t.close();
  await receiver.stop();
});

async function report(options: { status?: string } = {}) {
  const clickId = await insertClick(t.platform.db, campaign, affiliateId);
  const id = orderId('WH');
  const created = await merchant.live.post('/api/v1/conversions', { orderId: id, clickId, amount: '100.00', ...options });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const order = await merchant.live.get(`/api/v1/orders/${id}`);
  return { orderId: id, conversionId: created.body.conversionId as string, commissionId: order.body.commission.id as string };
}
const patch = (id: string, body: Record<string, unknown>) => merchant.live.patch(`/api/v1/orders/${encodeURIComponent(id)}`, body);

/** Every verified event the receiver accepted (answered 2xx), in arrival order. */
function accepted(): WebhookEvent[] {
  return receiver
    .at(endpoint.path)
    .filter((r) => r.answeredWith === 200)
    .map((r) => verifyWebhook(endpoint.secret, r.body, r.headers));
}
const transitionsOf = (commissionId: string) =>
  (accepted().filter((e) => e.type === 'commission.status_changed') as StatusChanged[])
    .filter((e) => e.data.commissionId === commissionId)
    .map((e) => [e.data.from, e.data.to]);

describe(`commission webhooks on ${backend}`, () => {
  it('one commission.status_changed per transition, received once each and in order per commission', async () => {
    const paid = await report();
    expect((await patch(paid.orderId, { status: 'delivered', occurredAt: new Date(Date.now() - 30 * DAY).toISOString() })).status).toBe(200);
    await matureHeldCommissions(t.platform.db);
    await markCommissionsPayable(t.platform.db, { merchantId: merchant.merchantId, livemode: true, commissionIds: [paid.commissionId], actor: 'billing' });
    await markCommissionsPaid(t.platform.db, { affiliateId, livemode: true, commissionIds: [paid.commissionId], payoutId: 'po_webhooks', actor: 'payouts' });
    expect((await patch(paid.orderId, { status: 'returned' })).status).toBe(200);

    const deliveredAtOnce = await report({ status: 'delivered' }); // pending and hold in one transaction
    const cancelled = await report();
    expect((await patch(cancelled.orderId, { status: 'cancelled' })).status).toBe(200);

    await t.platform.worker.runDueJobs();

    expect(transitionsOf(paid.commissionId)).toEqual([
      [null, 'pending'],
      ['pending', 'hold'],
      ['hold', 'approved'],
      ['approved', 'payable'],
      ['payable', 'paid'],
      ['paid', 'reversed'],
    ]);
    expect(transitionsOf(deliveredAtOnce.commissionId)).toEqual([
      [null, 'pending'],
      ['pending', 'hold'],
    ]);
    expect(transitionsOf(cancelled.commissionId)).toEqual([
      [null, 'pending'],
      ['pending', 'reversed'],
    ]);

    // Exactly one delivery per recorded event, each accepted exactly once.
    const recorded = await t.platform.db
      .select({ id: domainEvents.id })
      .from(domainEvents)
      .where(
        and(
          eq(domainEvents.merchantId, merchant.merchantId),
          eq(domainEvents.livemode, true),
          sql`${domainEvents.type} in ('commission.status_changed', 'conversion.attributed')`,
        ),
      );
    const ids = accepted().map((e) => e.id);
    expect(ids).toHaveLength(recorded.length);
    expect(new Set(ids)).toEqual(new Set(recorded.map((r) => r.id)));
  });

  it('a failed attempt is retried after later events; createdAt puts them back in order', async () => {
    const route = receiver.route([{ status: 500 }]);
    const flaky = await merchant.live.post('/api/v1/webhook-endpoints', { url: route.url, events: ['commission.status_changed'] });
    const order = await report({ status: 'delivered' });
    await t.platform.worker.runDueJobs();
    const arrived = receiver
      .at(route.path)
      .filter((r) => r.answeredWith === 200)
      .map((r) => verifyWebhook(flaky.body.secret, r.body, r.headers) as StatusChanged)
      .filter((e) => e.data.commissionId === order.commissionId);
    // The first attempt of `pending` failed; its retry came after `hold`.
    expect(arrived.map((e) => e.data.to)).toEqual(['hold', 'pending']);
    const sorted = [...arrived].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(sorted.map((e) => [e.data.from, e.data.to])).toEqual([
      [null, 'pending'],
      ['pending', 'hold'],
    ]);
    expect(sorted[0]!.createdAt < sorted[1]!.createdAt).toBe(true);
  });

  it('carries the whole commission and conversion in the payload', async () => {
    const fresh = await report();
    await t.platform.worker.runDueJobs();
    const events = accepted();
    const [created] = (events.filter((e) => e.type === 'commission.status_changed') as StatusChanged[]).filter(
      (e) => e.data.commissionId === fresh.commissionId,
    );
    expect(created).toMatchObject({
      livemode: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      data: { from: null, to: 'pending', reason: 'order_reported' },
    });
    expect(created!.data.commission).toMatchObject({
      id: fresh.commissionId,
      orderId: fresh.orderId,
      status: 'pending',
      amount: '10.00',
      currency: expect.any(String),
      rate: { type: 'PERCENTAGE', value: expect.any(String) },
    });
    const conversion = events.find((e) => e.type === 'conversion.attributed' && e.data.conversionId === fresh.conversionId);
    expect(conversion?.data).toMatchObject({
      orderId: fresh.orderId,
      attributed: true,
      affiliateRef: affiliateId,
      commission: { amount: '10.00', status: 'pending' },
      amount: '100.00',
    });
  });
});
