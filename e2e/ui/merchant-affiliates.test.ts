import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../web/src/format.ts';
import { approveJoinRequest } from '../../src/modules/memberships/decide-membership.ts';
import { joinCampaign } from '../../src/modules/memberships/index.ts';
import { insertCampaign, insertClick, insertLink } from '../../test/support/conversion-factories.ts';
import { makeAffiliate, makeMerchant, PASSWORD, type TestMerchant } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/** The merchant's Affiliates page: standing per campaign from the memberships, numbers from the reports. */

let h: Harness;
let m: TestMerchant;

beforeAll(async () => {
  h = await startHarness();
  m = await makeMerchant(h.t, { businessName: 'Himal Coffee' });
  const db = h.t.platform.db;
  const listed = { merchantId: m.merchantId, livemode: true, status: 'ACTIVE' as const, publicListing: true, approvalRequired: true, approvedAt: new Date() };
  const coffee = await insertCampaign(db, { ...listed, title: 'Coffee Week', defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 });
  const tea = await insertCampaign(db, { ...listed, title: 'Tea Month', defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 500 });
  const { affiliateId: asha } = await makeAffiliate(h.t, { displayName: 'Asha Gurung' });
  const { affiliateId: bikash } = await makeAffiliate(h.t, { displayName: 'Bikash Rai' });
  const { affiliateId: chandra } = await makeAffiliate(h.t, { displayName: 'Chandra Thapa' });
  const actor = { merchantId: m.merchantId, userId: m.userId };
  for (const [affiliateId, campaign] of [
    [asha, coffee],
    [bikash, coffee],
    [chandra, tea],
  ] as const)
    expect((await joinCampaign(db, affiliateId, campaign.id)).status).toBe('PENDING');
  await approveJoinRequest(db, actor, coffee.id, asha);
  await approveJoinRequest(db, actor, tea.id, chandra);

  // Asha sells one order in Coffee Week (10 % of 2500.00); Chandra one in Tea Month (5 % of 1000.00).
  const ashaLink = await insertLink(db, { affiliateId: asha, merchantId: m.merchantId, livemode: true, campaignId: coffee.id });
  const ashaClick = await insertClick(db, coffee, asha, { linkId: ashaLink.id, clickedAt: new Date(Date.now() - 3_600_000) });
  const chandraClick = await insertClick(db, tea, chandra, { clickedAt: new Date(Date.now() - 3_600_000) });
  for (const [orderId, clickId, amount] of [
    ['HC-1', ashaClick, '2500.00'],
    ['HC-2', chandraClick, '1000.00'],
  ] as const) {
    const response = await m.live.post('/api/v1/conversions', { orderId, clickId, amount });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
}, 120_000);
afterAll(() => h?.close());

describe('merchant affiliates page', () => {
  it('lists members per campaign and by standing, with what each brought in', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, m.email, PASSWORD, '/merchant');
    await page.getByRole('navigation').getByRole('link', { name: 'Affiliates' }).first().click();
    await page.waitForURL('**/merchant/affiliates');
    await page.getByRole('heading', { level: 1, name: 'Affiliates' }).waitFor();

    const members = page.getByRole('region', { name: 'Members' });
    const names = () => members.locator('tbody th[scope="row"] .cell-title').allTextContents();
    await members.getByRole('row', { name: /Asha Gurung/ }).waitFor();
    expect((await names()).sort()).toEqual(['Asha Gurung', 'Chandra Thapa']);
    expect(
      await members
        .getByRole('row', { name: /Chandra Thapa/ })
        .getByText('Tea Month')
        .count(),
    ).toBe(1);

    // Their numbers over every campaign: both creators, with their commission.
    const numbers = page.getByRole('region', { name: 'Their numbers' });
    await numbers
      .getByRole('row', { name: /Asha Gurung/ })
      .getByText(formatMoney('250.00'))
      .waitFor();
    await numbers
      .getByRole('row', { name: /Chandra Thapa/ })
      .getByText(formatMoney('50.00'))
      .waitFor();

    // One campaign: its member only, and only its numbers.
    await page.getByLabel('Campaign').selectOption({ label: 'Coffee Week' });
    await page.getByRole('heading', { name: 'Their numbers in Coffee Week' }).waitFor();
    await members.getByRole('row', { name: /Chandra Thapa/ }).waitFor({ state: 'detached' });
    await members.getByRole('row', { name: /Asha Gurung/ }).waitFor();
    expect(await names()).toEqual(['Asha Gurung']);
    const coffeeNumbers = page.getByRole('region', { name: 'Their numbers in Coffee Week' });
    await coffeeNumbers
      .getByRole('row', { name: /Asha Gurung/ })
      .getByText(formatMoney('250.00'))
      .waitFor();
    expect(await coffeeNumbers.getByRole('row', { name: /Chandra Thapa/ }).count()).toBe(0);

    // Standing: who is still asking to join this campaign.
    await page.getByLabel('Standing').selectOption({ label: 'Asking to join' });
    const asking = page.getByRole('region', { name: 'Asking to join' });
    await asking.getByRole('row', { name: /Bikash Rai/ }).waitFor();
    expect(await asking.getByRole('row', { name: /Asha Gurung/ }).count()).toBe(0);
    expect(
      await asking
        .getByRole('row', { name: /Bikash Rai/ })
        .getByText('Pending')
        .count(),
    ).toBe(1);

    expect(problems).toEqual([]);
    await context.close();
  });
});
