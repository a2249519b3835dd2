import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clicks } from '../src/modules/tracking/clicks.tables.ts';
import { ledgerEntries } from '../src/modules/ledger/ledger.tables.ts';
import { users } from '../src/modules/accounts/accounts.tables.ts';
import { affiliates } from '../src/modules/affiliates/affiliates.tables.ts';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { insertCampaign, insertProduct, orderId } from './support/conversion-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
let testCampaign: CampaignRow;
let liveCampaign: CampaignRow;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
  other = await makeMerchant(t);
  testCampaign = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: false,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
  liveCampaign = await insertCampaign(t.platform.db, { merchantId: merchant.merchantId, livemode: true });
});
afterAll(() => t.close());

const mint = (client: TestMerchant['test'], body: Record<string, unknown>) => client.post('/api/v1/sandbox/clicks', body);

describe(`sandbox on ${backend}`, () => {
  it('refuses live keys with 403 TEST_MODE_ONLY', async () => {
    const response = await mint(merchant.live, { campaignId: liveCampaign.id });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('TEST_MODE_ONLY');
  });

  it('replays click → conversion → delivery → return end to end in test mode', async () => {
    const click = await mint(merchant.test, { campaignId: testCampaign.id });
    expect(click.status).toBe(201);
    expect(click.body).toMatchObject({
      clickId: expect.stringMatching(/^clk_/),
      campaignId: testCampaign.id,
      productId: null,
      attributable: true,
      livemode: false,
    });
    const id = orderId('SBX');
    const conversion = await merchant.test.post('/api/v1/conversions', { orderId: id, clickId: click.body.clickId, amount: '49.90' });
    expect(conversion.body).toMatchObject({
      attributed: true,
      affiliateRef: click.body.affiliateRef,
      livemode: false,
      commission: { amount: '4.99', status: 'pending' },
    });
    expect((await merchant.test.patch(`/api/v1/orders/${id}`, { status: 'delivered' })).body.commission.status).toBe('hold');
    expect((await merchant.test.patch(`/api/v1/orders/${id}`, { status: 'returned' })).body.commission.status).toBe('reversed');

    // Nothing of it in live mode: not the click, not the order, not the commission, not the money.
    expect(
      (await merchant.live.post('/api/v1/conversions', { orderId: orderId(), clickId: click.body.clickId, amount: '49.90' })).body.unattributedReason,
    ).toBe('UNKNOWN_CLICK');
    expect((await merchant.live.get(`/api/v1/orders/${id}`)).status).toBe(404);
    expect((await merchant.live.get('/api/v1/commissions')).body.total).toBe(0);
    const entries = await t.platform.db.select().from(ledgerEntries).where(eq(ledgerEntries.affiliateId, click.body.affiliateRef));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.livemode === false)).toBe(true);
  });

  it('uses one sandbox affiliate per merchant, which cannot sign in', async () => {
    const a = await mint(merchant.test, { campaignId: testCampaign.id });
    const b = await mint(merchant.test, { campaignId: testCampaign.id });
    expect(a.body.affiliateRef).toBe(b.body.affiliateRef);
    expect(a.body.linkId).toBe(b.body.linkId);
    const otherCampaign = await insertCampaign(t.platform.db, { merchantId: other.merchantId, livemode: false });
    const c = await mint(other.test, { campaignId: otherCampaign.id });
    expect(c.body.affiliateRef).not.toBe(a.body.affiliateRef);
    const [user] = await t.platform.db
      .select({ email: users.email, passwordHash: users.passwordHash })
      .from(affiliates)
      .innerJoin(users, eq(users.id, affiliates.userId))
      .where(eq(affiliates.id, a.body.affiliateRef));
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user!.email, password: user!.passwordHash } });
    expect(login.statusCode).toBe(401);
  });

  it('mints a product click', async () => {
    const product = await insertProduct(t.platform.db, {
      merchantId: merchant.merchantId,
      livemode: false,
      externalProductId: 'SBX-1',
      campaignId: testCampaign.id,
      commissionType: 'FIXED',
      commissionValue: 300,
    });
    const click = await mint(merchant.test, { campaignId: testCampaign.id, productId: product.id });
    expect(click.body).toMatchObject({ productId: product.id, attributable: true });
    const [row] = await t.platform.db.select().from(clicks).where(eq(clicks.id, click.body.clickId));
    expect(row).toMatchObject({ productId: product.id, livemode: false, merchantId: merchant.merchantId });
    const conversion = await merchant.test.post('/api/v1/conversions', {
      orderId: orderId('SBX'),
      clickId: click.body.clickId,
      amount: '20.00',
      items: [{ sku: 'SBX-1', qty: 2, price: '10.00' }],
    });
    expect(conversion.body.commission.amount).toBe('6.00');
  });

  it('follows the real click rules: inactive campaigns and archived products mint no earning click', async () => {
    const paused = await insertCampaign(t.platform.db, { merchantId: merchant.merchantId, livemode: false, status: 'PAUSED' });
    const pausedClick = await mint(merchant.test, { campaignId: paused.id });
    expect(pausedClick.body.attributable).toBe(false);
    const conversion = await merchant.test.post('/api/v1/conversions', { orderId: orderId('SBX'), clickId: pausedClick.body.clickId, amount: '5.00' });
    expect(conversion.body).toMatchObject({ attributed: false, unattributedReason: 'CLICK_NOT_ATTRIBUTABLE' });
    const archived = await insertProduct(t.platform.db, { merchantId: merchant.merchantId, livemode: false, externalProductId: 'SBX-OLD', status: 'ARCHIVED' });
    expect((await mint(merchant.test, { campaignId: testCampaign.id, productId: archived.id })).body.attributable).toBe(false);
  });

  it('replays an old click to show the attribution window', async () => {
    const click = await mint(merchant.test, { campaignId: testCampaign.id, clickedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() });
    const conversion = await merchant.test.post('/api/v1/conversions', { orderId: orderId('SBX'), clickId: click.body.clickId, amount: '5.00' });
    expect(conversion.body.unattributedReason).toBe('EXPIRED_WINDOW');
  });

  it("is 404 for a live campaign, another merchant's campaign, or an unknown product", async () => {
    expect((await mint(merchant.test, { campaignId: liveCampaign.id })).status).toBe(404);
    const foreign = await insertCampaign(t.platform.db, { merchantId: other.merchantId, livemode: false });
    expect((await mint(merchant.test, { campaignId: foreign.id })).status).toBe(404);
    expect((await mint(merchant.test, { campaignId: testCampaign.id, productId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    const invalid = await mint(merchant.test, { campaignId: 'not-a-uuid' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].field).toBe('campaignId');
  });
});
