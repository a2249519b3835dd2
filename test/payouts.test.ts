import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../sdk/src/index.ts';
import { auditLog } from '../src/modules/audit/audit.tables.ts';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { payoutMethods } from '../src/modules/affiliates/affiliates.tables.ts';
import { verifyLedger } from '../src/modules/ledger/verify-ledger.ts';
import { domainEvents } from '../src/platform/events/events.tables.ts';
import { backend } from './support/database.ts';
import { insertCampaign } from './support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { approvedCommission } from './support/money-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

let t: TestApp;
let admin: SessionClient;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  t = await createTestApp({ listen: true, config: { outboundAllowPrivate: true, webhookRetryScheduleSeconds: [0, 0, 0] } });
  admin = await signIn(t, (await makeAdmin(t)).email);
  expect((await admin.request('PATCH', '/api/admin/settings', { minimumPayout: '100.00' })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await receiver.stop();
});

interface Seller {
  merchant: TestMerchant;
  campaign: CampaignRow;
}
async function seller(): Promise<Seller> {
  const merchant = await makeMerchant(t);
  const campaign = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
  return { merchant, campaign };
}

async function affiliateWithMethod(method: Record<string, string> = { type: 'ESEWA', accountHolderName: 'Sita Sharma', mobileNumber: '9812345678' }) {
  const a = await makeAffiliate(t);
  const session = await signIn(t, a.email);
  const added = await session.request('POST', '/api/affiliate/payout-methods', method);
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  return { ...a, session, methodId: added.body.id as string };
}

/** Orders kept → statement issued → paid in full: the commissions are payable. */
async function payable(s: Seller, affiliateId: string, amounts: string[]) {
  const made = [];
  for (const amount of amounts) made.push(await approvedCommission(t, s.merchant, s.campaign, affiliateId, amount));
  const statement = await admin.request('POST', `/api/admin/merchants/${s.merchant.merchantId}/statements`);
  expect(statement.status, JSON.stringify(statement.body)).toBe(201);
  const paid = await admin.request('POST', `/api/admin/statements/${statement.body.id}/payments`, {
    amount: statement.body.total,
    reference: `BANK-${statement.body.id}`,
  });
  expect(paid.body.status).toBe('paid');
  return made;
}

const wallet = async (session: SessionClient, currency = 'NPR') =>
  (await session.request('GET', '/api/affiliate/wallet')).body.balances.find((b: { currency: string }) => b.currency === currency);
const clean = async () => expect((await verifyLedger(t.platform.db)).mismatches).toEqual([]);

