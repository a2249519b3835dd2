import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payouts } from '../../src/modules/payouts/payouts.tables.ts';
import { addPayoutMethod } from '../../src/modules/affiliates/payout-methods.service.ts';
import { issueStatementNow } from '../../src/modules/billing/issue-statement.ts';
import { recordStatementPayment } from '../../src/modules/billing/record-statement-payment.ts';
import { savePlatformSettings } from '../../src/modules/platform-settings/platform-settings.repository.ts';
import { requestPayout } from '../../src/modules/payouts/request-payout.ts';
import { formatMoney } from '../../src/platform/money.ts';
import { insertCampaign } from '../../test/support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant } from '../../test/support/factories.ts';
import { approvedCommission } from '../../test/support/money-factories.ts';
import { startHarness, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

describe('admin payout desk', () => {
  it('shows the review facts, approves, batches per rail, serves the transfer file, and marks the payout paid', async () => {
    const db = h.t.platform.db;
    await savePlatformSettings({ minimumPayout: 10_000n }, db);
    const merchant = await makeMerchant(h.t);
    const campaign = await insertCampaign(db, {
      merchantId: merchant.merchantId,
      livemode: true,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
    });
    const affiliate = await makeAffiliate(h.t, { displayName: 'Pema Sherpa' });
    await addPayoutMethod(db, h.t.platform.secrets, affiliate.affiliateId, { type: 'IME_PAY', accountHolderName: 'Pema Sherpa', mobileNumber: '9861234567' });
    const admin = await makeAdmin(h.t);
    await approvedCommission(h.t, merchant, campaign, affiliate.affiliateId, '2500.00');
    const statement = await issueStatementNow(db, { merchantId: merchant.merchantId, adminUserId: admin.userId });
    await recordStatementPayment(db, statement.id, { amount: formatMoney(statement.total), reference: 'NIC-1' }, admin.userId);
    const payout = await requestPayout(db, affiliate.affiliateId, {});

    const { page, context, problems } = await h.newPage();
    await page.goto('/login?next=%2Fadmin%2Fpayouts');
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/admin/payouts');

    const queue = page.getByRole('table', { name: 'Payout requests waiting for review' });
    const row = queue.getByRole('row').filter({ hasText: 'Pema Sherpa' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('250.00');
    expect(text).toContain('Payout method changed in the last 7 days');
    expect(text).toContain('0% of commissions reversed');
    await row.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('table', { name: 'Approved payouts' }).getByRole('row').filter({ hasText: 'Pema Sherpa' }).waitFor();

    await page.getByRole('combobox', { name: 'Rail' }).selectOption('IME_PAY');
    await page.getByRole('button', { name: 'Create batch' }).click();
    const link = page.getByRole('link', { name: 'Download transfer file' });
    await link.waitFor();
    const file = await page.request.get((await link.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect((await file.text()).trim().split('\n')).toEqual([
      'payoutId,transfer,transfers,accountHolderName,mobileNumber,amount,currency',
      `${payout.id},1,1,Pema Sherpa,9861234567,250.00,NPR`,
    ]);

    const paying = page.getByRole('table', { name: 'Payouts being paid' }).getByRole('row').filter({ hasText: 'Pema Sherpa' });
    await paying.getByLabel(`Rail reference for ${payout.id}`).fill('IME-2026-0001');
    await paying.getByRole('button', { name: 'Mark paid' }).click();
    await page.getByRole('heading', { name: 'Nothing being paid' }).waitFor();
    const [paid] = await db.select().from(payouts).where(eq(payouts.id, payout.id));
    expect(paid).toMatchObject({ status: 'paid', reference: 'IME-2026-0001', settledBy: `admin:${admin.userId}` });
    expect(problems).toEqual([]);
    await context.close();
  });
});
