import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCampaign } from '../../test/support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant } from '../../test/support/factories.ts';
import { approvedCommission } from '../../test/support/money-factories.ts';
import { startHarness, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

describe('admin statements', () => {
  it('issues a statement now, refuses an overpayment, and records the payment that settles it', async () => {
    const db = h.t.platform.db;
    const merchant = await makeMerchant(h.t, { businessName: 'Himalayan Java' });
    const campaign = await insertCampaign(db, {
      merchantId: merchant.merchantId,
      livemode: true,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
    });
    const affiliate = await makeAffiliate(h.t);
    const kept = await approvedCommission(h.t, merchant, campaign, affiliate.affiliateId, '1500.00');
    const admin = await makeAdmin(h.t);

    const { page, context, problems } = await h.newPage();
    await page.goto('/login?next=%2Fadmin%2Fstatements');
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/admin/statements');
    await page.getByRole('heading', { name: 'No statements yet' }).waitFor();

    await page.getByRole('combobox', { name: 'Store' }).selectOption({ label: 'Himalayan Java' });
    await page.getByRole('button', { name: 'Issue statement now' }).click();
    const row = page.getByRole('table', { name: 'All statements' }).getByRole('row').filter({ hasText: merchant.merchantId });
    await row.waitFor();
    expect(await row.textContent()).toContain('150.00');
    await row.getByText('Issued', { exact: true }).waitFor();

    // Issuing again has nothing to bill, and says so.
    await page.getByRole('button', { name: 'Issue statement now' }).click();
    await page.getByText(/Nothing to bill/).waitFor();

    await row.getByLabel('Amount paid on statement 1').fill('150.01');
    await row.getByLabel('Payment reference on statement 1').fill('NIC-100');
    await row.getByRole('button', { name: 'Record payment' }).click();
    await row.getByText(/outstanding/).waitFor();
    await row.getByLabel('Amount paid on statement 1').fill('150.00');
    await row.getByRole('button', { name: 'Record payment' }).click();
    await row.getByText('Paid', { exact: true }).waitFor();
    expect((await merchant.live.get(`/api/v1/orders/${kept.orderId}`)).body.commission.status).toBe('payable');
    expect(problems).toEqual([]);
    await context.close();
  });
});
