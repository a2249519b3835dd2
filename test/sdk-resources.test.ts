import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartError } from '../sdk/src/index.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
});
afterAll(() => t.close());

describe(`the SDK's typed resource methods against the real server on ${backend}`, () => {
  it('creates, reads, updates and activates a campaign, and lists it page after page', async () => {
    const client = merchant.test;
    const created = await client.campaigns.create({ title: 'SDK sale', defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '12.5' });
    expect(created).toMatchObject({ title: 'SDK sale', status: 'DRAFT', defaultCommissionValue: '12.5' });
    const renamed = await client.campaigns.update(created.id, { title: 'SDK sale, renamed' });
    expect(renamed.title).toBe('SDK sale, renamed');
    expect((await client.campaigns.activate(created.id)).status).toBe('ACTIVE');
    expect((await client.campaigns.get(created.id)).title).toBe('SDK sale, renamed');

    for (let i = 0; i < 4; i++) await client.campaigns.create({ title: `Paged ${i}`, defaultCommissionType: 'FIXED', defaultCommissionValue: '50' });
    const titles: string[] = [];
    for await (const campaign of client.paginate((page) => client.campaigns.list({ page, pageSize: 2 }))) titles.push(campaign.title);
    expect(titles).toHaveLength(5);
    expect(new Set(titles).size).toBe(5);
    // Test and live are separate worlds.
    expect((await merchant.live.campaigns.list()).total).toBe(0);
  });

  it('throws a typed error carrying the code, the status and the field', async () => {
    const refused = await merchant.test.campaigns
      .create({ title: 'Bad money', defaultCommissionType: 'FIXED', defaultCommissionValue: 10 as unknown as string })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InfluencemartError);
    const error = refused as InfluencemartError;
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error.details)).toContain('defaultCommissionValue');
    expect(error.requestId).toBeTruthy();

    const missing = await merchant.test.campaigns.get('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('applies a write once when the same idempotency key is sent twice', async () => {
    const body = { title: 'Once only', defaultCommissionType: 'FIXED' as const, defaultCommissionValue: '25' };
    const first = await merchant.live.campaigns.create(body, { idempotencyKey: 'sdk-once' });
    const second = await merchant.live.campaigns.create(body, { idempotencyKey: 'sdk-once' });
    expect(second.id).toBe(first.id);
    expect((await merchant.live.campaigns.list({ pageSize: 50 })).data.filter((c) => c.title === 'Once only')).toHaveLength(1);
  });

  it('uploads a CSV import as the raw signed body and reads its results, the error report as text', async () => {
    const client = merchant.test;
    const template = await client.imports.getTemplate('products');
    expect(template.split('\n')[0]).toContain('externalProductId');
    const csv = `externalProductId,name,productUrl,price\nSDK-1,Shawl,https://${merchant.domain}/p/1,10.00\nSDK-2,Hat,https://elsewhere.example.org/p/2,5.00\n`;
    const created = await client.imports.create(csv, { type: 'products' }, { idempotencyKey: 'sdk-import-1' });
    expect(created).toMatchObject({ type: 'products' });
    await t.platform.worker.runDueJobs();
    expect(await client.imports.get(created.id)).toMatchObject({ status: 'completed', rowsTotal: 2, rowsSucceeded: 1, rowsFailed: 1 });
    expect(await client.imports.getErrors(created.id)).toContain('3,productUrl,PRODUCT_URL_NOT_ALLOWED');
    expect((await client.products.list({ pageSize: 50 })).data.map((p) => p.externalProductId)).toContain('SDK-1');
  });
});
