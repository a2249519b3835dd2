import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchantDomains } from '../src/modules/merchants/merchants.tables.ts';
import { products } from '../src/modules/products/products.tables.ts';
import { newId } from '../src/platform/ids.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  [merchant, other] = await Promise.all([makeMerchant(t), makeMerchant(t)]);
  await t.platform.db
    .insert(merchantDomains)
    .values({ id: newId('dom'), merchantId: merchant.merchantId, domain: 'pending-shop.example.org', status: 'PENDING' });
});
afterAll(() => t.close());

let sequence = 0;
const sku = (prefix = 'SKU') => `${prefix}-${++sequence}`;
const item = (overrides: Record<string, unknown> = {}, who: TestMerchant = merchant) => ({
  externalProductId: sku(),
  name: 'Wireless Earbuds',
  productUrl: `https://${who.domain}/p/earbuds`,
  price: '2999.00',
  ...overrides,
});

async function countProducts(who: TestMerchant, livemode = false) {
  const [row] = await t.platform.db
    .select({ n: count() })
    .from(products)
    .where(and(eq(products.merchantId, who.merchantId), eq(products.livemode, livemode)));
  return row?.n ?? 0;
}

async function productByExternalId(externalProductId: string, who: TestMerchant = merchant) {
  const response = await who.test.get(`/api/v1/products?search=${encodeURIComponent(externalProductId)}`);
  return response.body.data.find((p: { externalProductId: string }) => p.externalProductId === externalProductId);
}

describe(`product import on ${backend}`, () => {
  it('imports the seed example: 202 with the counts', async () => {
    const response = await merchant.test.post('/api/v1/products/import', {
      products: [
        {
          externalProductId: 'SKU-100',
          name: 'Wireless Earbuds',
          productUrl: `https://${merchant.domain}/p/sku-100`,
          price: '2999.00',
          currency: 'NPR',
          commissionType: 'PERCENTAGE',
          commissionValue: '10',
        },
      ],
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ received: 1, created: 1, updated: 0, failed: 0, errors: [] });
    expect(response.body.results).toEqual([{ index: 0, externalProductId: 'SKU-100', outcome: 'created', id: expect.any(String) }]);
    const product = await merchant.test.get(`/api/v1/products/${response.body.results[0].id}`);
    expect(product.body).toMatchObject({
      externalProductId: 'SKU-100',
      name: 'Wireless Earbuds',
      price: '2999.00',
      currency: 'NPR',
      commissionType: 'PERCENTAGE',
      commissionValue: '10',
      status: 'ACTIVE',
      livemode: false,
      campaignId: null,
      discountPrice: null,
    });
  });

  it('fails an existing externalProductId with 409 ALREADY_EXISTS and still creates the others', async () => {
    const existing = item();
    await merchant.test.post('/api/v1/products/import', { products: [existing] });
    const fresh = item();
    const response = await merchant.test.post('/api/v1/products/import', { products: [{ ...existing, name: 'Changed' }, fresh] });
    expect(response.body).toMatchObject({ received: 2, created: 1, updated: 0, failed: 1 });
    expect(response.body.errors).toEqual([
      { index: 0, externalProductId: existing.externalProductId, status: 409, code: 'ALREADY_EXISTS', message: expect.any(String) },
    ]);
    expect((await productByExternalId(existing.externalProductId)).name).toBe('Wireless Earbuds');
    expect(await productByExternalId(fresh.externalProductId)).toBeDefined();
  });
});

