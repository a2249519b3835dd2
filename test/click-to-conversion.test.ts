import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { makeLink } from './support/link-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The flush interval is long here, so the click is certainly still in the write buffer when the
// conversion arrives: attribution must find it there.
let t: TestApp;
let merchant: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true, config: { clickFlushIntervalMs: 60_000, clickFlushBatchSize: 10_000 } });
  merchant = await makeMerchant(t);
});
afterAll(() => t.close());

describe(`click to conversion on ${backend}`, () => {
  it('a real redirect then an immediate conversion is attributed, with the product commission', async () => {
    const { link, affiliate } = await makeLink(t, merchant, {
      campaign: { livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 },
      product: {
        externalProductId: 'PH-A54-128',
        productUrl: `https://${merchant.domain}/p/a54?ref=x#top`,
        commissionType: 'PERCENTAGE',
        commissionValue: 500,
      },
    });
    const redirect = await fetch(`${t.url}/r/${link.code}`, {
      redirect: 'manual',
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36' },
    });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location')!);
    expect(location.hash).toBe('#top');
    expect(location.searchParams.get('ref')).toBe('x');
    const clickId = location.searchParams.get('affiliate_click_id');
    expect(clickId).toMatch(/^clk_/);

    const conversion = await merchant.live.post('/api/v1/conversions', {
      orderId: 'ORD-10293',
      clickId,
      amount: '49.90',
      currency: 'NPR',
      status: 'confirmed',
      occurredAt: new Date().toISOString(),
      items: [{ sku: 'PH-A54-128', qty: 1, price: '49.90' }],
    });
    expect(conversion.status).toBe(201);
    expect(conversion.body).toMatchObject({ orderId: 'ORD-10293', attributed: true, affiliateRef: affiliate.affiliateId, deduplicated: false });
    expect(conversion.body.commission).toMatchObject({ amount: '2.49', currency: 'NPR' });

    // The merchant can verify the same click id through the API, buffered or not.
    const click = await merchant.live.get(`/api/v1/clicks/${clickId}`);
    expect(click.status).toBe(200);
  });
});
