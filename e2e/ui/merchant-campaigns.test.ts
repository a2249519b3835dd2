import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMerchant, createAdmin, signUpAffiliate, signUpMerchant } from '../../src/modules/accounts/accounts.service.ts';
import { activateCampaign } from '../../src/modules/campaigns/activate-campaign.ts';
import { approveCampaign } from '../../src/modules/campaigns/approve-campaign.ts';
import { createCampaign } from '../../src/modules/campaigns/create-campaign.ts';
import { getCampaign, listCampaigns } from '../../src/modules/campaigns/list-campaigns.ts';
import { setCampaignListing } from '../../src/modules/campaigns/set-campaign-listing.ts';
import { joinCampaign } from '../../src/modules/memberships/join-campaign.ts';
import { listJoinRequests } from '../../src/modules/memberships/list-join-requests.ts';
import { PASSWORD, startHarness, uniqueEmail, type Harness } from './support/browser.ts';
import { logIn } from './support/log-in.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

describe('merchant campaigns page', () => {
  it('creates, edits, activates, pauses and archives a test campaign, and approves a join request', async () => {
    const db = h.t.platform.db;
    const email = uniqueEmail('store');
    const { merchantId } = await signUpMerchant(db, { email, password: PASSWORD, businessName: 'Everest Gear', website: 'https://everest-gear.example.com' });
    await approveMerchant(db, h.t.platform.secrets, merchantId, null);
    const { userId: adminId } = await createAdmin(db, { email: uniqueEmail('admin'), password: PASSWORD });
    const live = { merchantId, livemode: true };
    const monsoon = await createCampaign(db, live, {
      title: 'Monsoon Sale',
      approvalRequired: true,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: '8',
    });
    await approveCampaign(db, monsoon.id, adminId);
    await activateCampaign(db, live, monsoon.id);
    await setCampaignListing(db, { merchantId }, monsoon.id, true);
    const { affiliateId } = await signUpAffiliate(db, { email: uniqueEmail('creator'), password: PASSWORD, displayName: 'Trekking Tara' });
    expect((await joinCampaign(db, affiliateId, monsoon.id)).status).toBe('PENDING');

    const { page, context, problems } = await h.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await logIn(page, email, '/merchant');
    await page.goto('/merchant/campaigns');
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();

    // Live data: the listed campaign with its commission, and the request to join it.
    const monsoonRow = page.getByRole('row', { name: /Monsoon Sale/ });
    await monsoonRow.getByText('Active').waitFor();
    expect(await monsoonRow.getByText('8%').count()).toBe(1);
    const requests = page.getByRole('region', { name: 'Join requests' });
    await requests
      .getByRole('row', { name: /Trekking Tara/ })
      .getByText('Monsoon Sale')
      .waitFor();
    await requests.getByRole('button', { name: 'Approve Trekking Tara for Monsoon Sale' }).click();
    await requests.getByText('No one is waiting').waitFor();
    const approved = await listJoinRequests(db, merchantId, { status: 'APPROVED', page: 1, pageSize: 10 });
    expect(approved.data.map((request) => [request.affiliate.id, request.campaignId])).toEqual([[affiliateId, monsoon.id]]);

    // Test data: empty until a campaign is created there.
    await page.getByRole('button', { name: 'Test data' }).click();
    await page.waitForURL('**/merchant/campaigns?mode=test');
    await page.getByText('No test campaigns yet').waitFor();
    await page.getByRole('button', { name: 'New campaign' }).click();
    const form = page.getByRole('form', { name: 'New campaign' });
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await form.getByText('Title is required').waitFor();
    await form.getByLabel('Title').fill('Sandbox Trial');
    await form.getByLabel('Commission type').selectOption('PERCENTAGE');
    await form.getByLabel('Commission rate').fill('10');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await form.waitFor({ state: 'detached' });
    const trialRow = page.getByRole('row', { name: /Sandbox Trial/ });
    await trialRow.getByText('Draft').waitFor();
    expect(await trialRow.getByText('Test', { exact: true }).count()).toBe(1);
    expect(await trialRow.getByText('10%').count()).toBe(1);

    await page.getByRole('button', { name: 'Edit Sandbox Trial' }).click();
    const edit = page.getByRole('form', { name: 'Edit Sandbox Trial' });
    await edit.getByLabel('Title').fill('Sandbox Trial Two');
    await edit.getByLabel('Cookie days').fill('45');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    const renamed = page.getByRole('row', { name: /Sandbox Trial Two/ });
    await page.getByRole('button', { name: 'Activate Sandbox Trial Two' }).click();
    await renamed.getByText('Active').waitFor();
    await page.getByRole('button', { name: 'Pause Sandbox Trial Two' }).click();
    await renamed.getByText('Paused').waitFor();
    await page.getByRole('button', { name: 'Archive Sandbox Trial Two' }).click();
    await renamed.getByText('Archived').waitFor();
    expect(await page.getByRole('button', { name: 'Activate Sandbox Trial Two' }).count()).toBe(0);

    const testCampaigns = await listCampaigns(db, { merchantId, livemode: false }, { page: 1, pageSize: 10 });
    expect(testCampaigns.data).toHaveLength(1);
    const stored = await getCampaign(db, { merchantId, livemode: false }, testCampaigns.data[0]!.id);
    expect(stored).toMatchObject({
      title: 'Sandbox Trial Two',
      status: 'ARCHIVED',
      livemode: false,
      cookieDurationDays: 45,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: '10',
    });

    // On a phone the table becomes cards and every action stays on screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/merchant/campaigns');
    const activeCampaign = page.getByRole('row', { name: /Monsoon Sale/ });
    await activeCampaign.getByText('Active').waitFor();
    const pause = page.getByRole('button', { name: 'Pause Monsoon Sale' });
    const box = await pause.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await context.close();
  });
});