describe(`product upsert on ${backend}`, () => {
  it('updates by externalProductId and creates unknown ones', async () => {
    const original = item({
      description: 'In-ear',
      category: 'Audio',
      commissionType: 'PERCENTAGE',
      commissionValue: '10',
      discountPrice: '2500.00',
      stockStatus: 'IN_STOCK',
    });
    await merchant.test.post('/api/v1/products/import', { products: [original] });
    const fresh = item();
    const response = await merchant.test.post('/api/v1/products/upsert', {
      products: [{ externalProductId: original.externalProductId, name: 'Wireless Earbuds v2', productUrl: original.productUrl, price: '2799.00' }, fresh],
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ received: 2, created: 1, updated: 1, failed: 0 });
    expect(response.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['updated', 'created']);
    // Omitted optional fields keep their stored values.
    expect(await productByExternalId(original.externalProductId)).toMatchObject({
      name: 'Wireless Earbuds v2',
      price: '2799.00',
      description: 'In-ear',
      category: 'Audio',
      commissionType: 'PERCENTAGE',
      commissionValue: '10',
      discountPrice: '2500.00',
      stockStatus: 'IN_STOCK',
    });
  });

  it('clears optional fields given as null', async () => {
    const original = item({
      description: 'x',
      imageUrl: 'https://cdn.example.net/a.png',
      brand: 'Acme',
      commissionType: 'FIXED',
      commissionValue: '50',
      discountPrice: '10.00',
      stockStatus: 'IN_STOCK',
    });
    await merchant.test.post('/api/v1/products/upsert', { products: [original] });
    const response = await merchant.test.post('/api/v1/products/upsert', {
      products: [
        { ...original, description: null, imageUrl: null, brand: null, commissionType: null, commissionValue: null, discountPrice: null, stockStatus: null },
      ],
    });
    expect(response.body).toMatchObject({ updated: 1, failed: 0 });
    expect(await productByExternalId(original.externalProductId)).toMatchObject({
      description: null,
      imageUrl: null,
      brand: null,
      commissionType: null,
      commissionValue: null,
      discountPrice: null,
      stockStatus: null,
    });
  });

  it('keeps products unique per merchant and mode', async () => {
    const shared = item();
    await merchant.test.post('/api/v1/products/upsert', { products: [shared] });
    const live = await merchant.live.post('/api/v1/products/upsert', { products: [shared] });
    expect(live.body).toMatchObject({ created: 1, updated: 0 });
    const elsewhere = await other.test.post('/api/v1/products/upsert', { products: [{ ...shared, productUrl: `https://${other.domain}/p` }] });
    expect(elsewhere.body).toMatchObject({ created: 1, updated: 0 });
    expect((await merchant.test.post('/api/v1/products/upsert', { products: [shared] })).body).toMatchObject({ created: 0, updated: 1 });
  });

  it('reactivates an archived product', async () => {
    const original = item();
    const created = await merchant.test.post('/api/v1/products/upsert', { products: [original] });
    await merchant.test.post('/api/v1/products/archive', { productIds: [created.body.results[0].id] });
    await merchant.test.post('/api/v1/products/upsert', { products: [original] });
    expect((await productByExternalId(original.externalProductId)).status).toBe('ACTIVE');
  });

  it('attaches products to one of the merchant’s campaigns in the same mode', async () => {
    const campaign = (await merchant.test.post('/api/v1/campaigns', { title: 'Attach' })).body;
    const foreign = (await other.test.post('/api/v1/campaigns', { title: 'Foreign' })).body;
    const liveCampaign = (await merchant.live.post('/api/v1/campaigns', { title: 'Live' })).body;
    const response = await merchant.test.post('/api/v1/products/upsert', {
      products: [
        item({ campaignId: campaign.id }),
        item({ campaignId: foreign.id }),
        item({ campaignId: liveCampaign.id }),
        item({ campaignId: '00000000-0000-4000-8000-000000000000' }),
      ],
    });
    expect(response.body).toMatchObject({ created: 1, failed: 3 });
    expect(response.body.errors.map((e: { index: number; status: number; code: string }) => [e.index, e.status, e.code])).toEqual([
      [1, 422, 'UNKNOWN_CAMPAIGN'],
      [2, 422, 'UNKNOWN_CAMPAIGN'],
      [3, 422, 'UNKNOWN_CAMPAIGN'],
    ]);
    expect((await merchant.test.get(`/api/v1/products/${response.body.results[0].id}`)).body.campaignId).toBe(campaign.id);
  });
});

