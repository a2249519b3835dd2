import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMerchant } from '../../src/modules/merchants/approve-merchant.ts';
import { makeMerchant, PASSWORD, signIn, type TestMerchant } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/** Every page of the merchant dashboard, on the real server with data made through its API. */

let h: Harness;
let merchant: TestMerchant;
let liveCampaign: { id: string; title: string };
let testCampaign: { id: string; title: string };

beforeAll(async () => {
  h = await startHarness();
  merchant = await makeMerchant(h.t, { businessName: 'Himalayan Pashmina' });
  const live = await merchant.live.post('/api/v1/campaigns', { title: 'Monsoon Sale', defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '8' });
  const test = await merchant.test.post('/api/v1/campaigns', { title: 'Sandbox Promo' });
  expect([live.status, test.status]).toEqual([201, 201]);
  expect((await merchant.live.post(`/api/v1/campaigns/${live.body.id}/activate`)).status).toBe(200);
  liveCampaign = live.body;
  testCampaign = test.body;
}, 120_000);
afterAll(() => h?.close());

describe('merchant dashboard in a real browser', () => {
  it('overview: the store, its review status and its domains', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, merchant.email, PASSWORD, '/merchant');
    await page.getByRole('heading', { name: 'Himalayan Pashmina' }).waitFor();
    await page.getByText(merchant.domain).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('campaigns: live and test campaigns from the shared /api/v1 routes, and the public listing switch', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, merchant.email, PASSWORD, '/merchant/campaigns');
    const row = page.getByRole('row').filter({ hasText: liveCampaign.title });
    await row.waitFor();
    expect(await row.textContent()).toContain('Active');
    expect(await page.getByRole('row').filter({ hasText: testCampaign.title }).count()).toBe(0);

    await page.getByRole('button', { name: 'Test data' }).click();
    await page.getByRole('row').filter({ hasText: testCampaign.title }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: liveCampaign.title }).count()).toBe(0);

    await page.getByRole('button', { name: 'Live data' }).click();
    await row.getByRole('switch', { name: 'List publicly' }).click();
    await row.getByText('Shown on the public campaigns page.').waitFor();
    expect((await merchant.live.get(`/api/v1/campaigns/${liveCampaign.id}`)).body.publicListing).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('developers: keys with reveal-once and rotation, and the request log of real API calls', async () => {
    await merchant.test.get('/api/v1/account');
    const { page, context, problems } = await h.newPage();
    await logIn(page, merchant.email, PASSWORD, '/merchant/developers');
    const liveRow = page.getByRole('row').filter({ hasText: merchant.keys.live.publishableKey });
    await liveRow.waitFor();
    expect(await liveRow.textContent()).toContain('Live');

    await liveRow.getByRole('button', { name: 'Rotate' }).click();
    const secret = page.getByText(/^sk_live_/).first();
    await secret.waitFor();
    const newSecret = (await secret.textContent())!;
    expect(newSecret).not.toBe(merchant.keys.live.signingSecret);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await liveRow.textContent()).toContain('Expiring');
    // The old pair keeps working through its grace period.
    expect((await merchant.live.get('/api/v1/account')).status).toBe(200);

    await page.getByRole('row').filter({ hasText: 'GET' }).filter({ hasText: '/api/v1/account' }).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('developers: a key pair issued at approval reveals its signing secret once', async () => {
    const store = await makeMerchant(h.t, { approved: false });
    const issued = await approveMerchant(h.t.platform.db, h.t.platform.secrets, store.merchantId, null, { secretsShown: false });
    const { page, context, problems } = await h.newPage();
    await logIn(page, store.email, PASSWORD, '/merchant/developers');
    const testRow = page.getByRole('row').filter({ hasText: issued.test.publishableKey });
    await testRow.getByRole('button', { name: 'Reveal secret' }).click();
    await page.getByText(issued.test.signingSecret, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.reload();
    await testRow.waitFor();
    expect(await testRow.getByRole('button', { name: 'Reveal secret' }).count()).toBe(0);
    expect(await page.getByText(issued.test.signingSecret).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('settings: the store chooses its own notifications, and the choice is kept', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, merchant.email, PASSWORD, '/merchant/settings');
    const joinRequests = page.getByLabel('A creator asks to join one of my campaigns');
    await joinRequests.waitFor();
    expect(await joinRequests.isChecked()).toBe(true);
    // A creator's notifications are not offered to a store.
    expect(await page.getByLabel('A payout of mine is paid').count()).toBe(0);
    await joinRequests.click();
    await page.getByText('Saved.').waitFor();
    expect(await joinRequests.isChecked()).toBe(false);
    const saved = await (await signIn(h.t, merchant.email)).request('GET', '/api/auth/email-settings');
    expect(saved.body.notifications).toContainEqual({ kind: 'join_request_received', enabled: false });
    expect(problems).toEqual([]);
    await context.close();
  });
});
