import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate } from '../../web/src/format.ts';
import { makeAffiliate, makeMerchant, PASSWORD, signIn, type TestMerchant } from '../../test/support/factories.ts';
import { axeViolations } from './support/axe.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/**
 * The affiliate's link journey on the real server: join, build a link with the campaign and product
 * pickers and a sub-id, a real click on it and an order the store reports with its signed API, then
 * the link's figures and the commission in the state-filtered list.
 */

let h: Harness;
let merchant: TestMerchant;
let affiliate: Awaited<ReturnType<typeof makeAffiliate>>;
let campaign: { id: string; title: string };
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

beforeAll(async () => {
  h = await startHarness();
  merchant = await makeMerchant(h.t, { businessName: 'Ilam Tea House' });
  affiliate = await makeAffiliate(h.t, { displayName: 'Mountain Reviews' });
  const created = await merchant.live.post('/api/v1/campaigns', {
    title: 'First Flush Festival',
    category: 'Food',
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: '10',
    cookieDurationDays: 30,
    landingUrl: `https://${merchant.domain}/festival`,
  });
  expect(created.status).toBe(201);
  campaign = created.body;
  expect((await merchant.live.post(`/api/v1/campaigns/${campaign.id}/activate`)).status).toBe(200);
  const session = await signIn(h.t, merchant.email);
  expect((await session.request('POST', `/api/merchant/campaigns/${campaign.id}/listing`, { public: true })).status).toBe(200);
  // Enough products that the picker pages, and only two that match the search.
  const teas = ['Ilam green tea', 'Ilam black tea', ...Array.from({ length: 10 }, (_, i) => `Tea cup ${i + 1}`)];
  for (const [i, name] of teas.entries()) {
    const product = await merchant.live.post('/api/v1/products', {
      externalProductId: `TEA-${i + 1}`,
      name,
      productUrl: `https://${merchant.domain}/p/tea-${i + 1}`,
      price: '1000.00',
      currency: 'NPR',
      campaignId: campaign.id,
    });
    expect(product.status, JSON.stringify(product.body)).toBe(201);
  }
  // Another store's campaign the affiliate never joins: it is not offered.
  const stranger = await makeMerchant(h.t);
  expect((await stranger.live.post('/api/v1/campaigns', { title: 'Someone else’s sale' })).status).toBe(201);
}, 120_000);
afterAll(() => h?.close());

/** Reload until the text shows (roll-ups and commissions arrive within seconds, not at once). */
async function reloadUntil(page: Page, locate: () => ReturnType<Page['getByText']>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await locate().count()) > 0) return;
    if (Date.now() > deadline) throw new Error('timed out waiting for the page to show the new figures');
    await page.waitForTimeout(500);
    await page.reload();
    await page.waitForLoadState('networkidle');
  }
}