describe(`per-item validation on ${backend}`, () => {
  it.each<[string, unknown, number, string, string | null]>([
    ['price as a JSON number', { price: 2999 }, 400, 'VALIDATION_FAILED', 'price:MUST_BE_DECIMAL_STRING'],
    ['discountPrice as a JSON number', { discountPrice: 10 }, 400, 'VALIDATION_FAILED', 'discountPrice:MUST_BE_DECIMAL_STRING'],
    [
      'commissionValue as a JSON number',
      { commissionType: 'PERCENTAGE', commissionValue: 10 },
      400,
      'VALIDATION_FAILED',
      'commissionValue:MUST_BE_DECIMAL_STRING',
    ],
    ['a price with 3 decimals', { price: '29.999' }, 400, 'VALIDATION_FAILED', 'price:INVALID_MONEY'],
    ['a negative price', { price: '-1.00' }, 400, 'VALIDATION_FAILED', 'price:INVALID_DECIMAL'],
    ['a price with a thousands separator', { price: '2,999.00' }, 400, 'VALIDATION_FAILED', 'price:INVALID_DECIMAL'],
    ['a missing externalProductId', { externalProductId: undefined }, 400, 'VALIDATION_FAILED', 'externalProductId:REQUIRED'],
    ['an externalProductId over 120 characters', { externalProductId: 'x'.repeat(121) }, 400, 'VALIDATION_FAILED', 'externalProductId:MAXLENGTH'],
    ['a missing name', { name: undefined }, 400, 'VALIDATION_FAILED', 'name:REQUIRED'],
    ['a name over 255 characters', { name: 'n'.repeat(256) }, 400, 'VALIDATION_FAILED', 'name:MAXLENGTH'],
    ['a missing price', { price: undefined }, 400, 'VALIDATION_FAILED', 'price:REQUIRED'],
    ['a missing productUrl', { productUrl: undefined }, 400, 'VALIDATION_FAILED', 'productUrl:REQUIRED'],
    ['a productUrl that is not a URL', { productUrl: 'not a url' }, 400, 'VALIDATION_FAILED', 'productUrl:FORMAT'],
    ['an off-domain productUrl', { productUrl: 'https://elsewhere.example.net/p/1' }, 400, 'PRODUCT_URL_NOT_ALLOWED', 'productUrl:PRODUCT_URL_NOT_ALLOWED'],
    ['a look-alike domain', { productUrl: 'https://evil-DOMAIN/p/1' }, 400, 'PRODUCT_URL_NOT_ALLOWED', null],
    ['a domain that is only pending approval', { productUrl: 'https://pending-shop.example.org/p/1' }, 400, 'PRODUCT_URL_NOT_ALLOWED', null],
    ['a commission type without value', { commissionType: 'PERCENTAGE' }, 400, 'VALIDATION_FAILED', 'commissionValue:REQUIRED_TOGETHER'],
    ['a percentage above 100', { commissionType: 'PERCENTAGE', commissionValue: '101' }, 400, 'VALIDATION_FAILED', 'commissionValue:INVALID_PERCENTAGE'],
    ['an unknown commission type', { commissionType: 'FLAT', commissionValue: '1' }, 400, 'VALIDATION_FAILED', 'commissionType:ENUM'],
    ['an unknown stock status', { stockStatus: 'MAYBE' }, 400, 'VALIDATION_FAILED', 'stockStatus:ENUM'],
    ['a lower-case currency', { currency: 'npr' }, 400, 'VALIDATION_FAILED', 'currency:PATTERN'],
    ['a discount above the price', { price: '100.00', discountPrice: '120.00' }, 400, 'VALIDATION_FAILED', 'discountPrice:DISCOUNT_ABOVE_PRICE'],
    ['a campaignId that is not a uuid', { campaignId: 'cmp_1' }, 400, 'VALIDATION_FAILED', 'campaignId:FORMAT'],
    ['an unknown field', { colour: 'red' }, 400, 'VALIDATION_FAILED', 'colour:UNKNOWN_FIELD'],
    ['an item that is not an object', 'SKU-1', 400, 'VALIDATION_FAILED', null],
  ])('fails an item with %s, without blocking the good one', async (_name, patch, status, code, fieldAndCode) => {
    const good = item();
    const bad = typeof patch === 'object' ? JSON.parse(JSON.stringify(item(patch as Record<string, unknown>)).replace('DOMAIN', merchant.domain)) : patch;
    const before = await countProducts(merchant);
    const response = await merchant.test.post('/api/v1/products/upsert', { products: [good, bad] });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ received: 2, created: 1, updated: 0, failed: 1 });
    const [error] = response.body.errors;
    expect(error).toMatchObject({ index: 1, status, code, message: expect.any(String) });
    expect(error.externalProductId).toBe(typeof bad === 'object' ? (bad.externalProductId ?? null) : null);
    if (fieldAndCode) {
      const [field, detailCode] = fieldAndCode.split(':');
      expect(error.details).toContainEqual(expect.objectContaining({ field: `products[1].${field}`, code: detailCode }));
      expect(error.message).toContain(`products[1].${field}`);
    }
    expect(response.body.results[1]).toMatchObject({ index: 1, outcome: 'failed', id: null });
    expect(await countProducts(merchant)).toBe(before + 1);
  });

  it('accepts productUrl on a subdomain of an approved domain', async () => {
    const response = await merchant.test.post('/api/v1/products/upsert', { products: [item({ productUrl: `https://www.${merchant.domain}/p/1` })] });
    expect(response.body).toMatchObject({ created: 1, failed: 0 });
  });

  it('fails a repeated externalProductId within one call with 409, keeping the first', async () => {
    const first = item({ name: 'First' });
    const response = await merchant.test.post('/api/v1/products/upsert', { products: [first, { ...first, name: 'Second' }] });
    expect(response.body).toMatchObject({ created: 1, failed: 1 });
    expect(response.body.errors[0]).toMatchObject({ index: 1, status: 409, code: 'DUPLICATE_IN_REQUEST', externalProductId: first.externalProductId });
    expect((await productByExternalId(first.externalProductId)).name).toBe('First');
  });

  it('formats prices with the currency’s decimals', async () => {
    const jpy = item({ currency: 'JPY', price: '1500', commissionType: 'FIXED', commissionValue: '100' });
    const kwd = item({ currency: 'KWD', price: '1.25' });
    const badJpy = item({ currency: 'JPY', price: '1500.50' });
    const response = await merchant.test.post('/api/v1/products/upsert', { products: [jpy, kwd, badJpy] });
    expect(response.body).toMatchObject({ created: 2, failed: 1 });
    expect(response.body.errors[0].details[0]).toMatchObject({ field: 'products[2].price', code: 'INVALID_MONEY' });
    expect(await productByExternalId(jpy.externalProductId)).toMatchObject({ price: '1500', currency: 'JPY', commissionValue: '100' });
    expect(await productByExternalId(kwd.externalProductId)).toMatchObject({ price: '1.250', currency: 'KWD' });
  });
});

