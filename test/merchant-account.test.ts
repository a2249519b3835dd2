import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMerchant } from '../src/modules/accounts/accounts.service.ts';
import { backend } from './support/database.ts';
import { makeAffiliate, makeMerchant, signIn } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`merchant account for the dashboard on ${backend}`, () => {
  it('shows the signed-in merchant its own store, pending review until approved', async () => {
    const merchant = await makeMerchant(t, { approved: false, businessName: 'Kathmandu Tea House' });
    const session = await signIn(t, merchant.email);
    const pending = await session.request('GET', '/api/merchant/account');
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({
      merchantId: merchant.merchantId,
      businessName: 'Kathmandu Tea House',
      status: 'PENDING_REVIEW',
      reviewedAt: null,
      domains: [{ domain: merchant.domain, status: 'PENDING' }],
    });

    await approveMerchant(t.platform.db, t.platform.secrets, merchant.merchantId, null);
    const approved = await session.request('GET', '/api/merchant/account');
    expect(approved.body).toMatchObject({ status: 'APPROVED', domains: [{ domain: merchant.domain, status: 'APPROVED' }] });
    expect(approved.body.reviewedAt).toEqual(expect.any(String));
  });

  it('needs a merchant session', async () => {
    const anonymous = await t.app.inject('/api/merchant/account');
    expect(anonymous.statusCode).toBe(401);
    const affiliate = await makeAffiliate(t);
    const session = await signIn(t, affiliate.email, affiliate.password);
    const forbidden = await session.request('GET', '/api/merchant/account');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
