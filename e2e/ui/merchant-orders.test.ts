import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMerchant, signUpAffiliate, signUpMerchant } from '../../src/modules/accounts/accounts.service.ts';
import { activateCampaign } from '../../src/modules/campaigns/activate-campaign.ts';
import { campaigns } from '../../src/modules/campaigns/campaigns.tables.ts';
import { createCampaign } from '../../src/modules/campaigns/create-campaign.ts';
import { loadPlatformDefaults } from '../../src/modules/commissions/platform-defaults.ts';
import { findClickInDatabase } from '../../src/modules/conversions/click-record.ts';
import { recordConversion } from '../../src/modules/conversions/record-conversion.ts';
import { insertClick } from '../../test/support/conversion-factories.ts';
import { PASSWORD, startHarness, uniqueEmail, type Harness } from './support/browser.ts';
import { logIn } from './support/log-in.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

describe('merchant orders and commissions pages', () => {
  it('filters orders, opens one with its history and commission, refunds part of it, and lists commissions by state', async () => {
    const db = h.t.platform.db;
    const email = uniqueEmail('store');
    const { merchantId } = await signUpMerchant(db, { email, password: PASSWORD, businessName: 'Everest Gear', website: 'https://everest-gear.example.com' });
    await approveMerchant(db, h.t.platform.secrets, merchantId, null);
    const { affiliateId } = await signUpAffiliate(db, { email: uniqueEmail('creator'), password: PASSWORD, displayName: 'Trekking Tara' });
    const deps = { db, defaults: loadPlatformDefaults(h.t.config), findClick: findClickInDatabase(db) };
    const report = async (livemode: boolean, orderId: string, amount: string, withClick: boolean) => {
      const tenant = { merchantId, livemode };
      const campaign = await createCampaign(db, tenant, {
        title: `Trek ${livemode ? 'live' : 'test'} ${orderId}`,
        defaultCommissionType: 'PERCENTAGE',
        defaultCommissionValue: '10',
      });
      await activateCampaign(db, tenant, campaign.id);
      const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
      const clickId = withClick ? await insertClick(db, row!, affiliateId, { clickedAt: new Date(Date.now() - 3_600_000) }) : null;
      const { response } = await recordConversion(deps, { ...tenant, actor: 'merchant:test' }, { orderId, clickId, amount, status: 'delivered' });
      return response;
    };
    const attributed = await report(true, 'ORD-1001', '2000.00', true);
    expect(attributed.commission).toMatchObject({ amount: '200.00', status: 'hold' });
    await report(true, 'ORD-1002', '500.00', false);
    await report(false, 'TEST-9', '100.00', true);

    const { page, context, problems } = await h.newPage();
    await logIn(page, email, '/merchant');
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await page
      .getByRole('row', { name: /ORD-1001/ })
      .getByText('NPR 200.00')
      .waitFor();
    await page
      .getByRole('row', { name: /ORD-1002/ })
      .getByText('None (no click id)')
      .waitFor();
    expect(await page.getByRole('row', { name: /TEST-9/ }).count()).toBe(0);

    await page.getByLabel('Attribution').selectOption('false');
    await page.getByRole('row', { name: /ORD-1002/ }).waitFor();
    expect(await page.getByRole('row', { name: /ORD-1001/ }).count()).toBe(0);
    // The download carries the filters and the mode: only the live order without a creator.
    const [orders] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(orders.suggestedFilename()).toBe('orders-live.csv');
    const orderLines = Buffer.concat(await (await orders.createReadStream()).toArray())
      .toString('utf8')
      .trim()
      .split('\n');
    expect(orderLines[0]).toMatch(/^orderId,conversionId,status,amount/);
    expect(orderLines.slice(1).map((line) => line.split(',').slice(0, 1).concat(line.split(',').slice(3, 4)))).toEqual([['ORD-1002', '500.00']]);
    await page.getByLabel('Attribution').selectOption('');

    await page.getByRole('button', { name: 'Details of ORD-1001' }).click();
    const detail = page.getByRole('region', { name: 'Order ORD-1001' });
    const commission = detail.getByRole('definition').filter({ hasText: 'NPR 200.00' });
    await commission.waitFor();
    await detail.getByText('10% (from the campaign)').waitFor();
    await detail.getByText(`${attributed.risk!.score} / 100`, { exact: false }).waitFor();
    await detail.getByText('No risk signals').waitFor();
    expect(await detail.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^delivered/)]);

    await detail.getByLabel('New status').selectOption('refunded');
    await detail.getByLabel('Refund amount').fill('500.00');
    await detail.getByRole('button', { name: 'Change status' }).click();
    await detail.getByText('Order is now partially refunded.').waitFor();
    await detail.getByText('NPR 150.00').first().waitFor();
    expect(await detail.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^delivered/),
      expect.stringMatching(/^delivered → partially refunded \(NPR 500\.00\)/),
    ]);

    await page.getByRole('link', { name: 'Commissions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Commissions' }).waitFor();
    await page.getByLabel('State').selectOption('hold');
    const held = page.getByRole('row', { name: /ORD-1001/ });
    await held.getByText('NPR 150.00').waitFor();
    expect(await held.getByRole('cell').nth(3).textContent()).toMatch(/\d{4}|\w{3} \d/);
    const [commissions] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(commissions.suggestedFilename()).toBe('commissions-live.csv');
    const commissionLines = Buffer.concat(await (await commissions.createReadStream()).toArray())
      .toString('utf8')
      .trim()
      .split('\n');
    expect(commissionLines.slice(1).map((line) => [line.split(',')[1], line.split(',')[5], line.split(',')[6]])).toEqual([['ORD-1001', 'hold', '150.00']]);
    await page.getByLabel('State').selectOption('paid');
    await page.getByText('No paid live commissions').waitFor();

    await page.getByRole('button', { name: 'Test data' }).click();
    await page.getByLabel('State').selectOption('');
    await page
      .getByRole('row', { name: /TEST-9/ })
      .getByText('NPR 10.00')
      .waitFor();

    // On a phone: the navigation folded behind the Menu button, and the order's Details button on screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/merchant/orders');
    const details = page.getByRole('button', { name: 'Details of ORD-1001' });
    await details.waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    const box = await details.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await context.close();
  });
});
