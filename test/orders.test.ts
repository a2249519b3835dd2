import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/platform/db/client.ts';
import { enqueueJob } from '../src/platform/jobs/enqueue.ts';
import { domainEvents } from '../src/platform/events/events.tables.ts';
import { commissionEvents } from '../src/modules/commissions/commissions.tables.ts';
import { matureHeldCommissions, MATURE_JOB } from '../src/modules/commissions/mature-held-commissions.ts';
import { markCommissionsPaid } from '../src/modules/commissions/pay-commissions.ts';
import { markCommissionsPayable } from '../src/modules/commissions/settle-commissions.ts';
import { verifyLedger } from '../src/modules/ledger/verify-ledger.ts';
import { REQUESTABLE_ORDER_STATUSES } from '../src/modules/orders/order-status.ts';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { backend } from './support/database.ts';
import { makeAffiliate, makeMerchant, type TestMerchant } from './support/factories.ts';
import { insertCampaign, insertClick, orderId, setMerchantDefaults } from './support/conversion-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
let affiliateId: string;
let campaign: CampaignRow;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
  other = await makeMerchant(t);
  affiliateId = (await makeAffiliate(t)).affiliateId;
  await setMerchantDefaults(t.platform.db, merchant.merchantId, { holdDays: 7 });
  campaign = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
});
afterAll(() => t.close());

/** An attributed live order of `amount` earning 10 %. */
async function attributedOrder(amount = '100.00', options: { campaign?: CampaignRow; status?: string } = {}) {
  const clickId = await insertClick(t.platform.db, options.campaign ?? campaign, affiliateId);
  const id = orderId();
  const created = await merchant.live.post('/api/v1/conversions', { orderId: id, clickId, amount, ...(options.status ? { status: options.status } : {}) });
  expect(created.status).toBe(201);
  const order = await merchant.live.get(`/api/v1/orders/${id}`);
  return { orderId: id, commissionId: order.body.commission.id as string };
}

const patch = (id: string, body: Record<string, unknown>, client = merchant.live) => client.patch(`/api/v1/orders/${encodeURIComponent(id)}`, body);

async function ledgerOf(commissionId: string) {
  const rows = await queryRows<{ account: string; total: bigint }>(
    t.platform.db,
    sql`select account, sum(amount)::bigint as total from ledger_entries where commission_id = ${commissionId} group by account`,
  );
  return Object.fromEntries(['pending', 'payable', 'paid'].map((a) => [a, rows.find((r) => r.account === a)?.total ?? 0n]));
}

