import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommissionRules } from '../src/modules/commissions/index.ts';
import { resolveCommission } from '../src/modules/commissions/resolve-commission.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeMerchant, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let admin: SessionClient;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
  admin = await signIn(t, (await makeAdmin(t)).email);
});
afterAll(() => t.close());

describe(`merchant default commission on ${backend}`, () => {
  it('is unset at first, then set, changed and cleared through PATCH /api/v1/account', async () => {
    expect((await merchant.test.get('/api/v1/account')).body).toMatchObject({ defaultCommissionType: null, defaultCommissionValue: null });
    const set = await merchant.test.patch('/api/v1/account', { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '8' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '8', currency: 'NPR' });
    expect((await merchant.live.get('/api/v1/account')).body).toMatchObject({ defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '8' });
    expect((await merchant.test.patch('/api/v1/account', { defaultCommissionValue: '8.25' })).body.defaultCommissionValue).toBe('8.25');
    expect((await merchant.test.patch('/api/v1/account', { defaultCommissionType: 'FIXED', defaultCommissionValue: '50' })).body.defaultCommissionValue).toBe(
      '50.00',
    );
    const cleared = await merchant.test.patch('/api/v1/account', { defaultCommissionType: null, defaultCommissionValue: null });
    expect(cleared.body).toMatchObject({ defaultCommissionType: null, defaultCommissionValue: null });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a JSON number', { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 8 }, 'defaultCommissionValue', 'MUST_BE_DECIMAL_STRING'],
    ['a type alone', { defaultCommissionType: 'FIXED' }, 'defaultCommissionValue', 'REQUIRED_TOGETHER'],
    ['a percentage above 100', { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '120' }, 'defaultCommissionValue', 'INVALID_PERCENTAGE'],
    ['an unknown field', { holdDays: 3 }, 'holdDays', 'UNKNOWN_FIELD'],
  ])('rejects %s', async (_name, body, field, code) => {
    const response = await merchant.test.patch('/api/v1/account', body);
    expect(response.status).toBe(400);
    expect(response.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
  });
});

describe(`platform settings on ${backend}`, () => {
  it('defaults to PERCENTAGE 5 and lets the admin change it', async () => {
    const initial = await admin.request('GET', '/api/admin/settings');
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '5', currency: 'NPR', updatedAt: null });
    const changed = await admin.request('PATCH', '/api/admin/settings', { defaultCommissionValue: '6.5' });
    expect(changed.body).toMatchObject({ defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '6.5' });
    expect(changed.body.updatedAt).toEqual(expect.any(String));
    expect((await admin.request('GET', '/api/admin/settings')).body.defaultCommissionValue).toBe('6.5');
    const invalid = await admin.request('PATCH', '/api/admin/settings', { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '101' });
    expect(invalid.status).toBe(400);
    const restored = await admin.request('PATCH', '/api/admin/settings', { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '5' });
    expect(restored.body.defaultCommissionValue).toBe('5');
    // Each saved change is audited with what the admin wrote; the refused one is not.
    const audit = await admin.request('GET', '/api/admin/audit-log?action=platform_settings.changed');
    expect(audit.body.data.map((e: { details: unknown }) => e.details)).toEqual([
      { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '5' },
      { defaultCommissionValue: '6.5' },
    ]);
    expect(audit.body.data[0]).toMatchObject({ subjectType: 'platform_settings', actorUserId: admin.user.id });
  });

  it('is for admins only', async () => {
    const session = await signIn(t, merchant.email);
    expect((await session.request('GET', '/api/admin/settings')).status).toBe(403);
    expect((await session.request('PATCH', '/api/admin/settings', { defaultCommissionValue: '50' })).status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/settings' })).statusCode).toBe(401);
  });
});

describe(`commission rules loaded from the catalog on ${backend}`, () => {
  it('resolves product → campaign → merchant → platform from stored data', async () => {
    const shop = await makeMerchant(t);
    const withDefault = (
      await shop.test.post('/api/v1/campaigns', { title: 'With default', defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '10' })
    ).body;
    const withoutDefault = (await shop.test.post('/api/v1/campaigns', { title: 'Without default' })).body;
    const url = `https://${shop.domain}/p`;
    await shop.test.post('/api/v1/products/import', {
      products: [
        { externalProductId: 'OWN-PCT', name: 'a', productUrl: url, price: '49.90', commissionType: 'PERCENTAGE', commissionValue: '5' },
        { externalProductId: 'OWN-FIXED', name: 'b', productUrl: url, price: '1000.00', commissionType: 'FIXED', commissionValue: '25' },
        { externalProductId: 'NO-RATE', name: 'c', productUrl: url, price: '100.00' },
      ],
    });
    await shop.live.post('/api/v1/products/import', {
      products: [{ externalProductId: 'LIVE-ONLY', name: 'd', productUrl: url, price: '1.00', commissionType: 'FIXED', commissionValue: '1' }],
    });

    const scope = {
      merchantId: shop.merchantId,
      livemode: false,
      campaignId: withDefault.id,
      skus: ['OWN-PCT', 'OWN-FIXED', 'NO-RATE', 'UNKNOWN', 'LIVE-ONLY'],
    };
    const rules = await loadCommissionRules(t.platform.db, scope);
    expect([...rules.products.keys()].sort()).toEqual(['NO-RATE', 'OWN-FIXED', 'OWN-PCT']);
    const lines = [
      { sku: 'OWN-PCT', quantity: 1, unitPriceMinor: 4990n },
      { sku: 'OWN-FIXED', quantity: 2, unitPriceMinor: 100_000n },
      { sku: 'NO-RATE', quantity: 1, unitPriceMinor: 10_000n },
      { sku: 'UNKNOWN', quantity: 1, unitPriceMinor: 20_000n },
    ].map((line) => ({ ...line, productRule: rules.products.get(line.sku)?.rule ?? null }));
    const result = resolveCommission({
      currency: 'NPR',
      orderAmountMinor: 0n,
      lines,
      campaign: rules.campaign,
      merchant: rules.merchant,
      platform: rules.platform,
    });
    expect(result.lines.map((l) => [l.sku, l.source, l.amountMinor])).toEqual([
      ['OWN-PCT', 'product', 249n],
      ['OWN-FIXED', 'product', 5000n],
      ['NO-RATE', 'campaign', 1000n],
      ['UNKNOWN', 'campaign', 2000n],
    ]);

    // No campaign default: the merchant's, then the platform's.
    const bare = await loadCommissionRules(t.platform.db, { ...scope, campaignId: withoutDefault.id, skus: [] });
    expect(resolveCommission({ currency: 'NPR', orderAmountMinor: 4990n, ...bare })).toMatchObject({ source: 'platform', amountMinor: 249n });
    await shop.test.patch('/api/v1/account', { defaultCommissionType: 'FIXED', defaultCommissionValue: '30' });
    const withMerchant = await loadCommissionRules(t.platform.db, { ...scope, campaignId: withoutDefault.id, skus: [] });
    expect(resolveCommission({ currency: 'NPR', orderAmountMinor: 4990n, ...withMerchant })).toMatchObject({ source: 'merchant', amountMinor: 3000n });

    // Another mode's campaign is not this order's campaign.
    const otherMode = await loadCommissionRules(t.platform.db, { ...scope, livemode: true });
    expect(otherMode.campaign).toBeNull();
    expect([...otherMode.products.keys()]).toEqual(['LIVE-ONLY']);
  });
});
