import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeAffiliate, makeMerchant, PASSWORD, signIn, type TestMerchant } from '../../test/support/factories.ts';
import { makeLink } from '../../test/support/link-factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/** The admin's queues and tools on the real server: each page shows real records and its actions reach the API. */

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

let h: Harness;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let store: TestMerchant;
let flaggedOrders: string[];

/** A live order on a click from the creator's own address, seconds after it: flagged for review. */
async function flaggedOrder(orderId: string): Promise<string> {
  const { link, affiliate } = await makeLink(h.t, store, { campaign: { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 } });
  await (await signIn(h.t, affiliate.email)).request('GET', '/api/affiliate/wallet'); // the creator's own address, seen
  const redirect = await fetch(`${h.t.url}/r/${link.code}`, { redirect: 'manual', headers: { 'user-agent': CHROME } });
  const clickId = new URL(redirect.headers.get('location')!).searchParams.get('affiliate_click_id');
  const answer = await store.live.post('/api/v1/conversions', { orderId, clickId, amount: '1000.00' });
  expect(answer.body).toMatchObject({ attributed: true, risk: { reviewRequired: true } });
  return orderId;
}

beforeAll(async () => {
  h = await startHarness();
  admin = await makeAdmin(h.t);
  store = await makeMerchant(h.t, { businessName: 'Lumbini Incense Co' });
  expect((await store.live.post('/api/v1/domains', { domain: 'incense-outlet.example.net' })).status).toBe(201);
  expect(
    (await store.live.post('/api/v1/campaigns', { title: 'Festival incense week', approvalRequired: true, termsAndConditions: 'No coupon sites' })).status,
  ).toBe(201);
  await makeMerchant(h.t, { businessName: 'Janakpur Mithila Art', approved: false });
  await makeAffiliate(h.t);
  flaggedOrders = [await flaggedOrder('RISKY-1'), await flaggedOrder('RISKY-2')];
}, 180_000);
afterAll(() => h?.close());