describe(`order status updates on ${backend}`, () => {
  // Reach each stage with the shortest path from a new pending order.
  const pathTo: Record<string, Array<Record<string, unknown>>> = {
    pending: [],
    confirmed: [{ status: 'confirmed' }],
    shipped: [{ status: 'shipped' }],
    delivered: [{ status: 'delivered' }],
    cancelled: [{ status: 'cancelled' }],
    returned: [{ status: 'shipped' }, { status: 'returned' }],
    refunded: [{ status: 'refunded' }],
    partially_refunded: [{ status: 'shipped' }, { status: 'refunded', refundAmount: '10.00' }],
  };
  const allowed: Record<string, string[]> = {
    pending: ['confirmed', 'shipped', 'delivered', 'cancelled', 'refunded'],
    confirmed: ['shipped', 'delivered', 'cancelled', 'refunded'],
    shipped: ['delivered', 'cancelled', 'returned', 'refunded'],
    delivered: ['returned', 'refunded'],
    cancelled: ['refunded'],
    returned: ['refunded'],
    refunded: [],
    partially_refunded: ['delivered', 'cancelled', 'returned', 'refunded'],
  };
  const noop: Record<string, string> = {
    pending: 'pending',
    confirmed: 'confirmed',
    shipped: 'shipped',
    delivered: 'delivered',
    cancelled: 'cancelled',
    returned: 'returned',
    partially_refunded: 'shipped',
  };

  for (const [from, steps] of Object.entries(pathTo)) {
    describe(`from ${from}`, () => {
      for (const to of REQUESTABLE_ORDER_STATUSES) {
        const outcome = allowed[from]!.includes(to) ? 200 : noop[from] === to ? 'noop' : 409;
        it(`→ ${to}: ${outcome === 'noop' ? '200, unchanged' : outcome}`, async () => {
          const { orderId: id } = await attributedOrder();
          for (const step of steps) expect((await patch(id, step)).status).toBe(200);
          const before = await merchant.live.get(`/api/v1/orders/${id}`);
          const response = await patch(id, { status: to });
          if (outcome === 409) {
            expect(response.status).toBe(409);
            expect(response.body.error.code).toBe('INVALID_TRANSITION');
            expect((await merchant.live.get(`/api/v1/orders/${id}`)).body.status).toBe(before.body.status);
          } else if (outcome === 'noop') {
            expect(response.status).toBe(200);
            expect(response.body.status).toBe(before.body.status);
            expect(response.body.history).toHaveLength(before.body.history.length);
          } else {
            expect(response.status).toBe(200);
            expect(response.body.status).toBe(to);
            expect(response.body.history.at(-1)).toMatchObject({ from: before.body.status, to });
          }
        });
      }
    });
  }

  it('delivered starts the hold: delivery + the merchant hold days', async () => {
    const { orderId: id } = await attributedOrder();
    const deliveredAt = '2026-01-10T12:00:00.000Z';
    const response = await patch(id, { status: 'delivered', occurredAt: deliveredAt });
    expect(response.body).toMatchObject({ status: 'delivered', deliveredAt, commission: { status: 'hold', holdUntil: '2026-01-17T12:00:00.000Z' } });
  });

  it('a campaign hold override beats the merchant setting', async () => {
    const short = await insertCampaign(t.platform.db, { merchantId: merchant.merchantId, livemode: true, holdDays: 3 });
    const { orderId: id } = await attributedOrder('100.00', { campaign: short });
    const response = await patch(id, { status: 'delivered', occurredAt: '2026-01-10T12:00:00.000Z' });
    expect(response.body.commission.holdUntil).toBe('2026-01-13T12:00:00.000Z');
  });

  it('an order first reported as delivered is on hold from its occurredAt', async () => {
    const occurredAt = '2026-01-10T12:00:00.000Z';
    const clickId = await insertClick(t.platform.db, campaign, affiliateId, { clickedAt: new Date('2026-01-10T11:00:00.000Z') });
    const id = orderId();
    const created = await merchant.live.post('/api/v1/conversions', { orderId: id, clickId, amount: '100.00', status: 'delivered', occurredAt });
    expect(created.body.commission).toEqual({ amount: '10.00', currency: 'NPR', status: 'hold' });
    const order = await merchant.live.get(`/api/v1/orders/${id}`);
    expect(order.body).toMatchObject({ status: 'delivered', deliveredAt: occurredAt, commission: { holdUntil: '2026-01-17T12:00:00.000Z' } });
  });

  it('only delivery starts the hold', async () => {
    const { orderId: id } = await attributedOrder();
    expect((await patch(id, { status: 'confirmed' })).body.commission.status).toBe('pending');
    expect((await patch(id, { status: 'shipped' })).body.commission.status).toBe('pending');
  });

  for (const [name, steps] of [
    ['cancellation', [{ status: 'cancelled' }]],
    ['return', [{ status: 'delivered' }, { status: 'returned' }]],
    ['full refund', [{ status: 'delivered' }, { status: 'refunded' }]],
  ] as const) {
    it(`${name} before payout reverses the commission and empties its balance`, async () => {
      const { orderId: id, commissionId } = await attributedOrder();
      let last;
      for (const step of steps) last = await patch(id, step);
      expect(last!.body.commission).toMatchObject({ status: 'reversed', amount: '10.00' });
      expect(await ledgerOf(commissionId)).toEqual({ pending: 0n, payable: 0n, paid: 0n });
    });
  }

  it('one commission.status_changed event per transition, with from, to, reason and the commission', async () => {
    const { orderId: id, commissionId } = await attributedOrder();
    await patch(id, { status: 'delivered' });
    await patch(id, { status: 'returned' });
    const events = await t.platform.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'commission.status_changed'), sql`${domainEvents.data}->>'commissionId' = ${commissionId}`))
      .orderBy(domainEvents.createdAt);
    expect(events.map((e) => [e.data.from, e.data.to, e.data.reason])).toEqual([
      [null, 'pending', 'order_reported'],
      ['pending', 'hold', 'order_delivered'],
      ['hold', 'reversed', 'order_returned'],
    ]);
    expect(events[2]!.data.commission).toMatchObject({ id: commissionId, status: 'reversed', orderId: id });
    const history = await t.platform.db.select().from(commissionEvents).where(eq(commissionEvents.commissionId, commissionId));
    expect(history.map((e) => e.actor)).toEqual(Array(3).fill(expect.stringMatching(/^merchant:key_/)));
  });

  describe('partial refunds', () => {
    it('shrink the commission in proportion, rounding down, until the last refund reverses it', async () => {
      const { orderId: id, commissionId } = await attributedOrder('100.00');
      await patch(id, { status: 'delivered' });
      const first = await patch(id, { status: 'refunded', refundAmount: '25.00' });
      expect(first.body).toMatchObject({
        status: 'partially_refunded',
        refundedAmount: '25.00',
        commission: { status: 'hold', amount: '7.50', originalAmount: '10.00' },
      });
      const second = await patch(id, { status: 'refunded', refundAmount: '33.33' });
      // 10.00 × 41.67 / 100 = 4.167 → 4.16
      expect(second.body).toMatchObject({ status: 'partially_refunded', refundedAmount: '58.33', commission: { amount: '4.16' } });
      expect(await ledgerOf(commissionId)).toEqual({ pending: 416n, payable: 0n, paid: 0n });
      const rest = await patch(id, { status: 'refunded' });
      expect(rest.body).toMatchObject({ status: 'refunded', refundedAmount: '100.00', commission: { status: 'reversed' } });
      expect(await ledgerOf(commissionId)).toEqual({ pending: 0n, payable: 0n, paid: 0n });
      expect(rest.body.history.map((h: { refundAmount: string | null }) => h.refundAmount)).toEqual([null, null, '25.00', '33.33', '41.67']);
    });

    it('refuses a refund larger than what is left', async () => {
      const { orderId: id } = await attributedOrder('100.00');
      await patch(id, { status: 'refunded', refundAmount: '60.00' });
      const response = await patch(id, { status: 'refunded', refundAmount: '40.01' });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('REFUND_EXCEEDS_REMAINDER');
    });

    it('refuses refundAmount with another status, and a number for refundAmount', async () => {
      const { orderId: id } = await attributedOrder();
      expect((await patch(id, { status: 'shipped', refundAmount: '1.00' })).status).toBe(422);
      const numeric = await patch(id, { status: 'refunded', refundAmount: 1 });
      expect(numeric.status).toBe(400);
      expect(numeric.body.error.details[0]).toMatchObject({ field: 'refundAmount', code: 'MUST_BE_DECIMAL_STRING' });
    });

    it('concurrent partial refunds on one order apply one after the other', async () => {
      const { orderId: id, commissionId } = await attributedOrder('100.00');
      const results = await Promise.all(Array.from({ length: 6 }, () => patch(id, { status: 'refunded', refundAmount: '20.00' })));
      // Five refunds of 20.00 use the order up; the sixth finds it refunded in full.
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 409]);
      const order = await merchant.live.get(`/api/v1/orders/${id}`);
      expect(order.body).toMatchObject({ status: 'refunded', refundedAmount: '100.00', commission: { status: 'reversed' } });
      expect(await ledgerOf(commissionId)).toEqual({ pending: 0n, payable: 0n, paid: 0n });
    });
  });

  describe('maturation', () => {
    it('approves held commissions whose hold has ended, not the others', async () => {
      const ended = await attributedOrder();
      await patch(ended.orderId, { status: 'delivered', occurredAt: new Date(Date.now() - 8 * DAY).toISOString() });
      const running = await attributedOrder();
      await patch(running.orderId, { status: 'delivered' });
      const result = await matureHeldCommissions(t.platform.db);
      expect(result.approved).toBeGreaterThanOrEqual(1);
      expect((await merchant.live.get(`/api/v1/orders/${ended.orderId}`)).body.commission.status).toBe('approved');
      expect((await merchant.live.get(`/api/v1/orders/${running.orderId}`)).body.commission.status).toBe('hold');
      const later = await matureHeldCommissions(t.platform.db, { now: new Date(Date.now() + 8 * DAY) });
      expect(later.approved).toBeGreaterThanOrEqual(1);
      expect((await merchant.live.get(`/api/v1/orders/${running.orderId}`)).body.commission.status).toBe('approved');
    });

    it('runs as a scheduled job', async () => {
      const { orderId: id } = await attributedOrder();
      await patch(id, { status: 'delivered', occurredAt: new Date(Date.now() - 30 * DAY).toISOString() });
      await enqueueJob(t.platform.db, MATURE_JOB);
      await t.platform.worker.runDueJobs();
      expect((await merchant.live.get(`/api/v1/orders/${id}`)).body.commission.status).toBe('approved');
    });

    it('leaves a risk-flagged commission waiting for review', async () => {
      const { orderId: id, commissionId } = await attributedOrder();
      await t.platform.db.execute(sql`update commissions set review_status = 'required', risk_score = 80 where id = ${commissionId}`);
      await patch(id, { status: 'delivered', occurredAt: new Date(Date.now() - 30 * DAY).toISOString() });
      const result = await matureHeldCommissions(t.platform.db);
      expect(result.waitingForReview).toBeGreaterThanOrEqual(1);
      expect((await merchant.live.get(`/api/v1/orders/${id}`)).body.commission.status).toBe('hold');
    });
  });

  describe('payable, paid and clawback', () => {
    async function paidCommission() {
      const { orderId: id, commissionId } = await attributedOrder('100.00');
      await patch(id, { status: 'delivered', occurredAt: new Date(Date.now() - 30 * DAY).toISOString() });
      await matureHeldCommissions(t.platform.db);
      await markCommissionsPayable(t.platform.db, { merchantId: merchant.merchantId, livemode: true, commissionIds: [commissionId], actor: 'billing' });
      expect(await ledgerOf(commissionId)).toEqual({ pending: 0n, payable: 1000n, paid: 0n });
      await markCommissionsPaid(t.platform.db, { affiliateId, livemode: true, commissionIds: [commissionId], payoutId: 'po_test1', actor: 'payouts' });
      expect(await ledgerOf(commissionId)).toEqual({ pending: 0n, payable: 0n, paid: 1000n });
      return { orderId: id, commissionId };
    }

    it('a return after payout claws the commission back from the payable balance', async () => {
      const { orderId: id, commissionId } = await paidCommission();
      const response = await patch(id, { status: 'returned' });
      expect(response.body.commission).toMatchObject({ status: 'reversed', paidAmount: '10.00', payoutId: 'po_test1' });
      expect(await ledgerOf(commissionId)).toEqual({ pending: 0n, payable: -1000n, paid: 1000n });
      const [clawback] = await queryRows<{ kind: string; amount: bigint }>(
        t.platform.db,
        sql`select kind, amount from ledger_entries where commission_id = ${commissionId} order by created_at desc, id desc limit 1`,
      );
      expect(clawback).toEqual({ kind: 'clawback', amount: -1000n });
    });

    it('a partial refund after payout claws back its share', async () => {
      const { orderId: id, commissionId } = await paidCommission();
      const response = await patch(id, { status: 'refunded', refundAmount: '40.00' });
      expect(response.body.commission).toMatchObject({ status: 'paid', amount: '6.00', paidAmount: '10.00' });
      expect(await ledgerOf(commissionId)).toEqual({ pending: 0n, payable: -400n, paid: 1000n });
    });

    it('a partial refund while payable reduces the payable balance', async () => {
      const { orderId: id, commissionId } = await attributedOrder('100.00');
      await patch(id, { status: 'delivered', occurredAt: new Date(Date.now() - 30 * DAY).toISOString() });
      await matureHeldCommissions(t.platform.db);
      await markCommissionsPayable(t.platform.db, { merchantId: merchant.merchantId, livemode: true, commissionIds: [commissionId], actor: 'billing' });
      await patch(id, { status: 'refunded', refundAmount: '50.00' });
      expect(await ledgerOf(commissionId)).toEqual({ pending: 0n, payable: 500n, paid: 0n });
    });

    it('refuses to settle a commission that is not approved, or not the merchant’s', async () => {
      const { commissionId } = await attributedOrder();
      await expect(
        markCommissionsPayable(t.platform.db, { merchantId: merchant.merchantId, livemode: true, commissionIds: [commissionId], actor: 'billing' }),
      ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      await expect(
        markCommissionsPayable(t.platform.db, { merchantId: other.merchantId, livemode: true, commissionIds: [commissionId], actor: 'billing' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('lists', () => {
    it('GET /api/v1/orders pages and filters', async () => {
      const fresh = await makeMerchant(t);
      const c = await insertCampaign(t.platform.db, { merchantId: fresh.merchantId, livemode: true });
      for (let i = 0; i < 3; i++)
        await fresh.live.post('/api/v1/conversions', { orderId: `L-${i}`, clickId: await insertClick(t.platform.db, c, affiliateId), amount: '10.00' });
      await fresh.live.post('/api/v1/conversions', { orderId: 'L-unattributed', amount: '10.00' });
      await fresh.live.patch('/api/v1/orders/L-0', { status: 'cancelled' });
      const page = await fresh.live.get('/api/v1/orders?page=1&pageSize=2');
      expect(page.body).toMatchObject({ page: 1, pageSize: 2, total: 4 });
      expect(page.body.data).toHaveLength(2);
      expect((await fresh.live.get('/api/v1/orders?attributed=false')).body.data.map((o: { orderId: string }) => o.orderId)).toEqual(['L-unattributed']);
      expect((await fresh.live.get('/api/v1/orders?status=cancelled')).body.data.map((o: { orderId: string }) => o.orderId)).toEqual(['L-0']);
      expect((await fresh.live.get('/api/v1/orders')).body.total).toBe(4);
      expect((await fresh.test.get('/api/v1/orders')).body.total).toBe(0);
    });

    it('GET /api/v1/commissions filters by status, affiliate and date', async () => {
      const fresh = await makeMerchant(t);
      const c = await insertCampaign(t.platform.db, { merchantId: fresh.merchantId, livemode: true });
      const second = (await makeAffiliate(t)).affiliateId;
      await fresh.live.post('/api/v1/conversions', { orderId: 'C-1', clickId: await insertClick(t.platform.db, c, affiliateId), amount: '10.00' });
      await fresh.live.post('/api/v1/conversions', { orderId: 'C-2', clickId: await insertClick(t.platform.db, c, second), amount: '20.00' });
      await fresh.live.patch('/api/v1/orders/C-2', { status: 'cancelled' });
      const all = await fresh.live.get('/api/v1/commissions');
      expect(all.body.total).toBe(2);
      expect((await fresh.live.get('/api/v1/commissions?status=reversed')).body.data.map((x: { orderId: string }) => x.orderId)).toEqual(['C-2']);
      expect((await fresh.live.get(`/api/v1/commissions?affiliateId=${second}`)).body.data.map((x: { orderId: string }) => x.orderId)).toEqual(['C-2']);
      const future = new Date(Date.now() + DAY).toISOString();
      expect((await fresh.live.get(`/api/v1/commissions?from=${encodeURIComponent(future)}`)).body.total).toBe(0);
      expect((await fresh.live.get(`/api/v1/commissions?to=${encodeURIComponent(future)}`)).body.total).toBe(2);
      expect((await fresh.test.get('/api/v1/commissions')).body.total).toBe(0);
    });
  });

  describe('tenant isolation', () => {
    it("another merchant's order, or this merchant's in the other mode, is 404", async () => {
      const { orderId: id } = await attributedOrder();
      for (const client of [other.live, other.test, merchant.test]) {
        expect((await client.get(`/api/v1/orders/${id}`)).status).toBe(404);
        const update = await patch(id, { status: 'cancelled' }, client);
        expect(update.status).toBe(404);
        expect(update.body.error.code).toBe('NOT_FOUND');
      }
      expect((await merchant.live.get(`/api/v1/orders/${id}`)).body.status).toBe('pending');
    });
  });

  it('history rows cannot be changed or deleted', async () => {
    const { commissionId } = await attributedOrder();
    const refusal = async (statement: ReturnType<typeof sql>) => {
      const error = await t.platform.db.execute(statement).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      return String(error?.cause?.message ?? error?.message);
    };
    expect(await refusal(sql`update commission_events set reason = 'x' where commission_id = ${commissionId}`)).toMatch(/commission_events is append-only/);
    expect(await refusal(sql`delete from ledger_entries where commission_id = ${commissionId}`)).toMatch(/ledger_entries is append-only/);
    expect(await refusal(sql`delete from order_events`)).toMatch(/order_events is append-only/);
  });

  it('leaves the ledger verifiably consistent', async () => {
    const report = await verifyLedger(t.platform.db);
    expect(report.mismatches).toEqual([]);
    expect(report.checked.commissions).toBeGreaterThan(50);
  });
});