describe(`payouts on ${backend}`, () => {
  it('the whole journey: orders → statement → payment → payable → request → approve → batch → export → paid', async () => {
    const s = await seller();
    const route = receiver.route();
    const endpoint = await s.merchant.live.post('/api/v1/webhook-endpoints', {
      url: route.url,
      events: ['statement.issued', 'statement.paid', 'payout.processed'],
    });
    expect(endpoint.status).toBe(201);
    await admin.request('PATCH', '/api/admin/settings', { payoutWithholdingPercent: '15' });
    const a = await affiliateWithMethod();

    const [first, second] = [
      await approvedCommission(t, s.merchant, s.campaign, a.affiliateId, '6000.00'),
      await approvedCommission(t, s.merchant, s.campaign, a.affiliateId, '4000.00'),
    ];
    expect(await wallet(a.session)).toEqual({ currency: 'NPR', pending: '1000.00', payable: '0.00', processing: '0.00', paid: '0.00' });
    const early = await a.session.request('POST', '/api/affiliate/payouts', {});
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('PAYOUT_BELOW_MINIMUM');

    const statement = await admin.request('POST', `/api/admin/merchants/${s.merchant.merchantId}/statements`);
    expect(statement.body).toMatchObject({ commissionCount: 2, total: '1000.00' });
    await admin.request('POST', `/api/admin/statements/${statement.body.id}/payments`, { amount: '1000.00', reference: 'NIC-778' });
    expect(await wallet(a.session)).toMatchObject({ pending: '0.00', payable: '1000.00' });

    const requested = await a.session.request('POST', '/api/affiliate/payouts');
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    expect(requested.body).toMatchObject({
      status: 'requested',
      amount: '1000.00',
      currency: 'NPR',
      payoutMethodId: a.methodId,
      commissionCount: 2,
      withheldAmount: '150.00',
      netAmount: '850.00',
    });
    expect(await wallet(a.session)).toMatchObject({ payable: '0.00', processing: '1000.00', paid: '0.00' });
    await clean();

    const queue = await admin.request('GET', '/api/admin/payouts?status=requested');
    const row = queue.body.data.find((p: { id: string }) => p.id === requested.body.id);
    expect(row).toMatchObject({
      affiliateId: a.affiliateId,
      review: { accountAgeDays: 0, payoutMethodChangedRecently: true, openRiskReviews: 0, reversedShare: '0' },
    });
    expect((await admin.request('GET', '/api/admin/payouts/counts')).body.requested).toBeGreaterThanOrEqual(1);
    expect((await admin.request('POST', `/api/admin/payouts/${requested.body.id}/paid`, { reference: 'TOO-EARLY' })).body.error.code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await admin.request('POST', `/api/admin/payouts/${requested.body.id}/approve`)).body.status).toBe('approved');

    const batch = await admin.request('POST', '/api/admin/payout-batches', { method: 'ESEWA' });
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ method: 'ESEWA', count: 1, total: '850.00', currency: 'NPR', payoutIds: [requested.body.id] });
    expect((await admin.request('POST', '/api/admin/payout-batches', { method: 'ESEWA' })).body.error.code).toBe('NOTHING_TO_PAY');
    const exported = await admin.request('GET', `/api/admin/payout-batches/${batch.body.id}/export`);
    expect(String(exported.headers['content-type'])).toContain('text/csv');
    expect(String(exported.body).trim().split('\n')).toEqual([
      'payoutId,transfer,transfers,accountHolderName,mobileNumber,amount,currency',
      `${requested.body.id},1,1,Sita Sharma,9812345678,850.00,NPR`,
    ]);
    const audits = await t.platform.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, batch.body.id), eq(auditLog.action, 'payout_batch.exported')));
    expect(audits.map((r) => r.actorUserId)).toEqual([admin.user.id]);
    // At rest the number stays sealed.
    const [stored] = await t.platform.db.select().from(payoutMethods).where(eq(payoutMethods.id, a.methodId));
    expect(stored!.accountSealed).not.toContain('9812345678');

    const paid = await admin.request('POST', `/api/admin/payouts/${requested.body.id}/paid`, { reference: 'ESW-0001' });
    expect(paid.body).toMatchObject({ status: 'paid', reference: 'ESW-0001' });
    expect((await admin.request('POST', `/api/admin/payouts/${requested.body.id}/paid`, { reference: 'ESW-0001' })).body.error.code).toBe('INVALID_TRANSITION');
    expect(await wallet(a.session)).toMatchObject({ payable: '0.00', processing: '0.00', paid: '850.00' });
    for (const c of [first, second])
      expect((await s.merchant.live.get(`/api/v1/orders/${c.orderId}`)).body.commission).toMatchObject({ status: 'paid', payoutId: requested.body.id });
    const history = (await a.session.request('GET', '/api/affiliate/payouts')).body.data;
    expect(history.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([[requested.body.id, 'paid']]);
    expect((await a.session.request('GET', '/api/affiliate/commissions?status=paid')).body.total).toBe(2);
    await clean();

    await t.platform.worker.runDueJobs();
    const received = await receiver.waitFor(route.path, 3, 10_000);
    const events = received.map((r) => verifyWebhook(endpoint.body.secret, r.body, r.headers));
    expect(events.map((e) => e.type)).toEqual(['statement.issued', 'statement.paid', 'payout.processed']);
    const processed = events[2]!.data as { payoutId: string; commissions: Array<{ commissionId: string }> };
    expect(processed.payoutId).toBe(requested.body.id);
    expect(processed.commissions.map((c) => c.commissionId).sort()).toEqual([first.commissionId, second.commissionId].sort());
    await admin.request('PATCH', '/api/admin/settings', { payoutWithholdingPercent: '0' });
  });

  it('rejection, cancellation and failure return the money to payable, and it can be requested again', async () => {
    const s = await seller();
    const a = await affiliateWithMethod({
      type: 'BANK_ACCOUNT',
      accountHolderName: 'Ram Thapa',
      bankName: 'Nabil Bank',
      branch: 'Pokhara',
      accountNumber: '01234567890123',
    });
    await payable(s, a.affiliateId, ['2000.00']);
    const request = async () => {
      const r = await a.session.request('POST', '/api/affiliate/payouts', { currency: 'NPR', payoutMethodId: a.methodId });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };

    const cancelled = await request();
    expect((await a.session.request('POST', `/api/affiliate/payouts/${cancelled}/cancel`)).body).toMatchObject({ status: 'cancelled' });
    expect((await a.session.request('POST', `/api/affiliate/payouts/${cancelled}/cancel`)).body.error.code).toBe('INVALID_TRANSITION');
    expect(await wallet(a.session)).toMatchObject({ payable: '200.00', processing: '0.00' });

    const rejected = await request();
    expect((await admin.request('POST', `/api/admin/payouts/${rejected}/reject`, {})).status).toBe(400);
    expect((await admin.request('POST', `/api/admin/payouts/${rejected}/reject`, { reason: 'Verify your identity first' })).body).toMatchObject({
      status: 'rejected',
      reason: 'Verify your identity first',
    });
    // Once reviewed, the affiliate can no longer cancel it.
    expect((await a.session.request('POST', `/api/affiliate/payouts/${rejected}/cancel`)).body.error.code).toBe('INVALID_TRANSITION');

    const failed = await request();
    await admin.request('POST', `/api/admin/payouts/${failed}/approve`);
    const batch = (await admin.request('POST', '/api/admin/payout-batches', { method: 'BANK_ACCOUNT' })).body;
    expect(batch.payoutIds).toEqual([failed]);
    const csv = String((await admin.request('GET', `/api/admin/payout-batches/${batch.id}/export`)).body);
    expect(csv.split('\n')[0]).toBe('payoutId,transfer,transfers,accountHolderName,bankName,bankCode,branch,accountNumber,amount,currency');
    expect(csv).toContain(`${failed},1,1,Ram Thapa,Nabil Bank,,Pokhara,01234567890123,200.00,NPR`);
    expect((await admin.request('POST', `/api/admin/payouts/${failed}/failed`, { reason: 'Account closed' })).body).toMatchObject({
      status: 'failed',
      reason: 'Account closed',
    });
    expect(await wallet(a.session)).toMatchObject({ payable: '200.00', processing: '0.00', paid: '0.00' });

    const again = await request();
    expect(
      (await a.session.request('GET', '/api/affiliate/payouts')).body.data.map((p: { id: string; status: string; reason: string | null }) => [p.id, p.status]),
    ).toEqual([
      [again, 'requested'],
      [failed, 'failed'],
      [rejected, 'rejected'],
      [cancelled, 'cancelled'],
    ]);
    await clean();
  });

  it('refuses without a payout method, with an unknown one, and another affiliate’s payout is not found', async () => {
    const a = await makeAffiliate(t);
    const session = await signIn(t, a.email);
    const none = await session.request('POST', '/api/affiliate/payouts', {});
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('NO_PAYOUT_METHOD');
    const unknown = await session.request('POST', '/api/affiliate/payouts', { payoutMethodId: 'pm_nope' });
    expect(unknown.status).toBe(404);
    const s = await seller();
    const owner = await affiliateWithMethod();
    await payable(s, owner.affiliateId, ['1500.00']);
    const mine = (await owner.session.request('POST', '/api/affiliate/payouts')).body.id;
    expect((await session.request('POST', `/api/affiliate/payouts/${mine}/cancel`)).status).toBe(404);
    expect((await session.request('POST', '/api/affiliate/payouts', { payoutMethodId: owner.methodId })).status).toBe(404);
  });

  it('splits a payout above the rail limit into several transfer rows of the same payout', async () => {
    const s = await seller();
    await admin.request('PATCH', '/api/admin/settings', { walletTransferLimit: '100.00' });
    const a = await affiliateWithMethod({ type: 'KHALTI', accountHolderName: 'Gita Rai', mobileNumber: '9801112223' });
    await payable(s, a.affiliateId, ['2505.00']);
    const id = (await a.session.request('POST', '/api/affiliate/payouts')).body.id;
    await admin.request('POST', `/api/admin/payouts/${id}/approve`);
    const batch = (await admin.request('POST', '/api/admin/payout-batches', { method: 'KHALTI' })).body;
    const lines = String((await admin.request('GET', `/api/admin/payout-batches/${batch.id}/export`)).body)
      .trim()
      .split('\n')
      .slice(1);
    expect(lines).toEqual([`${id},1,3,Gita Rai,9801112223,100.00,NPR`, `${id},2,3,Gita Rai,9801112223,100.00,NPR`, `${id},3,3,Gita Rai,9801112223,50.50,NPR`]);
    await admin.request('PATCH', '/api/admin/settings', { walletTransferLimit: '50000.00' });
    // A rail reference pays one payout only.
    await admin.request('POST', `/api/admin/payouts/${id}/paid`, { reference: 'KHL-1' });
    await payable(s, a.affiliateId, ['1500.00']);
    const next = (await a.session.request('POST', '/api/affiliate/payouts')).body.id;
    await admin.request('POST', `/api/admin/payouts/${next}/approve`);
    await admin.request('POST', '/api/admin/payout-batches', { method: 'KHALTI' });
    const reused = await admin.request('POST', `/api/admin/payouts/${next}/paid`, { reference: 'KHL-1' });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('REFERENCE_ALREADY_USED');
    await clean();
  });

  it('clawbacks: a reversal after payment goes negative, blocks payouts, nets against the next one, and credits the merchant', async () => {
    const s = await seller();
    const a = await affiliateWithMethod();
    const [kept, refunded] = await payable(s, a.affiliateId, ['3000.00', '2000.00']);
    const first = (await a.session.request('POST', '/api/affiliate/payouts')).body.id;
    await admin.request('POST', `/api/admin/payouts/${first}/approve`);
    await admin.request('POST', '/api/admin/payout-batches', { method: 'ESEWA' });
    await admin.request('POST', `/api/admin/payouts/${first}/paid`, { reference: `R-${first}` });
    expect(await wallet(a.session)).toMatchObject({ payable: '0.00', paid: '500.00' });

    expect((await s.merchant.live.patch(`/api/v1/orders/${refunded!.orderId}`, { status: 'refunded' })).status).toBe(200);
    expect(await wallet(a.session)).toMatchObject({ payable: '-200.00', paid: '500.00' });
    const adjustments = (await a.session.request('GET', '/api/affiliate/wallet')).body.adjustments;
    expect(adjustments[0]).toMatchObject({ kind: 'clawback', amount: '-200.00', orderId: refunded!.orderId, commissionId: refunded!.commissionId });
    const blocked = await a.session.request('POST', '/api/affiliate/payouts');
    expect(blocked.body.error.code).toBe('PAYOUT_BELOW_MINIMUM');

    // The merchant gets the reversed commission back on its next statement.
    await payable(s, a.affiliateId, ['4000.00']);
    const statements = (await s.merchant.live.get('/api/v1/statements')).body.data;
    expect(statements[0]).toMatchObject({ number: 2, commissionTotal: '400.00', credits: '200.00', total: '200.00' });

    const second = await a.session.request('POST', '/api/affiliate/payouts');
    expect(second.body).toMatchObject({ amount: '200.00', commissionCount: 1 });
    await admin.request('POST', `/api/admin/payouts/${second.body.id}/approve`);
    await admin.request('POST', '/api/admin/payout-batches', { method: 'ESEWA' });
    await admin.request('POST', `/api/admin/payouts/${second.body.id}/paid`, { reference: `R-${second.body.id}` });
    expect(await wallet(a.session)).toMatchObject({ payable: '0.00', processing: '0.00', paid: '700.00' });
    expect((await s.merchant.live.get(`/api/v1/orders/${kept!.orderId}`)).body.commission.status).toBe('paid');
    await clean();
  });

  it('a commission reversed while its payout is open is paid anyway and clawed back from the next one', async () => {
    const s = await seller();
    const a = await affiliateWithMethod();
    const [, refunded] = await payable(s, a.affiliateId, ['3000.00', '2000.00']);
    const id = (await a.session.request('POST', '/api/affiliate/payouts')).body.id;
    await admin.request('POST', `/api/admin/payouts/${id}/approve`);
    await admin.request('POST', '/api/admin/payout-batches', { method: 'ESEWA' });
    await s.merchant.live.patch(`/api/v1/orders/${refunded!.orderId}`, { status: 'refunded' });
    await clean();
    const paid = await admin.request('POST', `/api/admin/payouts/${id}/paid`, { reference: `R-${id}` });
    expect(paid.body.status).toBe('paid');
    // The rail sent 500.00; 200.00 of it was for the reversed commission.
    expect(await wallet(a.session)).toMatchObject({ payable: '-200.00', processing: '0.00', paid: '500.00' });
    expect((await s.merchant.live.get(`/api/v1/orders/${refunded!.orderId}`)).body.commission.status).toBe('reversed');
    await clean();
  });

  it('only affiliates and admins reach their payout routes', async () => {
    const m = await makeMerchant(t);
    const merchantSession = await signIn(t, m.email);
    expect((await merchantSession.request('GET', '/api/affiliate/payouts')).status).toBe(403);
    expect((await merchantSession.request('GET', '/api/admin/payouts')).status).toBe(403);
    expect((await merchantSession.request('POST', '/api/admin/payout-batches', { method: 'ESEWA' })).status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/payout-batches' })).statusCode).toBe(401);
  });

  it('events are recorded in the transaction of the change', async () => {
    const rows = await t.platform.db
      .select({ type: domainEvents.type })
      .from(domainEvents)
      .where(eq(domainEvents.type, 'payout.processed'))
      .orderBy(asc(domainEvents.createdAt));
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});
