import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emails } from '../src/modules/email/email.tables.ts';
import { backend } from './support/database.ts';
import { insertCampaign } from './support/conversion-factories.ts';
import { makeCampaign } from './support/catalog-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant, PASSWORD, signIn, type SessionClient } from './support/factories.ts';
import { approvedCommission } from './support/money-factories.ts';
import { startSmtpInbox, type SmtpInbox } from './support/smtp-inbox.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { WebhookReceiver } from './support/webhook-receiver.ts';

let inbox: SmtpInbox;
let receiver: WebhookReceiver;
let t: TestApp;
let admin: SessionClient;
beforeAll(async () => {
  inbox = await startSmtpInbox();
  receiver = await new WebhookReceiver().start();
  t = await createTestApp({ listen: true, config: { smtpUrl: inbox.url, outboundAllowPrivate: true, webhookRetryScheduleSeconds: [0] } });
  admin = await signIn(t, (await makeAdmin(t)).email);
});
afterAll(async () => {
  await t?.close();
  await receiver?.stop();
  await inbox?.close();
});
beforeEach(() => t.platform.worker.runDueJobs());

const deliver = () => t.platform.worker.runDueJobs();
const subjects = (address: string) => inbox.to(address).map((m) => m.subject);
const emailRows = (userId: string) => t.platform.db.select().from(emails).where(eq(emails.userId, userId));

