import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { findApprovedDomains } from '../src/modules/merchants/approved-domains.ts';
import { isUrlOnDomains } from '../src/modules/merchants/domains.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeMerchant, PASSWORD, signIn, type SessionClient } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let admin: SessionClient;
let adminUserId: string;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  const created = await makeAdmin(t);
  adminUserId = created.userId;
  admin = await signIn(t, created.email);
});
afterAll(() => t.close());

let counter = 0;
async function signUpMerchant(domains: string[]) {
  const email = `applicant-${++counter}-${Date.now()}@example.com`;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: {
      role: 'merchant',
      email,
      password: PASSWORD,
      businessName: `Applicant ${counter}`,
      website: `https://${domains[0]}`,
      contactName: 'Bina',
      contactPhone: '+977 1 5555555',
      domains,
    },
  });
  expect(response.statusCode).toBe(201);
  const session = await signIn(t, email);
  return { email, merchantId: session.user.merchantId!, session };
}

const auditFor = async (subjectId: string) =>
  (await admin.request('GET', `/api/admin/audit-log?subjectId=${subjectId}`)).body.data as Array<Record<string, unknown>>;

describe(`merchant review on ${backend}`, () => {
  it('keeps a new merchant pending, then an admin approves it: domains approved, keys issued, audited', async () => {
    const applicant = await signUpMerchant(['approve-me.example.com']);
    const pending = await applicant.session.request('GET', '/api/merchant/account');
    expect(pending.body).toMatchObject({
      status: 'PENDING_REVIEW',
      businessName: expect.stringMatching(/^Applicant/),
      contactName: 'Bina',
      domains: [{ domain: 'approve-me.example.com', status: 'PENDING' }],
    });
    expect((await applicant.session.request('GET', '/api/merchant/api-keys')).body.total).toBe(0);

    const queue = await admin.request('GET', '/api/admin/merchants?status=PENDING_REVIEW&pageSize=200');
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((m: { id: string }) => m.id)).toContain(applicant.merchantId);
    expect(queue.body.data.every((m: { status: string }) => m.status === 'PENDING_REVIEW')).toBe(true);
    // The queue shows each store with the domains it asked for, as the approvals page lists them.
    expect(queue.body.data.find((m: { id: string }) => m.id === applicant.merchantId).domains).toMatchObject([
      { domain: 'approve-me.example.com', status: 'PENDING' },
    ]);
    const detail = await admin.request('GET', `/api/admin/merchants/${applicant.merchantId}`);
    expect(detail.body).toMatchObject({
      id: applicant.merchantId,
      email: applicant.email,
      status: 'PENDING_REVIEW',
      domains: [{ domain: 'approve-me.example.com' }],
    });

    const approved = await admin.request('POST', `/api/admin/merchants/${applicant.merchantId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', domains: [{ domain: 'approve-me.example.com', status: 'APPROVED' }] });
    expect(JSON.stringify(approved.body)).not.toMatch(/sk_(test|live)_/);
    expect(await findApprovedDomains(applicant.merchantId, t.platform.db)).toEqual(['approve-me.example.com']);
    expect(isUrlOnDomains('https://www.approve-me.example.com/p/1', await findApprovedDomains(applicant.merchantId, t.platform.db))).toBe(true);

    const [entry] = await auditFor(applicant.merchantId);
    expect(entry).toMatchObject({
      action: 'merchant.approved',
      actorUserId: adminUserId,
      subjectType: 'merchant',
      details: { domains: ['approve-me.example.com'] },
    });
    expect(Date.parse(entry!.createdAt as string)).toBeGreaterThan(Date.now() - 60_000);

    // A second approval is refused and not audited again.
    const twice = await admin.request('POST', `/api/admin/merchants/${applicant.merchantId}/approve`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_TRANSITION');
    expect(await auditFor(applicant.merchantId)).toHaveLength(1);
  });

  it('lets the merchant reveal each secret issued at approval exactly once, and it signs requests', async () => {
    const applicant = await signUpMerchant(['reveal-me.example.com']);
    await admin.request('POST', `/api/admin/merchants/${applicant.merchantId}/approve`);
    const keys = await applicant.session.request('GET', '/api/merchant/api-keys');
    expect(keys.body.total).toBe(2);
    expect(keys.body.data.every((k: { secretRevealable: boolean; status: string }) => k.secretRevealable && k.status === 'active')).toBe(true);
    const testKey = keys.body.data.find((k: { mode: string }) => k.mode === 'test');
    const revealed = await applicant.session.request('POST', `/api/merchant/api-keys/${testKey.id}/reveal`);
    expect(revealed.status).toBe(200);
    expect(revealed.body.signingSecret).toMatch(/^sk_test_/);
    expect(testKey.secretHint).toBe(`sk_test_…${revealed.body.signingSecret.slice(-4)}`);
    const client = new InfluencemartClient({
      baseUrl: t.url,
      publishableKey: revealed.body.publishableKey,
      signingSecret: revealed.body.signingSecret,
      maxRetries: 0,
    });
    const account = await client.get('/api/v1/account');
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ merchantId: applicant.merchantId, livemode: false });

    const again = await applicant.session.request('POST', `/api/merchant/api-keys/${testKey.id}/reveal`);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).not.toContain(revealed.body.signingSecret);
    const actions = (await auditFor(testKey.id)).map((e) => e.action);
    expect(actions).toEqual(['api_key.secret_revealed']);
  });

  it('rejects an application with a reason the merchant can read; it cannot be approved afterwards', async () => {
    const applicant = await signUpMerchant(['reject-me.example.com']);
    const missingReason = await admin.request('POST', `/api/admin/merchants/${applicant.merchantId}/reject`, {});
    expect(missingReason.status).toBe(400);
    const rejected = await admin.request('POST', `/api/admin/merchants/${applicant.merchantId}/reject`, { reason: 'Website does not show a returns policy' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'Website does not show a returns policy' });
    const seen = await applicant.session.request('GET', '/api/merchant/account');
    expect(seen.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'Website does not show a returns policy' });
    expect((await admin.request('POST', `/api/admin/merchants/${applicant.merchantId}/approve`)).status).toBe(409);
    expect((await applicant.session.request('GET', '/api/merchant/api-keys')).body.total).toBe(0);
    const entries = await auditFor(applicant.merchantId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'merchant.rejected', actorUserId: adminUserId, details: { reason: 'Website does not show a returns policy' } });
    const rejectedList = await admin.request('GET', '/api/admin/merchants?status=REJECTED');
    expect(rejectedList.body.data.map((m: { id: string }) => m.id)).toContain(applicant.merchantId);
    expect((await admin.request('GET', '/api/admin/merchants/mer_doesnotexist')).status).toBe(404);
    expect((await admin.request('POST', '/api/admin/merchants/mer_doesnotexist/approve')).status).toBe(404);
  });

  it('reviews domains a merchant asks for later: approve, reject with reason, change its mind', async () => {
    const merchant = await makeMerchant(t);
    const session = await signIn(t, merchant.email);
    const asked = await session.request('POST', '/api/v1/domains', { domain: 'https://Second-Shop.example.net/' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ domain: 'second-shop.example.net', status: 'PENDING' });
    const queue = await admin.request('GET', '/api/admin/domains?status=PENDING&pageSize=200');
    expect(queue.body.data).toContainEqual(expect.objectContaining({ id: asked.body.id, merchantId: merchant.merchantId, domain: 'second-shop.example.net' }));
    expect(await findApprovedDomains(merchant.merchantId, t.platform.db)).toEqual([merchant.domain]);

    const rejected = await admin.request('POST', `/api/admin/domains/${asked.body.id}/reject`, { reason: 'Not owned by this business' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'Not owned by this business' });
    expect((await admin.request('POST', `/api/admin/domains/${asked.body.id}/reject`, { reason: 'again' })).status).toBe(409);
    const approved = await admin.request('POST', `/api/admin/domains/${asked.body.id}/approve`);
    expect(approved.body).toMatchObject({ status: 'APPROVED', rejectionReason: null });
    expect((await findApprovedDomains(merchant.merchantId, t.platform.db)).sort()).toEqual([merchant.domain, 'second-shop.example.net'].sort());
    expect((await auditFor(asked.body.id)).map((e) => e.action)).toEqual(['domain.approved', 'domain.rejected']);
    expect((await admin.request('POST', '/api/admin/domains/dom_nothing/approve')).status).toBe(404);
  });

  it('pages and filters the audit log, newest first, for admins only', async () => {
    const all = await admin.request('GET', '/api/admin/audit-log?pageSize=2');
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(2);
    expect(all.body.total).toBeGreaterThan(4);
    const page2 = await admin.request('GET', '/api/admin/audit-log?pageSize=2&page=2');
    expect(page2.body.data.map((e: { id: string }) => e.id)).not.toContain(all.body.data[0].id);
    const stamps = [...all.body.data, ...page2.body.data].map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
    const approvals = await admin.request('GET', '/api/admin/audit-log?action=merchant.approved&pageSize=200');
    expect(approvals.body.data.length).toBeGreaterThan(0);
    expect(approvals.body.data.every((e: { action: string }) => e.action === 'merchant.approved')).toBe(true);
    const byAdmin = approvals.body.data.find((e: { actorUserId: string | null }) => e.actorUserId === adminUserId);
    expect(byAdmin.actorEmail).toMatch(/^admin-/);

    const merchant = await makeMerchant(t);
    const session = await signIn(t, merchant.email);
    expect((await session.request('GET', '/api/admin/audit-log')).status).toBe(403);
    expect((await session.request('POST', `/api/admin/merchants/${merchant.merchantId}/reject`, { reason: 'self' })).status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/audit-log' })).statusCode).toBe(401);
  });
});