describe('affiliate link builder in a real browser', () => {
  it('joins, builds a product link with a sub-id from the pickers, and sees its click and commission', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, affiliate.email, PASSWORD, '/affiliate/marketplace');
    const card = page.getByRole('article', { name: campaign.title });
    await card.getByRole('button', { name: 'Join' }).click();
    await card.getByRole('link', { name: 'Make a link' }).waitFor();

    await page.goto('/affiliate/links');
    const form = page.getByRole('form', { name: 'New link' });
    const campaignSelect = form.getByLabel('Campaign', { exact: true });
    await campaignSelect.locator('option', { hasText: 'First Flush Festival' }).waitFor({ state: 'attached' });
    // Only joined campaigns are offered, narrowed by the search.
    expect(await campaignSelect.locator('option').allTextContents()).toEqual(['Choose a campaign… (1)', 'First Flush Festival · Ilam Tea House']);
    await form.getByLabel('Find a campaign').fill('nothing like it');
    expect(await campaignSelect.locator('option').allTextContents()).toEqual(['No joined campaign matches']);
    await form.getByLabel('Find a campaign').fill('flush');
    await campaignSelect.selectOption({ label: 'First Flush Festival · Ilam Tea House' });

    // The product picker pages through the campaign's products and searches on the server.
    await form.getByRole('navigation', { name: 'Products pages' }).getByText('1–8 of 12').waitFor();
    await form.getByLabel('Find a product').fill('ilam');
    await form.getByRole('radio', { name: /Ilam black tea/ }).waitFor();
    await form.getByRole('navigation', { name: 'Products pages' }).waitFor({ state: 'detached' });
    expect(await form.getByRole('radio').count()).toBe(3); // the whole campaign and the two Ilam teas
    await form.getByRole('radio', { name: /Ilam green tea/ }).check();

    await form.getByLabel('sub1').fill('spring-sale');
    await form.getByLabel('sub3').fill('reel 2');
    const origin = new URL(h.t.url).origin;
    expect(await form.getByRole('status', { name: 'Link preview' }).textContent()).toBe(`${origin}/r/{code}?sub1=spring-sale&sub3=reel+2`);
    expect(await axeViolations(page, 'link builder')).toEqual([]);
    await form.getByRole('button', { name: 'Create link' }).click();

    const made = page.getByRole('status').filter({ hasText: 'New link:' });
    await made.waitFor();
    const shared = (await made.locator('.mono').textContent())!.trim();
    expect(shared).toMatch(new RegExp(`^${origin}/r/[A-Z0-9]{10}\\?sub1=spring-sale&sub3=reel\\+2$`));
    await made.getByRole('button', { name: /QR code/ }).click();
    const qr = made.getByRole('img', { name: `QR code for ${shared}` });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/\/qr\.svg\?sub1=spring-sale&sub3=reel\+2$/);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    const row = page.getByRole('row').filter({ hasText: shared.split('?')[0]! });
    await row.waitFor();
    expect(await row.textContent()).toContain('Ilam green tea');

    // A buyer clicks the shared link; the store reports the order with its signed API.
    const redirect = await fetch(shared, { redirect: 'manual', headers: { 'user-agent': BROWSER_UA } });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location')!);
    expect(location.pathname).toBe('/p/tea-1');
    const clickId = location.searchParams.get('affiliate_click_id');
    const order = await merchant.live.post('/api/v1/conversions', {
      orderId: 'TEA-ORDER-1',
      clickId,
      amount: '1500.00',
      currency: 'NPR',
      status: 'confirmed',
      occurredAt: new Date().toISOString(),
    });
    expect(order.body).toMatchObject({ attributed: true, commission: { amount: '150.00' } });
    expect((await merchant.live.patch('/api/v1/orders/TEA-ORDER-1', { status: 'delivered' })).status).toBe(200);

    // The links list shows the period's click, conversion and earnings for that link.
    await page.goto('/affiliate/links');
    const linkRow = () => page.getByRole('row').filter({ hasText: shared.split('?')[0]! });
    await reloadUntil(page, () => linkRow().getByRole('cell', { name: 'NPR 150.00' }));
    const cells = await linkRow().getByRole('cell').allTextContents();
    expect(cells.slice(2, 5)).toEqual(['1', '1', 'NPR 150.00']);
    expect(await axeViolations(page, 'links with figures')).toEqual([]);

    // The commission is on hold after delivery, with its payable-from date; the state filter asks the server.
    await page.goto('/affiliate/wallet');
    const commissions = page.getByRole('region', { name: 'Commissions', exact: true });
    await commissions.getByRole('row').filter({ hasText: 'TEA-ORDER-1' }).waitFor();
    const stateFilter = commissions.getByLabel('State');
    await stateFilter.selectOption('pending');
    await commissions.getByText('No pending commissions.').waitFor();
    await stateFilter.selectOption('hold');
    const held = commissions.getByRole('row').filter({ hasText: 'TEA-ORDER-1' });
    await held.waitFor();
    const heldCells = await held.locator('th, td').allTextContents();
    expect(heldCells[1]).toBe('NPR 150.00');
    expect(heldCells[2]!.toLowerCase()).toContain('hold');
    const api = await page.request.get('/api/affiliate/commissions?status=hold');
    const [commission] = (await api.json()).data;
    // Delivered just now, held through the store's 14-day return window.
    expect(Date.parse(commission.holdUntil) - Date.now()).toBeGreaterThan(13 * 86_400_000);
    expect(heldCells[3]).toBe(formatDate(commission.holdUntil));
    expect(await axeViolations(page, 'filtered commissions')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
