import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPayoutMethod } from '../../src/modules/affiliates/payout-methods.service.ts';
import { issueStatementNow } from '../../src/modules/billing/issue-statement.ts';
import { recordStatementPayment } from '../../src/modules/billing/record-statement-payment.ts';
import { savePlatformSettings } from '../../src/modules/platform-settings/platform-settings.repository.ts';
import { insertCampaign } from '../../test/support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant } from '../../test/support/factories.ts';
import { approvedCommission } from '../../test/support/money-factories.ts';
import { startHarness, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

describe('affiliate wallet and payouts', () => {
  it('shows the balances and the progress to the minimum, requests the whole payable balance, and lists it in the history', async () => {
    const db = h.t.platform.db;
    await savePlatformSettings({ minimumPayout: 50_000n }, db); // NPR 500.00
    const merchant = await makeMerchant(h.t);
    const campaign = await insertCampaign(db, {
      merchantId: merchant.merchantId,
      livemode: true,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
    });
    const affiliate = await makeAffiliate(h.t);
    await addPayoutMethod(db, h.t.platform.secrets, affiliate.affiliateId, { type: 'KHALTI', accountHolderName: 'Maya Tamang', mobileNumber: '9807654321' });
    const admin = await makeAdmin(h.t);
    const settle = async () => {
      const statement = await issueStatementNow(db, { merchantId: merchant.merchantId, adminUserId: admin.userId });
      await recordStatementPayment(db, statement.id, { amount: (Number(statement.total) / 100).toFixed(2), reference: `PAY-${statement.id}` }, admin.userId);
    };
    // 300.00 payable: 60 % of the way to the minimum.
    await approvedCommission(h.t, merchant, campaign, affiliate.affiliateId, '3000.00');
    await settle();

    const { page, context, problems } = await h.newPage();
    await page.goto('/login?next=%2Faffiliate%2Fpayouts');
    await page.getByLabel('Email', { exact: true }).fill(affiliate.email);
    await page.getByLabel('Password', { exact: true }).fill(affiliate.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/affiliate/payouts');
    const bar = page.getByRole('progressbar', { name: 'Progress to the minimum payout' });
    await bar.waitFor();
    expect(await bar.getAttribute('value')).toBe('60');
    await page.getByText('60% of the way to your next payout.').waitFor();
    await page.getByRole('heading', { name: 'No payouts yet' }).waitFor();

    // Asking anyway is refused with the reason, next to the form.
    await page.getByRole('button', { name: 'Request payout' }).click();
    await page.getByText(/below the minimum payout of 500\.00/).waitFor();

    // Another kept and paid order takes it past the minimum.
    await approvedCommission(h.t, merchant, campaign, affiliate.affiliateId, '4000.00');
    await settle();
    await page.reload();
    await bar.waitFor();
    expect(await bar.getAttribute('value')).toBe('100');
    expect(await page.getByLabel('Send to').inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Request payout' }).click();
    await page.getByText(/Payout of NPR\s?700\.00 requested/).waitFor();
    const history = page.getByRole('table', { name: 'Your payout requests' });
    const row = history.getByRole('row').filter({ hasText: 'Khalti' });
    await row.getByText('Requested', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('700.00');

    // The wallet shows the money moved from payable to processing.
    await page.goto('/affiliate/wallet');
    const balances = page.getByRole('definition').filter({ hasText: '700.00' });
    await balances.first().waitFor();
    const processing = page.locator('.stat').filter({ hasText: 'Processing' });
    expect(await processing.textContent()).toContain('700.00');
    expect(await page.locator('.stat').filter({ hasText: 'Payable' }).textContent()).toContain('0.00');
    // The commissions behind it, each with its state and the date it could become payable, and as CSV.
    const commissions = page.getByRole('table', { name: 'Your commissions' });
    await commissions.getByRole('row').filter({ hasText: '400.00' }).waitFor();
    const rows = commissions.getByRole('row').filter({ has: page.getByRole('rowheader') });
    expect(await rows.count()).toBe(2);
    expect(await rows.first().getByRole('cell').nth(2).textContent()).toMatch(/\d/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('region', { name: 'Commissions' }).getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('commissions.csv');
    const csv = Buffer.concat(await (await download.createReadStream()).toArray())
      .toString('utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toMatch(/^id,orderId,/);
    expect(
      csv
        .slice(1)
        .map((line) => line.split(',')[6])
        .sort(),
    ).toEqual(['300.00', '400.00']);

    // Cancelling returns it.
    await page.goto('/affiliate/payouts');
    await row.getByRole('button', { name: 'Cancel' }).click();
    await row.getByText('Cancelled', { exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
