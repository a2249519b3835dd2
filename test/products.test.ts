import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  [merchant, other] = await Promise.all([makeMerchant(t), makeMerchant(t)]);
});
afterAll(() => t.close());

let sequence = 0;
const input = (overrides: Record<string, unknown> = {}) => ({
  externalProductId: `P-${++sequence}`,
  name: 'Wireless Earbuds',
  productUrl: `https://${merchant.domain}/p/earbuds`,
  price: '2999.00',
  ...overrides,
});

async function createProduct(overrides: Record<string, unknown> = {}, who: TestMerchant = merchant, mode: 'test' | 'live' = 'test') {
  const body = { ...input(overrides), ...(who === merchant ? {} : { productUrl: `https://${who.domain}/p` }) };
  const response = await who[mode].post('/api/v1/products', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe(`single product create on ${backend}`, () => {
  it('creates one product and answers 201 with it', async () => {
    const response = await merchant.test.post(
      '/api/v1/products',
      input({ externalProductId: 'ONE-1', discountPrice: '2499.5', currency: 'NPR', stockStatus: 'IN_STOCK', category: 'Audio', brand: 'Acme' }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      externalProductId: 'ONE-1',
      price: '2999.00',
      discountPrice: '2499.50',
      stockStatus: 'IN_STOCK',
      category: 'Audio',
      brand: 'Acme',
      status: 'ACTIVE',
      sourceFeedId: null,
    });
  });

  it('honours X-Idempotency-Key', async () => {
    const body = input();
    const first = await merchant.test.post('/api/v1/products', body, 'product-create-1');
    const again = await merchant.test.post('/api/v1/products', body, 'product-create-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });

  it.each<[string, Record<string, unknown>, number, string, string]>([
    ['an existing externalProductId', { externalProductId: 'ONE-1' }, 409, 'ALREADY_EXISTS', ''],
    ['an off-domain productUrl', { productUrl: 'https://elsewhere.example.net/x' }, 400, 'PRODUCT_URL_NOT_ALLOWED', 'productUrl'],
    ['a price as a JSON number', { price: 2999 }, 400, 'VALIDATION_FAILED', 'price'],
    ['a discount above the price', { discountPrice: '3000.00' }, 400, 'VALIDATION_FAILED', 'discountPrice'],
    ['another merchant’s campaign', { campaignId: 'FOREIGN' }, 422, 'UNKNOWN_CAMPAIGN', 'campaignId'],
  ])('refuses %s', async (_name, overrides, status, code, field) => {
    if (overrides.campaignId === 'FOREIGN') overrides.campaignId = (await other.test.post('/api/v1/campaigns', { title: 'Foreign' })).body.id;
    const response = await merchant.test.post('/api/v1/products', input(overrides));
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    if (field) expect(response.body.error.details[0].field).toBe(field);
  });
});

describe(`list and get products on ${backend}`, () => {
  let lister: TestMerchant;
  let campaignId: string;
  beforeAll(async () => {
    lister = await makeMerchant(t);
    campaignId = (await lister.test.post('/api/v1/campaigns', { title: 'Summer' })).body.id;
    const url = `https://${lister.domain}/p`;
    const response = await lister.test.post('/api/v1/products/import', {
      products: [
        { externalProductId: 'TEA-001', name: 'Ilam Green Tea', productUrl: url, price: '450.00', category: 'Grocery', campaignId },
        { externalProductId: 'TEA-002', name: 'Mustang Apple Tea', productUrl: url, price: '500.00', category: 'grocery' },
        { externalProductId: 'PAN-100', name: 'Pashmina Shawl', productUrl: url, price: '8000.00', category: 'Fashion', campaignId },
        { externalProductId: 'SPECIAL_%', name: '100% Cotton Tee', productUrl: url, price: '900.00', category: 'Fashion' },
      ],
    });
    expect(response.body.created).toBe(4);
    await lister.test.post('/api/v1/products/archive', { productIds: [response.body.results[1].id] });
    await lister.live.post('/api/v1/products/import', { products: [{ externalProductId: 'TEA-LIVE', name: 'Live tea', productUrl: url, price: '1.00' }] });
  });

  const ids = async (query: string) => {
    const response = await lister.test.get(`/api/v1/products?${query}`);
    expect(response.status).toBe(200);
    return response.body.data.map((p: { externalProductId: string }) => p.externalProductId).sort();
  };

  it('returns { data, page, pageSize, total } with pageSize 50 by default', async () => {
    const response = await lister.test.get('/api/v1/products');
    expect(response.body).toMatchObject({ page: 1, pageSize: 50, total: 4 });
    expect(response.body.data[0]).toMatchObject({
      id: expect.any(String),
      externalProductId: expect.any(String),
      name: expect.any(String),
      status: expect.any(String),
    });
    const paged = await lister.test.get('/api/v1/products?page=2&pageSize=3');
    expect(paged.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect(paged.body.data).toHaveLength(1);
  });

  it.each([
    ['status=ACTIVE', ['PAN-100', 'SPECIAL_%', 'TEA-001']],
    ['status=ARCHIVED', ['TEA-002']],
    ['category=GROCERY', ['TEA-001', 'TEA-002']],
    ['category=Fashion&status=ACTIVE', ['PAN-100', 'SPECIAL_%']],
    ['search=tea', ['TEA-001', 'TEA-002']],
    ['search=tee', ['SPECIAL_%']],
    ['search=pan-1', ['PAN-100']],
    ['search=ILAM', ['TEA-001']],
    ['search=%25', ['SPECIAL_%']],
    ['search=_', ['SPECIAL_%']],
  ])('filters with %s', async (query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  it('filters by campaignId', async () => {
    expect(await ids(`campaignId=${campaignId}`)).toEqual(['PAN-100', 'TEA-001']);
    expect(await ids('campaignId=00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it.each([
    ['pageSize above 200', 'pageSize=201', 'query.pageSize'],
    ['an unknown status', 'status=DELETED', 'query.status'],
    ['a campaignId that is not a uuid', 'campaignId=abc', 'query.campaignId'],
  ])('rejects %s', async (_name, query, field) => {
    const response = await lister.test.get(`/api/v1/products?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe(field);
  });

  it('keeps merchants and modes apart', async () => {
    expect(await ids('search=TEA-LIVE')).toEqual([]);
    const live = await lister.live.get('/api/v1/products');
    expect(live.body.data.map((p: { externalProductId: string }) => p.externalProductId)).toEqual(['TEA-LIVE']);
    expect((await other.test.get('/api/v1/products?search=TEA')).body.total).toBe(0);
  });

  it('gets a product by id and answers 404 for another merchant’s, the other mode’s or an unknown one', async () => {
    const product = await createProduct();
    expect((await merchant.test.get(`/api/v1/products/${product.id}`)).body).toEqual(product);
    for (const [client, path] of [
      [other.test, `/api/v1/products/${product.id}`],
      [merchant.live, `/api/v1/products/${product.id}`],
      [merchant.test, '/api/v1/products/00000000-0000-4000-8000-000000000000'],
      [merchant.test, '/api/v1/products/nope'],
    ] as const) {
      const response = await client.get(path);
      expect(response.status, path).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect((await other.test.patch(`/api/v1/products/${product.id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await merchant.live.patch(`/api/v1/products/${product.id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await merchant.test.get(`/api/v1/products/${product.id}`)).body.name).toBe('Wireless Earbuds');
  });
});

describe(`update products on ${backend}`, () => {
  it('applies the seed example: price and stockStatus', async () => {
    const product = await createProduct({ stockStatus: 'IN_STOCK', description: 'Keep' });
    const response = await merchant.test.patch(`/api/v1/products/${product.id}`, { price: '2599.00', stockStatus: 'OUT_OF_STOCK' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ price: '2599.00', stockStatus: 'OUT_OF_STOCK', description: 'Keep', name: 'Wireless Earbuds' });
    expect(new Date(response.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(product.updatedAt).getTime());
  });

  it('updates name, commission (a value alone keeps the type), status and clears with null', async () => {
    const product = await createProduct({ commissionType: 'FIXED', commissionValue: '100', discountPrice: '10.00', category: 'x' });
    const renamed = await merchant.test.patch(`/api/v1/products/${product.id}`, { name: 'Renamed', commissionValue: '150' });
    expect(renamed.body).toMatchObject({ name: 'Renamed', commissionType: 'FIXED', commissionValue: '150.00' });
    const switched = await merchant.test.patch(`/api/v1/products/${product.id}`, { commissionType: 'PERCENTAGE', commissionValue: '7.5' });
    expect(switched.body).toMatchObject({ commissionType: 'PERCENTAGE', commissionValue: '7.5' });
    const cleared = await merchant.test.patch(`/api/v1/products/${product.id}`, {
      commissionType: null,
      commissionValue: null,
      discountPrice: null,
      category: null,
    });
    expect(cleared.body).toMatchObject({ commissionType: null, commissionValue: null, discountPrice: null, category: null });
    expect((await merchant.test.patch(`/api/v1/products/${product.id}`, { status: 'ARCHIVED' })).body.status).toBe('ARCHIVED');
    expect((await merchant.test.patch(`/api/v1/products/${product.id}`, { status: 'ACTIVE' })).body.status).toBe('ACTIVE');
  });

  it('attaches to and detaches from the merchant’s own campaign only', async () => {
    const product = await createProduct();
    const campaign = (await merchant.test.post('/api/v1/campaigns', { title: 'Own' })).body;
    expect((await merchant.test.patch(`/api/v1/products/${product.id}`, { campaignId: campaign.id })).body.campaignId).toBe(campaign.id);
    const foreign = (await other.test.post('/api/v1/campaigns', { title: 'Foreign' })).body;
    const live = (await merchant.live.post('/api/v1/campaigns', { title: 'Live' })).body;
    for (const campaignId of [foreign.id, live.id]) {
      const response = await merchant.test.patch(`/api/v1/products/${product.id}`, { campaignId });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('UNKNOWN_CAMPAIGN');
    }
    expect((await merchant.test.patch(`/api/v1/products/${product.id}`, { campaignId: null })).body.campaignId).toBeNull();
  });

  it('changes currency only together with the price', async () => {
    const product = await createProduct({ price: '100.00' });
    const missing = await merchant.test.patch(`/api/v1/products/${product.id}`, { currency: 'USD' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0]).toMatchObject({ field: 'price', code: 'REQUIRED_WITH_CURRENCY' });
    const jpy = await merchant.test.patch(`/api/v1/products/${product.id}`, { currency: 'JPY', price: '15000' });
    expect(jpy.body).toMatchObject({ currency: 'JPY', price: '15000' });
  });

  it.each<[string, Record<string, unknown>, number, string, string]>([
    ['an off-domain productUrl', { productUrl: 'https://elsewhere.example.net/' }, 400, 'PRODUCT_URL_NOT_ALLOWED', 'productUrl'],
    ['a price as a JSON number', { price: 2599 }, 400, 'VALIDATION_FAILED', 'price'],
    ['a price with 3 decimals', { price: '1.001' }, 400, 'VALIDATION_FAILED', 'price'],
    ['a discount above the stored price', { discountPrice: '5000.00' }, 400, 'VALIDATION_FAILED', 'discountPrice'],
    ['a commission value without a stored type', { commissionValue: '10' }, 400, 'VALIDATION_FAILED', 'commissionType'],
    ['an unknown status', { status: 'DELETED' }, 400, 'VALIDATION_FAILED', 'status'],
    ['changing the externalProductId', { externalProductId: 'NEW' }, 400, 'VALIDATION_FAILED', 'externalProductId'],
    ['an empty name', { name: '' }, 400, 'VALIDATION_FAILED', 'name'],
  ])('refuses %s and changes nothing', async (_name, patch, status, code, field) => {
    const product = await createProduct();
    const response = await merchant.test.patch(`/api/v1/products/${product.id}`, patch);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.details[0].field).toBe(field);
    expect((await merchant.test.get(`/api/v1/products/${product.id}`)).body).toEqual(product);
  });
});

describe(`archive products on ${backend}`, () => {
  it('archives by platform id and answers { archived: N }', async () => {
    const [a, b, c] = [await createProduct(), await createProduct(), await createProduct()];
    const response = await merchant.test.post('/api/v1/products/archive', { productIds: [a.id, b.id] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ archived: 2 });
    expect((await merchant.test.get(`/api/v1/products/${a.id}`)).body.status).toBe('ARCHIVED');
    expect((await merchant.test.get(`/api/v1/products/${c.id}`)).body.status).toBe('ACTIVE');
    expect((await merchant.test.post('/api/v1/products/archive', { productIds: [a.id, b.id, c.id] })).body).toEqual({ archived: 1 });
  });

  it('never archives another merchant’s or mode’s products', async () => {
    const mine = await createProduct();
    expect((await other.test.post('/api/v1/products/archive', { productIds: [mine.id] })).body).toEqual({ archived: 0 });
    expect((await merchant.live.post('/api/v1/products/archive', { productIds: [mine.id] })).body).toEqual({ archived: 0 });
    expect((await merchant.test.get(`/api/v1/products/${mine.id}`)).body.status).toBe('ACTIVE');
  });

  it.each([
    ['an empty list', { productIds: [] }, 'productIds'],
    ['an id that is not a uuid', { productIds: ['abc'] }, 'productIds[0]'],
    ['no productIds', {}, 'productIds'],
  ])('rejects %s', async (_name, body, field) => {
    const response = await merchant.test.post('/api/v1/products/archive', body);
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe(field);
  });
});
