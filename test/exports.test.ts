import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { EXPORT_PAGE_SIZE } from '../src/platform/http/csv-export.ts';
import { backend } from './support/database.ts';
import { makeAffiliate, makeMerchant, signIn, type TestMerchant } from './support/factories.ts';
import { insertCampaign, insertClick, orderId } from './support/conversion-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
let affiliate: Awaited<ReturnType<typeof makeAffiliate>>;
let campaign: CampaignRow;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
  other = await makeMerchant(t);
  affiliate = await makeAffiliate(t);
  campaign = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
});
afterAll(() => t.close());

const rowsOf = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;
const csvGet = (client: TestMerchant['live'], path: string, headers: Record<string, string> = {}) => client.request<string>({ method: 'GET', path, headers });

describe(`CSV exports of lists on ${backend}`, () => {
  it('downloads every product, past one page, with the import columns, ready to upload again', async () => {
    const count = EXPORT_PAGE_SIZE + 5;
    const products = Array.from({ length: count }, (_, i) => ({
      externalProductId: `EXP-${String(i).padStart(5, '0')}`,
      name: i === 0 ? '=HYPERLINK("http://evil.example")' : `Shawl, "wool" ${i}`,
      productUrl: `https://${merchant.domain}/p/${i}`,
      price: '12.50',
      category: 'Shawls',
    }));
    const written = await merchant.live.post('/api/v1/products/upsert', { products });
    expect(written.status).toBe(202);
    await merchant.test.post('/api/v1/products', { externalProductId: 'TEST-ONLY', name: 'Test', productUrl: `https://${merchant.domain}/p/t`, price: '1.00' });

    const answer = await csvGet(merchant.live, '/api/v1/products?format=csv&pageSize=2');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/csv');
    expect(answer.headers.get('content-disposition')).toContain('products.csv');
    const header = answer.body.split('\n')[0];
    expect(header).toBe(
      'externalProductId,name,description,productUrl,imageUrl,category,brand,price,discountPrice,currency,stockStatus,commissionType,commissionValue,campaignId',
    );
    const rows = rowsOf(answer.body);
    expect(rows).toHaveLength(count);
    const byId = new Map(rows.map((r) => [r.externalProductId, r]));
    expect(byId.get('EXP-00007')).toMatchObject({ name: 'Shawl, "wool" 7', price: '12.50', currency: 'NPR', category: 'Shawls', description: '' });
    // A cell a spreadsheet would run as a formula is defused.
    expect(byId.get('EXP-00000')!.name).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(byId.has('TEST-ONLY')).toBe(false);

    // The same list by Accept header, with the list's filters.
    const filtered = await csvGet(merchant.live, '/api/v1/products?search=EXP-0000', { accept: 'text/csv' });
    expect(
      rowsOf(filtered.body)
        .map((r) => r.externalProductId)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `EXP-0000${i}`));
    // Without either, it is JSON as before.
    const json = await merchant.live.get('/api/v1/products?pageSize=2');
    expect(json.body).toMatchObject({ total: count, pageSize: 2 });
  });

  it('downloads orders and commissions of the mode, one row each, with the attribution and commission', async () => {
    const ids: string[] = [];
    for (const amount of ['100.00', '250.00']) {
      const clickId = await insertClick(t.platform.db, campaign, affiliate.affiliateId);
      const id = orderId('X');
      ids.push(id);
      expect((await merchant.live.post('/api/v1/conversions', { orderId: id, clickId, amount, items: [{ sku: 'A', qty: 1, price: amount }] })).status).toBe(
        201,
      );
    }
    const unattributed = orderId('U');
    await merchant.live.post('/api/v1/conversions', { orderId: unattributed, amount: '5.00' });
    await merchant.test.post('/api/v1/conversions', { orderId: orderId('T'), amount: '5.00' });

    const orders = rowsOf((await csvGet(merchant.live, '/api/v1/orders?format=csv')).body);
    expect(orders).toHaveLength(3);
    const first = orders.find((o) => o.orderId === ids[1])!;
    expect(first).toMatchObject({
      amount: '250.00',
      currency: 'NPR',
      status: 'pending',
      attributed: 'true',
      affiliateRef: expect.any(String),
      commissionStatus: 'pending',
      commissionAmount: '25.00',
    });
    expect(orders.find((o) => o.orderId === unattributed)).toMatchObject({ attributed: 'false', unattributedReason: 'NO_CLICK_ID', commissionId: '' });
    const attributedOnly = rowsOf((await csvGet(merchant.live, '/api/v1/orders?format=csv&attributed=true')).body);
    expect(attributedOnly.map((o) => o.orderId).sort()).toEqual([...ids].sort());

    const commissions = rowsOf((await csvGet(merchant.live, '/api/v1/commissions', { accept: 'text/csv' })).body);
    expect(commissions.map((c) => [c.orderId, c.amount, c.status, c.rateType, c.rateValue]).sort()).toEqual(
      [
        [ids[0], '10.00', 'pending', 'PERCENTAGE', '10'],
        [ids[1], '25.00', 'pending', 'PERCENTAGE', '10'],
      ].sort(),
    );
    expect(commissions[0]).toHaveProperty('riskScore');

    // Another merchant's export is empty but still has its header.
    const none = await csvGet(other.live, '/api/v1/orders?format=csv');
    expect(none.body.trim().split('\n')).toEqual([expect.stringMatching(/^orderId,conversionId,status,amount/)]);
    expect((await csvGet(other.live, '/api/v1/commissions?format=xml')).status).toBe(400);
  });

  it('serves the same downloads to the dashboard session, and the affiliate their own commissions', async () => {
    const session = await signIn(t, merchant.email);
    const live = await session.request('GET', '/api/v1/commissions?format=csv');
    expect(String(live.headers['content-type'])).toContain('text/csv');
    expect(rowsOf(live.body as string)).toHaveLength(2);
    const test = await session.request('GET', '/api/v1/orders?format=csv', undefined, { 'x-mode': 'test' });
    expect(rowsOf(test.body as string)).toHaveLength(1);

    const mine = await signIn(t, affiliate.email);
    const own = await mine.request('GET', '/api/affiliate/commissions?format=csv');
    expect(rowsOf(own.body as string).map((c) => c.status)).toEqual(['pending', 'pending']);
  });
});
