import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMerchant, PASSWORD, type TestMerchant } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

let h: Harness;
let store: TestMerchant;
let campaignId: string;

beforeAll(async () => {
  h = await startHarness();
  store = await makeMerchant(h.t, { businessName: 'Thamel Trekking Supply' });
  const campaign = await store.live.post('/api/v1/campaigns', { title: 'Monsoon gear', defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '8' });
  campaignId = campaign.body.id;
  // 30 live socks (two pages), one jacket in a campaign, one test-mode tent.
  const socks = Array.from({ length: 30 }, (_, i) => ({
    externalProductId: `SOCK-${String(i).padStart(2, '0')}`,
    name: `Wool sock ${i}`,
    productUrl: `https://${store.domain}/socks/${i}`,
    price: '450.00',
  }));
  const jacket = {
    externalProductId: 'JKT-1',
    name: 'Down jacket',
    productUrl: `https://${store.domain}/jacket`,
    price: '12000.00',
    category: 'Jackets',
    campaignId,
  };
  expect((await store.live.post('/api/v1/products/upsert', { products: [...socks, jacket] })).body).toMatchObject({ created: 31, failed: 0 });
  expect(
    (
      await store.test.post('/api/v1/products/upsert', {
        products: [{ externalProductId: 'TENT-T', name: 'Test tent', productUrl: `https://${store.domain}/tent`, price: '9000.00' }],
      })
    ).body,
  ).toMatchObject({ created: 1 });
}, 120_000);
afterAll(() => h?.close());

describe('merchant products page', () => {
  it('pages, searches and filters the catalogue, edits a product with a field error first, archives and restores it, and shows test products apart', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, store.email, PASSWORD, '/merchant/products');
    await page.getByRole('navigation', { name: 'Products pages' }).getByText('1–25 of 31').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('26–31 of 31').waitFor();

    await page.getByLabel('Name or product id (optional)').fill('jkt');
    await page.getByRole('button', { name: 'Search' }).click();
    const jacket = page.getByRole('row', { name: /Down jacket/ });
    await jacket.waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    expect(await jacket.textContent()).toContain('Monsoon gear');
    await page.getByLabel('Name or product id (optional)').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByLabel('Campaign', { exact: true }).selectOption(campaignId);
    await page.getByText('Down jacket').waitFor();
    expect(await page.getByRole('row').count()).toBe(2);

    await jacket.getByRole('button', { name: 'Edit Down jacket' }).click();
    const form = page.getByRole('form', { name: 'Edit Down jacket' });
    await form.getByLabel('Product page').fill('https://elsewhere.example.org/jacket');
    await form.getByLabel('Sale price (NPR) (optional)').fill('9999.00');
    await form.getByRole('button', { name: 'Save product' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('Product page').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Product page').fill(`https://${store.domain}/jacket-2026`);
    await form.getByLabel('Own commission (optional)').selectOption('FIXED');
    await form.getByLabel('Own commission rate (optional)').fill('500.00');
    await form.getByRole('button', { name: 'Save product' }).click();
    await form.waitFor({ state: 'detached' });
    await jacket.getByText('NPR 9,999.00').waitFor();
    expect(await jacket.textContent()).toContain('NPR 500.00 per sale');
    const saved = (await store.live.get('/api/v1/products?search=JKT-1')).body.data[0];
    expect(saved).toMatchObject({
      productUrl: `https://${store.domain}/jacket-2026`,
      discountPrice: '9999.00',
      commissionType: 'FIXED',
      commissionValue: '500.00',
    });

    await jacket.getByRole('button', { name: 'Archive Down jacket' }).click();
    await page.getByText('No live products here').waitFor();
    await page.getByLabel('Status').selectOption('ARCHIVED');
    await page.getByRole('button', { name: 'Restore Down jacket' }).click();
    await page.getByText('No live products here').waitFor();
    expect((await store.live.get('/api/v1/products?search=JKT-1')).body.data[0].status).toBe('ACTIVE');

    await page.getByRole('button', { name: 'Test data' }).click();
    await page.getByLabel('Status').selectOption('ACTIVE');
    await page.getByRole('row', { name: /Test tent/ }).waitFor();
    expect(await page.getByRole('row').count()).toBe(2);

    await page.setViewportSize({ width: 390, height: 844 });
    const edit = page.getByRole('button', { name: 'Edit Test tent' });
    const box = await edit.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await context.close();
  });
});
