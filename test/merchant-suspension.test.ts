import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeAdmin, makeMerchant, signIn, type SessionClient } from './support/factories.ts';
import { makeLink } from './support/link-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

// A long link cache: a suspension must reach cached links through the change itself.
let t: TestApp;
let admin: SessionClient;
let ip = 0;
beforeAll(async () => {
  t = await createTestApp({ listen: true, config: { linkCacheTtlMs: 600_000, clickRepeatWindowSeconds: 0 } });
  admin = await signIn(t, (await makeAdmin(t)).email);
});
afterAll(() => t.close());

async function click(code: string) {
  const response = await fetch(`${t.url}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': CHROME, 'x-forwarded-for': `198.51.100.${++ip % 250}` } });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!).searchParams.get('affiliate_click_id');
}

describe(`suspending and reinstating a merchant on ${backend}`, () => {
  it('finds merchants by part of the store name or email, with wildcards taken literally', async () => {
    const merchant = await makeMerchant(t, { businessName: 'Himalayan 100%_Tea House' });
    const byName = await admin.request('GET', '/api/admin/merchants?q=100%25_tea');
    expect(byName.body.data.map((m: { id: string }) => m.id)).toEqual([merchant.merchantId]);
    expect(byName.body.total).toBe(1);
    const byEmail = await admin.request('GET', `/api/admin/merchants?q=${encodeURIComponent(merchant.email.toUpperCase())}&status=APPROVED`);
    expect(byEmail.body.data.map((m: { id: string }) => m.id)).toEqual([merchant.merchantId]);
    expect((await admin.request('GET', `/api/admin/merchants?q=${encodeURIComponent(merchant.email)}&status=SUSPENDED`)).body.total).toBe(0);
    expect((await admin.request('GET', '/api/admin/merchants?q=%25')).body.total).toBe(1);
  });

  it('stops its keys and attributable clicks (links still redirect), tells the merchant why, and undoes it on reinstatement', async () => {
    const merchant = await makeMerchant(t);
    const { link } = await makeLink(t, merchant);
    expect(await click(link.code)).toMatch(/^clk_/);
    expect((await merchant.live.get('/api/v1/account')).status).toBe(200);

    const missing = await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/suspend`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('reason');

    const suspended = await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/suspend`, { reason: 'Chargebacks under investigation' });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', suspensionReason: 'Chargebacks under investigation' });
    expect(await click(link.code)).toBeNull();
    const refused = await merchant.live.get('/api/v1/account');
    expect(refused.status).toBe(403);
    const session = await signIn(t, merchant.email);
    expect((await session.request('GET', '/api/merchant/account')).body).toMatchObject({
      status: 'SUSPENDED',
      suspensionReason: 'Chargebacks under investigation',
    });
    expect((await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/suspend`, { reason: 'again' })).body.error.code).toBe(
      'INVALID_TRANSITION',
    );

    const reinstated = await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/reinstate`);
    expect(reinstated.status).toBe(200);
    expect(reinstated.body).toMatchObject({ status: 'APPROVED', suspensionReason: null });
    expect(await click(link.code)).toMatch(/^clk_/);
    expect((await merchant.live.get('/api/v1/account')).status).toBe(200);
    expect((await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/reinstate`)).status).toBe(409);
    expect((await admin.request('POST', '/api/admin/merchants/mer_nobody/reinstate')).status).toBe(404);

    const audit = await admin.request('GET', `/api/admin/audit-log?subjectId=${merchant.merchantId}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['merchant.reinstated', 'merchant.suspended', 'merchant.approved']);
    expect(audit.body.data[1].details).toEqual({ reason: 'Chargebacks under investigation' });
    expect((await session.request('POST', `/api/admin/merchants/${merchant.merchantId}/suspend`, { reason: 'self' })).status).toBe(403);
  });

  it('refuses to suspend a merchant that is not approved', async () => {
    const pending = await makeMerchant(t, { approved: false });
    const refused = await admin.request('POST', `/api/admin/merchants/${pending.merchantId}/suspend`, { reason: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/PENDING_REVIEW/);
  });
});