describe('admin queues in a real browser', () => {
  it('counts each queue on the overview, then approves a domain and a campaign and decides two risk reviews', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, admin.email, PASSWORD, '/admin');
    const queue = (name: string) => page.getByRole('region', { name });
    // The new store's own domain waits with it, beside the approved store's extra one.
    await queue('Domains to review').getByText('2 waiting').waitFor();
    expect(await queue('Stores to review').textContent()).toContain('1 waiting');
    expect(await queue('Campaigns to approve').textContent()).toContain('1 waiting');
    expect(await queue('Risk reviews').textContent()).toContain('2 waiting');
    expect(await queue('Payouts to review').textContent()).toContain('0 waiting');

    await queue('Domains to review').getByRole('link', { name: 'Review domains' }).click();
    await page.getByRole('heading', { level: 1, name: 'Domain approvals' }).waitFor();
    const domain = page.getByRole('row', { name: /incense-outlet\.example\.net/ });
    expect(await domain.textContent()).toContain('Lumbini Incense Co');
    await domain.getByRole('button', { name: 'Approve incense-outlet.example.net' }).click();
    await domain.waitFor({ state: 'detached' });
    await page.getByLabel('Status').selectOption('APPROVED');
    await page
      .getByRole('row', { name: /incense-outlet\.example\.net/ })
      .getByText('Approved')
      .waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    const campaign = page.getByRole('row', { name: /Festival incense week/ });
    await campaign.waitFor();
    expect(await campaign.textContent()).toContain('No coupon sites');
    expect(await campaign.textContent()).toContain('Lumbini Incense Co');
    await campaign.getByRole('button', { name: 'Approve Festival incense week' }).click();
    await page.getByText('No campaigns waiting').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk reviews' }).click();
    const first = page.getByRole('row', { name: new RegExp(flaggedOrders[0]!) });
    await first.getByText('Score 100 of 100').waitFor();
    expect(await first.getByRole('listitem').allTextContents()).toEqual([
      'Ordered faster after the click than a person can',
      "The click came from the creator's own address",
    ]);
    await first.getByRole('button', { name: `Reject ${flaggedOrders[0]}` }).click();
    await first.getByLabel('Note (optional)').fill('Own purchase through own link');
    await first.getByRole('button', { name: 'Reject', exact: true }).click();
    await first.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `Approve ${flaggedOrders[1]}` }).click();
    await page.getByText('No live commissions waiting').waitFor();
    const orders = await Promise.all(flaggedOrders.map(async (id) => (await store.live.get(`/api/v1/orders/${id}`)).body));
    expect(orders.map((o) => [o.commission.status, o.commission.risk.reviewStatus])).toEqual([
      ['rejected', 'rejected'],
      ['pending', 'approved'],
    ]);
    await page.getByRole('button', { name: 'Test data' }).click();
    await page.getByText('No test commissions waiting').waitFor();

    // The store sees the same reasons on its order.
    const storeView = await h.newPage();
    await logIn(storeView.page, store.email, PASSWORD, '/merchant/orders');
    await storeView.page.getByRole('button', { name: `Details of ${flaggedOrders[0]}` }).click();
    const reasons = storeView.page.getByRole('list', { name: 'Risk reasons' });
    await reasons.waitFor();
    expect(await reasons.getByRole('listitem').allTextContents()).toEqual([
      'Ordered faster after the click than a person can',
      "The click came from the creator's own address",
    ]);
    expect(storeView.problems).toEqual([]);
    await storeView.context.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds a store, suspends it with a reason the store then sees, reinstates it; changes a setting; reads both in the audit log', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, admin.email, PASSWORD, '/admin/merchants');
    await page
      .getByRole('row', { name: /Janakpur Mithila Art/ })
      .getByRole('button', { name: 'Approve Janakpur Mithila Art' })
      .waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Store name or email (optional)').fill('lumbini');
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row', { name: /Lumbini Incense Co/ });
    await row.getByRole('button', { name: 'Suspend Lumbini Incense Co' }).click();
    await row.getByRole('button', { name: 'Suspend', exact: true }).click();
    await row.getByText('Reason shown to the store is required.').waitFor();
    await row.getByLabel('Reason shown to the store').fill('Unpaid statement since March');
    await row.getByRole('button', { name: 'Suspend', exact: true }).click();
    await row.getByText('Unpaid statement since March').waitFor();
    expect((await store.live.get('/api/v1/account')).status).toBe(403);

    const merchantView = await h.newPage();
    await logIn(merchantView.page, store.email, PASSWORD, '/merchant');
    await merchantView.page.getByRole('heading', { name: /Your store is suspended/ }).waitFor();
    await merchantView.page.getByText('Unpaid statement since March').waitFor();
    await merchantView.context.close();

    await row.getByRole('button', { name: 'Reinstate Lumbini Incense Co' }).click();
    await row.getByRole('button', { name: 'Suspend Lumbini Incense Co' }).waitFor();
    expect((await store.live.get('/api/v1/account')).status).toBe(200);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const minimum = page.getByLabel('Minimum payout (NPR)');
    expect(await minimum.inputValue()).toBe('1000.00');
    await minimum.fill('12.345');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').waitFor();
    expect(await minimum.getAttribute('aria-invalid')).toBe('true');
    await minimum.fill('1500.00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/^Saved\./).waitFor();
    expect(await page.getByLabel('Minimum payout (NPR)').inputValue()).toBe('1500.00');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Subject id (optional)').fill(store.merchantId);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page
      .getByRole('row', { name: /merchant\.suspended/ })
      .getByText('reason: Unpaid statement since March')
      .waitFor();
    expect(await page.getByRole('row', { name: /merchant\./ }).evaluateAll((rows) => rows.map((r) => r.querySelector('.mono')?.textContent))).toEqual([
      'merchant.reinstated',
      'merchant.suspended',
      'merchant.approved',
    ]);
    await page.getByLabel('Subject id (optional)').fill('');
    await page.getByLabel('Action (optional)').fill('platform_settings.changed');
    await page.getByRole('button', { name: 'Filter' }).click();
    const change = page.getByRole('row', { name: /platform_settings/ });
    await change.waitFor();
    expect(await change.textContent()).toContain(admin.email);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works on a phone: navigation behind the Menu button, decisions on screen, nothing wider than the screen', async () => {
    const { page, context, problems } = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, admin.email, PASSWORD, '/admin/merchants');
    const approve = page.getByRole('button', { name: 'Approve Janakpur Mithila Art' });
    await approve.waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    const box = await approve.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    for (const path of ['/admin', '/admin/merchants', '/admin/domains', '/admin/campaigns', '/admin/risk-reviews', '/admin/settings', '/admin/audit-log']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
