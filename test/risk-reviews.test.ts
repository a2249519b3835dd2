import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matureHeldCommissions } from '../src/modules/commissions/mature-held-commissions.ts';
import { affiliateIpSightings, riskAssessments } from '../src/modules/risk/risk.tables.ts';
import { verifyLedger } from '../src/modules/ledger/verify-ledger.ts';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeAffiliate, makeMerchant, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { insertCampaign, insertClick, orderId } from './support/conversion-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let campaign: CampaignRow;
let affiliate: Awaited<ReturnType<typeof makeAffiliate>>;
let admin: SessionClient;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
  affiliate = await makeAffiliate(t);
  campaign = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
  admin = await signIn(t, (await makeAdmin(t)).email);
  // The affiliate uses the dashboard from 127.0.0.1: that address is now theirs.
  const session = await signIn(t, affiliate.email);
  expect((await session.request('GET', '/api/affiliate/wallet')).status).toBe(200);
});
afterAll(() => t.close());

/** A live order on a click from the affiliate's own address (self-referral). */
async function selfReferredOrder() {
  const clickId = await insertClick(t.platform.db, campaign, affiliate.affiliateId, { ipHash: t.platform.secrets.keyedHash('127.0.0.1') });
  const id = orderId('RISK');
  const response = await merchant.live.post('/api/v1/conversions', { orderId: id, clickId, amount: '100.00' });
  const order = await merchant.live.get(`/api/v1/orders/${id}`);
  return { orderId: id, conversionId: response.body.conversionId as string, commissionId: order.body.commission.id as string };
}