describe(`bulk limits and idempotency on ${backend}`, () => {
  it('rejects more than 5000 items with 400 naming products, writing nothing', async () => {
    const before = await countProducts(merchant);
    const items = Array.from({ length: 5001 }, (_, i) => item({ externalProductId: `LIMIT-${i}` }));
    for (const path of ['/api/v1/products/import', '/api/v1/products/upsert']) {
      const response = await merchant.test.post(path, { products: items });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details[0]).toMatchObject({ field: 'products', code: 'MAXITEMS' });
    }
    expect(await countProducts(merchant)).toBe(before);
  });

  it('accepts exactly 5000 items in one call', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => item({ externalProductId: `FULL-${i}`, price: `${100 + i}.00` }));
    const started = performance.now();
    const response = await merchant.test.post('/api/v1/products/upsert', { products: items });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ received: 5000, created: 5000, updated: 0, failed: 0 });
    expect(elapsed).toBeLessThan(15_000);
    const again = await merchant.test.post('/api/v1/products/upsert', { products: items });
    expect(again.body).toMatchObject({ received: 5000, created: 0, updated: 5000, failed: 0 });
    expect((await productByExternalId('FULL-4999')).price).toBe('5099.00');
  });

  it.each([
    ['products missing', {}],
    ['products not a list', { products: { a: 1 } }],
    ['an unknown top-level field', { products: [], extra: true }],
  ])('rejects a body with %s', async (_name, body) => {
    const response = await merchant.test.post('/api/v1/products/upsert', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('accepts an empty list', async () => {
    const response = await merchant.test.post('/api/v1/products/import', { products: [] });
    expect(response.body).toMatchObject({ received: 0, created: 0, updated: 0, failed: 0 });
  });

  it('replays a retried upsert with the same X-Idempotency-Key instead of writing twice', async () => {
    const body = { products: [item(), item()] };
    const first = await merchant.test.post('/api/v1/products/upsert', body, 'upsert-retry-1');
    const again = await merchant.test.post('/api/v1/products/upsert', body, 'upsert-retry-1');
    expect(first.body).toMatchObject({ created: 2, updated: 0 });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const reused = await merchant.test.post('/api/v1/products/upsert', { products: [item()] }, 'upsert-retry-1');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const importBody = { products: [item()] };
    const imported = await merchant.test.post('/api/v1/products/import', importBody, 'import-retry-1');
    const importedAgain = await merchant.test.post('/api/v1/products/import', importBody, 'import-retry-1');
    expect(importedAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(importedAgain.body).toEqual(imported.body);
    expect(importedAgain.body).toMatchObject({ created: 1, failed: 0 });
  });
});

describe(`concurrent bulk writes on ${backend}`, () => {
  it('two upserts of the same SKUs at once create each product once, with correct totals', async () => {
    const batch = Array.from({ length: 400 }, (_, i) => item({ externalProductId: `RACE-${i}` }));
    const reversed = [...batch].reverse().map((p) => ({ ...p, name: 'Other writer' }));
    const [a, b] = await Promise.all([
      merchant.test.post('/api/v1/products/upsert', { products: batch }),
      merchant.test.post('/api/v1/products/upsert', { products: reversed }),
    ]);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body.failed + b.body.failed).toBe(0);
    expect(a.body.created + b.body.created).toBe(400);
    expect(a.body.updated + b.body.updated).toBe(400);
    const ids = new Set([...a.body.results, ...b.body.results].map((r: { id: string }) => r.id));
    expect(ids.size).toBe(400);
    const stored = await merchant.test.get('/api/v1/products?search=RACE-&pageSize=200');
    expect(stored.body.total).toBe(400);
  });

  it('two imports of the same SKUs at once create each once and fail the rest as existing', async () => {
    const batch = Array.from({ length: 200 }, (_, i) => item({ externalProductId: `RACE-IMPORT-${i}` }));
    const [a, b] = await Promise.all([
      merchant.test.post('/api/v1/products/import', { products: batch }),
      merchant.test.post('/api/v1/products/import', { products: batch }),
    ]);
    expect(a.body.created + b.body.created).toBe(200);
    expect(a.body.failed + b.body.failed).toBe(200);
    expect([...a.body.errors, ...b.body.errors].every((e: { code: string; status: number }) => e.code === 'ALREADY_EXISTS' && e.status === 409)).toBe(true);
    expect((await merchant.test.get('/api/v1/products?search=RACE-IMPORT-&pageSize=1')).body.total).toBe(200);
  });
});
