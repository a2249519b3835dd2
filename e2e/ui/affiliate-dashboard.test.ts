import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAffiliate, makeMerchant, PASSWORD, signIn, type TestMerchant } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/** Every page of the affiliate dashboard, on the real server with data made through its API and a real click. */

let h: Harness;
let merchant: TestMerchant;
let affiliate: Awaited<ReturnType<typeof makeAffiliate>>;
let campaign: { id: string; title: string };
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36';

beforeAll(async () => {
  h = await startHarness();
  merchant = await makeMerchant(h.t, { businessName: 'Kathmandu Coffee' });
  affiliate = await makeAffiliate(h.t, { displayName: 'Sita Travels' });
  const created = await merchant.live.post('/api/v1/campaigns', {
    title: 'Coffee Lovers',
    category: 'Food',
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: '10',
    cookieDurationDays: 30,
  });
  expect(created.status).toBe(201);
  campaign = created.body;
  expect((await merchant.live.post(`/api/v1/campaigns/${campaign.id}/activate`)).status).toBe(200);
  const session = await signIn(h.t, merchant.email);
  expect((await session.request('POST', `/api/merchant/campaigns/${campaign.id}/listing`, { public: true })).status).toBe(200);
}, 120_000);
afterAll(() => h?.close());

describe('affiliate dashboard in a real browser', () => {
  it('marketplace, links, wallet: joins a campaign, makes a link, and sees the commission of a real click and order', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, affiliate.email, PASSWORD, '/affiliate/marketplace');
    const card = page.getByRole('article', { name: campaign.title });
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain('by Kathmandu Coffee');
    expect(text).toContain('10%');
    expect(text).toContain('30 days');
    await card.getByRole('button', { name: 'Join' }).click();
    await card.getByRole('link', { name: 'Make a link' }).click();

    await page.waitForURL('**/affiliate/links**');
    await page.getByRole('button', { name: /create link/i }).click();
    const row = page.getByRole('row').filter({ hasText: campaign.title });
    await row.waitFor();
    const url = (await row.getByText(/\/r\//).first().textContent())!.trim();
    expect(url).toMatch(/\/r\/[A-Za-z0-9_-]+$/);

    // A buyer clicks the link; the store reports the order.
    const redirect = await fetch(url.startsWith('http') ? url : `${h.t.url}${url}`, { redirect: 'manual', headers: { 'user-agent': BROWSER_UA } });
    const clickId = new URL(redirect.headers.get('location')!).searchParams.get('affiliate_click_id');
    const order = await merchant.live.post('/api/v1/conversions', {
      orderId: 'ORD-7001',
      clickId,
      amount: '1500.00',
      currency: 'NPR',
      status: 'confirmed',
      occurredAt: new Date().toISOString(),
    });
    expect(order.body).toMatchObject({ attributed: true, commission: { amount: '150.00' } });

    await page.goto('/affiliate/wallet');
    const pending = page.getByRole('definition').filter({ hasText: 'NPR 150.00' });
    await pending.first().waitFor();
    await page.goto('/affiliate');
    await page.getByText('NPR 150.00').first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('payout methods and payouts: adds an eSewa wallet shown masked, and a request below the minimum is refused with the reason', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, affiliate.email, PASSWORD, '/affiliate/payout-methods');
    await page.getByRole('radio', { name: 'eSewa' }).check();
    await page.getByLabel('Account holder name').fill('Sita Sharma');
    await page.getByLabel('eSewa mobile number').fill('9812345678');
    await page.getByRole('button', { name: 'Save eSewa' }).click();
    const saved = page.getByRole('listitem').filter({ hasText: 'eSewa' });
    await saved.waitFor();
    expect(await saved.textContent()).toContain('••••5678');
    expect(await saved.textContent()).not.toContain('9812345678');

    await page.goto('/affiliate/payouts');
    await page.getByRole('heading', { name: 'No payouts yet' }).waitFor();
    await page.getByRole('option', { name: /eSewa · ••••5678/ }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Request payout' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /minimum/i })
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