describe(`risk scoring and review on ${backend}`, () => {
  it("records the affiliate's dashboard address as a keyed hash, never the address", async () => {
    const rows = await t.platform.db.select().from(affiliateIpSightings).where(eq(affiliateIpSightings.affiliateId, affiliate.affiliateId));
    expect(rows.map((r) => r.ipHash)).toEqual([t.platform.secrets.keyedHash('127.0.0.1')]);
  });

  it('flags a click from the affiliate’s own address as self-referral and stores score and reasons', async () => {
    const { conversionId, orderId: id } = await selfReferredOrder();
    const [assessment] = await t.platform.db.select().from(riskAssessments).where(eq(riskAssessments.conversionId, conversionId));
    expect(assessment).toMatchObject({ score: 60, reasons: ['SELF_REFERRAL'], threshold: 50 });
    expect((await merchant.live.get(`/api/v1/orders/${id}`)).body.commission.risk).toEqual({ score: 60, reviewStatus: 'required' });
    // The merchant reads the reasons too (the order page shows them); in the other mode the order does not exist.
    const risk = await merchant.live.get(`/api/v1/orders/${id}/risk`);
    expect(risk.body).toMatchObject({ orderId: id, score: 60, reasons: ['SELF_REFERRAL'], threshold: 50, reviewRequired: true });
    expect((await merchant.test.get(`/api/v1/orders/${id}/risk`)).status).toBe(404);
    const unattributed = await merchant.live.post('/api/v1/conversions', { orderId: orderId('PLAIN'), amount: '10.00' });
    expect((await merchant.live.get(`/api/v1/orders/${unattributed.body.orderId}/risk`)).body.error.code).toBe('NOT_FOUND');
  });

  it('returns the score and reasons on the conversion answer, first time and on a retry', async () => {
    const clickId = await insertClick(t.platform.db, campaign, affiliate.affiliateId, { ipHash: t.platform.secrets.keyedHash('127.0.0.1') });
    const body = { orderId: orderId('RISK'), clickId, amount: '100.00' };
    const first = await merchant.live.post('/api/v1/conversions', body);
    expect(first.body.risk).toEqual({ score: 60, reasons: ['SELF_REFERRAL'], reviewRequired: true });
    const retry = await merchant.live.post('/api/v1/conversions', body);
    expect(retry.body).toMatchObject({ deduplicated: true, risk: { score: 60, reasons: ['SELF_REFERRAL'], reviewRequired: true } });
  });

  it('does not hold a test-mode order for the timing and self-referral checks a merchant trying the flow alone trips', async () => {
    const testCampaign = await insertCampaign(t.platform.db, {
      merchantId: merchant.merchantId,
      livemode: false,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
    });
    const clickedAt = new Date(Date.now() - 60_000);
    const clickId = await insertClick(t.platform.db, testCampaign, affiliate.affiliateId, { clickedAt, ipHash: t.platform.secrets.keyedHash('127.0.0.1') });
    const occurredAt = new Date(clickedAt.getTime() + 3_000).toISOString();
    const response = await merchant.test.post('/api/v1/conversions', { orderId: orderId('RISK'), clickId, amount: '100.00', occurredAt });
    expect(response.body).toMatchObject({ attributed: true, risk: { score: 0, reasons: [], reviewRequired: false } });
    const order = await merchant.test.get(`/api/v1/orders/${response.body.orderId}`);
    expect(order.body.commission.risk).toEqual({ score: 0, reviewStatus: 'not_required' });
  });

  it('answers null risk for an unattributed order', async () => {
    const response = await merchant.live.post('/api/v1/conversions', { orderId: orderId('RISK'), amount: '100.00' });
    expect(response.body).toMatchObject({ attributed: false, risk: null });
  });

  it('does not flag an ordinary click', async () => {
    const clickId = await insertClick(t.platform.db, campaign, affiliate.affiliateId);
    const id = orderId('RISK');
    const response = await merchant.live.post('/api/v1/conversions', { orderId: id, clickId, amount: '100.00' });
    const [assessment] = await t.platform.db.select().from(riskAssessments).where(eq(riskAssessments.conversionId, response.body.conversionId));
    expect(assessment).toMatchObject({ score: 0, reasons: [] });
    expect((await merchant.live.get(`/api/v1/orders/${id}`)).body.commission.risk.reviewStatus).toBe('not_required');
  });

  it('flags an order seconds after its click that is the third on that click', async () => {
    const clickedAt = new Date(Date.now() - 60_000);
    const clickId = await insertClick(t.platform.db, campaign, affiliate.affiliateId, { clickedAt });
    // Each order 5 s after the click, however slow the machine running this is.
    const occurredAt = new Date(clickedAt.getTime() + 5_000).toISOString();
    for (let i = 0; i < 2; i++) await merchant.live.post('/api/v1/conversions', { orderId: orderId('RISK'), clickId, amount: '10.00', occurredAt });
    const third = await merchant.live.post('/api/v1/conversions', { orderId: orderId('RISK'), clickId, amount: '10.00', occurredAt });
    const [assessment] = await t.platform.db.select().from(riskAssessments).where(eq(riskAssessments.conversionId, third.body.conversionId));
    expect(assessment?.reasons).toEqual(['CLICK_TO_ORDER_TOO_SHORT', 'MANY_ORDERS_ON_CLICK']);
    expect(assessment?.score).toBe(70);
  });

  it('a flagged commission waits in the queue after its hold; an admin approves it', async () => {
    const { orderId: id, commissionId } = await selfReferredOrder();
    await merchant.live.patch(`/api/v1/orders/${id}`, { status: 'delivered', occurredAt: new Date(Date.now() - 30 * DAY).toISOString() });
    await matureHeldCommissions(t.platform.db);
    expect((await merchant.live.get(`/api/v1/orders/${id}`)).body.commission.status).toBe('hold');
    const queue = await admin.request('GET', '/api/admin/risk-reviews?pageSize=200');
    expect(queue.status).toBe(200);
    expect(queue.body.data).toContainEqual(
      expect.objectContaining({
        commissionId,
        orderId: id,
        status: 'hold',
        holdEnded: true,
        risk: expect.objectContaining({ score: 60, reasons: ['SELF_REFERRAL'] }),
      }),
    );
    const approved = await admin.request('POST', `/api/admin/risk-reviews/${commissionId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: commissionId, status: 'approved', risk: { reviewStatus: 'approved' } });
    const after = await admin.request('GET', '/api/admin/risk-reviews?pageSize=200');
    expect(after.body.data.map((r: { commissionId: string }) => r.commissionId)).not.toContain(commissionId);
    expect((await admin.request('POST', `/api/admin/risk-reviews/${commissionId}/approve`)).status).toBe(409);
  });

  it('approval before the hold ends clears it to mature normally', async () => {
    const { orderId: id, commissionId } = await selfReferredOrder();
    const early = await admin.request('POST', `/api/admin/risk-reviews/${commissionId}/approve`);
    expect(early.body).toMatchObject({ status: 'pending', risk: { reviewStatus: 'approved' } });
    await merchant.live.patch(`/api/v1/orders/${id}`, { status: 'delivered', occurredAt: new Date(Date.now() - 30 * DAY).toISOString() });
    await matureHeldCommissions(t.platform.db);
    expect((await merchant.live.get(`/api/v1/orders/${id}`)).body.commission.status).toBe('approved');
  });

  it('an admin rejects a flagged commission: rejected, and its money leaves the pending balance', async () => {
    const { commissionId, orderId: id } = await selfReferredOrder();
    const rejected = await admin.request('POST', `/api/admin/risk-reviews/${commissionId}/reject`, { note: 'own purchase' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', risk: { reviewStatus: 'rejected' } });
    const order = await merchant.live.get(`/api/v1/orders/${id}`);
    expect(order.body.commission.status).toBe('rejected');
    // A later delivery or refund does not bring it back.
    await merchant.live.patch(`/api/v1/orders/${id}`, { status: 'delivered' });
    expect((await merchant.live.get(`/api/v1/orders/${id}`)).body.commission.status).toBe('rejected');
    expect((await verifyLedger(t.platform.db)).mismatches).toEqual([]);
  });

  it('refuses non-admins, and commissions not under review', async () => {
    const merchantSession = await signIn(t, merchant.email);
    expect((await merchantSession.request('GET', '/api/admin/risk-reviews')).status).toBe(403);
    const clickId = await insertClick(t.platform.db, campaign, affiliate.affiliateId);
    const id = orderId('RISK');
    await merchant.live.post('/api/v1/conversions', { orderId: id, clickId, amount: '10.00' });
    const commissionId = (await merchant.live.get(`/api/v1/orders/${id}`)).body.commission.id;
    const response = await admin.request('POST', `/api/admin/risk-reviews/${commissionId}/reject`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('INVALID_TRANSITION');
    expect((await admin.request('POST', '/api/admin/risk-reviews/com_nope/approve')).status).toBe(404);
  });
});
