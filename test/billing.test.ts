import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDueStatements } from '../src/modules/billing/issue-due-statements.ts';
import { verifyLedger } from '../src/modules/ledger/verify-ledger.ts';
import { domainEvents } from '../src/platform/events/events.tables.ts';
import { backend } from './support/database.ts';
import { insertCampaign } from './support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant, signIn, type SessionClient } from './support/factories.ts';
import { approvedCommission } from './support/money-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let admin: SessionClient;
let affiliate: Awaited<ReturnType<typeof makeAffiliate>>;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  admin = await signIn(t, (await makeAdmin(t)).email);
  affiliate = await makeAffiliate(t);
});
afterAll(() => t.close());

async function merchantWithCampaign() {
  const merchant = await makeMerchant(t);
  const campaign = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
  return { merchant, campaign };
}

const eventsOf = async (merchantId: string, type: string) =>
  (
    await t.platform.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.merchantId, merchantId), eq(domainEvents.type, type)))
      .orderBy(asc(domainEvents.createdAt))
  ).map((e) => e.data as any);

const setFee = async (percent: string) => expect((await admin.request('PATCH', '/api/admin/settings', { platformFeePercent: percent })).status).toBe(200);

describe(`billing on ${backend}`, () => {
  it('issues a numbered statement of approved commissions with a fee line, once, and shows it to its merchant only', async () => {
    const { merchant, campaign } = await merchantWithCampaign();
    await setFee('10');
    const first = await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '100.00');
    const second = await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '249.90');

    const issued = await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/statements`);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body).toMatchObject({
      merchantId: merchant.merchantId,
      number: 1,
      status: 'issued',
      currency: 'NPR',
      commissionCount: 2,
      commissionTotal: '34.99',
      platformFee: '3.49',
      credits: '0.00',
      total: '38.48',
      amountPaid: '0.00',
      paidAt: null,
    });
    const again = await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/statements`, {});
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('NOTHING_TO_BILL');

    const detail = await merchant.live.get(`/api/v1/statements/${issued.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.lines).toEqual([
      { lineNo: 1, kind: 'commission', commissionId: first.commissionId, orderId: first.orderId, affiliateId: affiliate.affiliateId, amount: '10.00' },
      { lineNo: 2, kind: 'commission', commissionId: second.commissionId, orderId: second.orderId, affiliateId: affiliate.affiliateId, amount: '24.99' },
      { lineNo: 3, kind: 'fee', commissionId: null, orderId: null, affiliateId: null, amount: '3.49' },
    ]);
    const listed = await merchant.live.get('/api/v1/statements');
    expect(listed.body).toMatchObject({ total: 1, data: [{ id: issued.body.id, number: 1 }] });
    expect((await merchant.test.get('/api/v1/statements')).body.total).toBe(0);
    expect((await merchant.test.get(`/api/v1/statements/${issued.body.id}`)).status).toBe(404);

    const session = await signIn(t, merchant.email);
    const csv = await session.request('GET', `/api/merchant/statements/${issued.body.id}?format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(String(csv.body).trim().split('\n')).toEqual([
      'statementNumber,lineNo,kind,commissionId,orderId,affiliateId,amount,currency',
      `1,1,commission,${first.commissionId},${first.orderId},${affiliate.affiliateId},10.00,NPR`,
      `1,2,commission,${second.commissionId},${second.orderId},${affiliate.affiliateId},24.99,NPR`,
      '1,3,fee,,,,3.49,NPR',
    ]);
    expect((await session.request('GET', '/api/merchant/statements')).body.total).toBe(1);

    const other = await makeMerchant(t);
    expect((await other.live.get(`/api/v1/statements/${issued.body.id}`)).status).toBe(404);
    expect((await (await signIn(t, other.email)).request('GET', `/api/merchant/statements/${issued.body.id}`)).status).toBe(404);
    expect((await eventsOf(merchant.merchantId, 'statement.issued')).map((e) => e.statement.id)).toEqual([issued.body.id]);
    await setFee('0');
  });

  it('records payments; paid in full makes every commission on it payable in the same step', async () => {
    const { merchant, campaign } = await merchantWithCampaign();
    const a = await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '500.00');
    const b = await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '300.00');
    const statement = (await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/statements`)).body;
    expect(statement.total).toBe('80.00');

    const badAmount = await admin.request('POST', `/api/admin/statements/${statement.id}/payments`, { amount: 30, reference: 'BANK-1' });
    expect(badAmount.status).toBe(400);
    const part = await admin.request('POST', `/api/admin/statements/${statement.id}/payments`, { amount: '30.00', reference: 'BANK-1' });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({ status: 'issued', amountPaid: '30.00' });
    // A retry of the same payment records nothing new.
    expect((await admin.request('POST', `/api/admin/statements/${statement.id}/payments`, { amount: '30.00', reference: 'BANK-1' })).body.amountPaid).toBe(
      '30.00',
    );
    const over = await admin.request('POST', `/api/admin/statements/${statement.id}/payments`, { amount: '50.01', reference: 'BANK-2' });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('PAYMENT_EXCEEDS_BALANCE');
    expect((await merchant.live.get(`/api/v1/orders/${a.orderId}`)).body.commission.status).toBe('approved');

    const rest = await admin.request('POST', `/api/admin/statements/${statement.id}/payments`, {
      amount: '50.00',
      reference: 'BANK-2',
      paidAt: '2026-01-02T03:04:05.000Z',
    });
    expect(rest.body).toMatchObject({ status: 'paid', amountPaid: '80.00' });
    expect(rest.body.paidAt).not.toBeNull();
    for (const c of [a, b]) expect((await merchant.live.get(`/api/v1/orders/${c.orderId}`)).body.commission.status).toBe('payable');
    const paidAgain = await admin.request('POST', `/api/admin/statements/${statement.id}/payments`, { amount: '1.00', reference: 'BANK-3' });
    expect(paidAgain.body.error.code).toBe('PAYMENT_EXCEEDS_BALANCE');

    const detail = await admin.request('GET', `/api/admin/statements/${statement.id}`);
    expect(detail.body.payments.map((p: { reference: string }) => p.reference)).toEqual(['BANK-1', 'BANK-2']);
    expect((await eventsOf(merchant.merchantId, 'statement.paid')).map((e) => [e.statement.id, e.commissionsSettled])).toEqual([[statement.id, 2]]);
    const byStatus = await admin.request('GET', `/api/admin/statements?merchantId=${merchant.merchantId}&status=paid`);
    expect(byStatus.body.data.map((s: { id: string }) => s.id)).toEqual([statement.id]);
    expect((await verifyLedger(t.platform.db)).mismatches).toEqual([]);
  });

  it('credits a billed commission reversed later, with the fee charged on it, on the next statement', async () => {
    const { merchant, campaign } = await merchantWithCampaign();
    await setFee('10');
    const kept = await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '1000.00');
    const refunded = await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '400.00');
    const first = (await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/statements`)).body;
    expect(first).toMatchObject({ commissionTotal: '140.00', platformFee: '14.00', total: '154.00' });

    // Refunded before the merchant paid: the statement stays as issued, and paying it skips the reversed commission.
    expect((await merchant.live.patch(`/api/v1/orders/${refunded.orderId}`, { status: 'refunded' })).status).toBe(200);
    await admin.request('POST', `/api/admin/statements/${first.id}/payments`, { amount: '154.00', reference: 'PAY-1' });
    expect((await merchant.live.get(`/api/v1/orders/${kept.orderId}`)).body.commission.status).toBe('payable');
    expect((await merchant.live.get(`/api/v1/orders/${refunded.orderId}`)).body.commission.status).toBe('reversed');

    const next = await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '100.00');
    const second = await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/statements`);
    expect(second.body).toMatchObject({ number: 2, commissionTotal: '10.00', platformFee: '1.00', credits: '44.00', total: '-33.00', status: 'paid' });
    const lines = (await admin.request('GET', `/api/admin/statements/${second.body.id}`)).body.lines;
    expect(lines.map((l: { kind: string; commissionId: string | null; amount: string }) => [l.kind, l.commissionId, l.amount])).toEqual([
      ['commission', next.commissionId, '10.00'],
      ['fee', null, '1.00'],
      ['credit', refunded.commissionId, '-44.00'],
    ]);
    // The credit is given once.
    expect((await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/statements`)).body.error.code).toBe('NOTHING_TO_BILL');
    await setFee('0');
    expect((await verifyLedger(t.platform.db)).mismatches).toEqual([]);
  });

  it('the periodic run bills each ended period once', async () => {
    const { merchant, campaign } = await merchantWithCampaign();
    await admin.request('PATCH', '/api/admin/settings', { billingPeriod: 'weekly' });
    await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '100.00');
    const now = new Date();
    expect(await issueDueStatements(t.platform.db, now)).toBeGreaterThanOrEqual(1);
    const [statement] = (await merchant.live.get('/api/v1/statements')).body.data;
    const weekStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)));
    expect(statement).toMatchObject({ number: 1, periodEnd: weekStart.toISOString(), commissionTotal: '10.00' });
    await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '100.00');
    await issueDueStatements(t.platform.db, now);
    expect((await merchant.live.get('/api/v1/statements')).body.total).toBe(1);
    await admin.request('PATCH', '/api/admin/settings', { billingPeriod: 'monthly' });
  });

  it('settings validate every money field at once', async () => {
    const bad = await admin.request('PATCH', '/api/admin/settings', { minimumPayout: '0', platformFeePercent: '101', payoutWithholdingPercent: '1.234' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['minimumPayout', 'payoutWithholdingPercent', 'platformFeePercent']);
    const fresh = await admin.request('GET', '/api/admin/settings');
    expect(fresh.body).toMatchObject({
      minimumPayout: '1000.00',
      payoutWithholdingPercent: '0',
      walletTransferLimit: '50000.00',
      bankTransferLimit: '200000.00',
    });
  });
});