describe(`notification emails on ${backend}`, () => {
  it('tell a merchant its store was approved, or rejected with the reason', async () => {
    const approved = await makeMerchant(t, { approved: false, businessName: 'Yeti Gear' });
    const rejected = await makeMerchant(t, { approved: false, businessName: 'Shady <Deals>' });
    expect((await admin.request('POST', `/api/admin/merchants/${approved.merchantId}/approve`)).status).toBe(200);
    expect((await admin.request('POST', `/api/admin/merchants/${rejected.merchantId}/reject`, { reason: 'The website does not exist' })).status).toBe(200);
    await deliver();
    expect(subjects(approved.email)).toEqual(['Yeti Gear is approved']);
    const [mail] = inbox.to(rejected.email);
    expect(mail!.subject).toBe('Shady <Deals> was not approved');
    expect(mail!.text).toContain('Reason: The website does not exist');
    expect(mail!.html).toContain('Shady &lt;Deals&gt;');
  });

  it('tell the merchant about a join request and the affiliate about the decision', async () => {
    const merchant = await makeMerchant(t);
    const campaign = await makeCampaign(t, merchant, { title: 'Trek Season', approvalRequired: true, approvedAt: new Date(), publicListing: true });
    const affiliate = await makeAffiliate(t, { displayName: 'Mountain Maya' });
    const session = await signIn(t, affiliate.email);
    const joined = await session.request('POST', `/api/affiliate/campaigns/${campaign.id}/join`);
    expect(joined.body.status, JSON.stringify(joined.body)).toBe('PENDING');
    const owner = await signIn(t, merchant.email);
    expect((await owner.request('POST', `/api/merchant/campaigns/${campaign.id}/join-requests/${affiliate.affiliateId}/approve`)).status).toBe(200);
    await deliver();
    expect(subjects(merchant.email)).toContain('Mountain Maya asks to join Trek Season');
    const [decided] = inbox.to(affiliate.email);
    expect(decided!.subject).toBe('Your request to join Trek Season was approved');
    expect(decided!.text).toContain('approved your request to promote Trek Season');
  });

  it('tell an affiliate a commission was approved, unless they turned that off', async () => {
    const merchant = await makeMerchant(t);
    const campaign = await insertCampaign(t.platform.db, {
      merchantId: merchant.merchantId,
      livemode: true,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
    });
    const affiliate = await makeAffiliate(t);
    const first = await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '250.00');
    await deliver();
    const [mail] = inbox.to(affiliate.email);
    expect(mail!.subject).toBe(`Commission approved: ${first.amount} ${campaign.currency}`);

    const session = await signIn(t, affiliate.email);
    const off = await session.request('PATCH', '/api/auth/email-settings', { notifications: [{ kind: 'commission_approved', enabled: false }] });
    expect(off.body.notifications).toContainEqual({ kind: 'commission_approved', enabled: false });
    expect(off.body.notifications).toContainEqual({ kind: 'payout_paid', enabled: true });
    await approvedCommission(t, merchant, campaign, affiliate.affiliateId, '80.00');
    await deliver();
    expect(inbox.to(affiliate.email)).toHaveLength(1);
    const rows = await emailRows(affiliate.userId);
    expect(rows.map((r) => [r.kind, r.status, r.error])).toContainEqual(['commission_approved', 'skipped', 'turned off by the user']);
    const bad = await session.request('PATCH', '/api/auth/email-settings', { notifications: [{ kind: 'password_reset', enabled: false }] });
    expect(bad.status).toBe(400);
  });

  it('send no notification to an address that is not verified yet', async () => {
    const email = `unverified-${Date.now()}@example.com`;
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { role: 'merchant', email, password: PASSWORD, businessName: 'Fresh Store', website: 'https://fresh.example.com' },
    });
    const merchantId = signup.json().user.merchantId as string;
    expect((await admin.request('POST', `/api/admin/merchants/${merchantId}/approve`)).status).toBe(200);
    await deliver();
    expect(subjects(email)).toEqual(['Confirm your email address']);
    const rows = await emailRows(signup.json().user.id);
    expect(rows.map((r) => [r.kind, r.status, r.error])).toContainEqual(['merchant_approved', 'skipped', 'email address not verified']);
  });

  it('tell an affiliate a payout was paid, and another that theirs failed and why', async () => {
    expect((await admin.request('PATCH', '/api/admin/settings', { minimumPayout: '10.00' })).status).toBe(200);
    const merchant = await makeMerchant(t);
    const campaign = await insertCampaign(t.platform.db, {
      merchantId: merchant.merchantId,
      livemode: true,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
    });
    const payees = [];
    for (const name of ['Sita Sharma', 'Ram Thapa']) {
      const a = await makeAffiliate(t);
      const session = await signIn(t, a.email);
      const method = await session.request('POST', '/api/affiliate/payout-methods', { type: 'ESEWA', accountHolderName: name, mobileNumber: '9812345678' });
      expect(method.status, JSON.stringify(method.body)).toBe(201);
      await approvedCommission(t, merchant, campaign, a.affiliateId, '1000.00');
      payees.push({ ...a, session });
    }
    const statement = await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/statements`);
    await admin.request('POST', `/api/admin/statements/${statement.body.id}/payments`, {
      amount: statement.body.total,
      reference: `BANK-${statement.body.id}`,
    });
    const ids: string[] = [];
    for (const p of payees) {
      const requested = await p.session.request('POST', '/api/affiliate/payouts');
      expect(requested.status, JSON.stringify(requested.body)).toBe(201);
      expect((await admin.request('POST', `/api/admin/payouts/${requested.body.id}/approve`)).body.status).toBe('approved');
      ids.push(requested.body.id);
    }
    expect((await admin.request('POST', '/api/admin/payout-batches', { method: 'ESEWA' })).status).toBe(201);
    expect((await admin.request('POST', `/api/admin/payouts/${ids[0]}/paid`, { reference: 'ESW-NOTIFY-1' })).body.status).toBe('paid');
    expect((await admin.request('POST', `/api/admin/payouts/${ids[1]}/failed`, { reason: 'wallet closed' })).body.status).toBe('failed');
    await deliver();
    const paid = inbox.to(payees[0]!.email).find((m) => m.subject.startsWith('Payout paid'));
    expect(paid!.text).toContain('reference ESW-NOTIFY-1');
    const failed = inbox.to(payees[1]!.email).find((m) => m.subject.startsWith('Payout failed'));
    expect(failed!.text).toContain('could not be paid: wallet closed');
  });

  it('tell a merchant the platform disabled a webhook endpoint that answered 410', async () => {
    const merchant = await makeMerchant(t);
    const route = receiver.route([{ status: 410 }]);
    const endpoint = await merchant.test.post('/api/v1/webhook-endpoints', { url: route.url, events: ['*'] });
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);
    expect((await merchant.test.post(`/api/v1/webhook-endpoints/${endpoint.body.id}/test`)).status).toBeLessThan(300);
    await deliver();
    await deliver();
    expect((await merchant.test.get(`/api/v1/webhook-endpoints/${endpoint.body.id}`)).body).toMatchObject({ disabled: true, disabledReason: 'gone' });
    const mail = inbox.to(merchant.email).find((m) => m.subject === 'A webhook endpoint was disabled');
    expect(mail!.text).toContain(route.url);
  });
});
