import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMerchant, signIn } from '../../test/support/factories.ts';
import { startHarness, type Harness } from './support/browser.ts';

/** The public campaign listing, on the real server with a campaign listed through the API. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const merchant = await makeMerchant(h.t, { businessName: 'Lalitpur Crafts' });
  const created = await merchant.live.post('/api/v1/campaigns', {
    title: 'Handmade Festival',
    category: 'Crafts',
    defaultCommissionType: 'FIXED',
    defaultCommissionValue: '75.00',
    cookieDurationDays: 14,
  });
  await merchant.live.post(`/api/v1/campaigns/${created.body.id}/activate`);
  const session = await signIn(h.t, merchant.email);
  expect((await session.request('POST', `/api/merchant/campaigns/${created.body.id}/listing`, { public: true })).status).toBe(200);
}, 120_000);
afterAll(() => h?.close());

describe('public campaigns page in a real browser', () => {
  it('shows each listed campaign with its store, commission, window and how to join', async () => {
    const { page, context, problems } = await h.newPage();
    await page.goto('/campaigns');
    const card = page.getByRole('article', { name: 'Handmade Festival' });
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain('by Lalitpur Crafts');
    expect(text).toContain('NPR 75.00 per sale');
    expect(text).toContain('14 days');
    expect(text).toContain('Crafts');
    await card.getByRole('link', { name: 'Join as a creator' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the landing page leads a visitor from the offer to the public campaigns listing', async () => {
    const { page, context, problems } = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Affiliate commerce, on your own terms' }).waitFor();
    expect(await page.getByRole('link', { name: 'Join as a creator' }).getAttribute('href')).toBe('/signup?role=affiliate');
    expect(await page.getByRole('link', { name: 'Sign up your store' }).getAttribute('href')).toBe('/signup?role=merchant');
    await page.getByRole('link', { name: 'Browse public campaigns' }).click();
    await page.getByRole('article', { name: 'Handmade Festival' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
