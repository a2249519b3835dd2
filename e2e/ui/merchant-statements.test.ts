import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueStatementNow } from '../../src/modules/billing/issue-statement.ts';
import { recordStatementPayment } from '../../src/modules/billing/record-statement-payment.ts';
import { savePlatformSettings } from '../../src/modules/platform-settings/platform-settings.repository.ts';
import { insertCampaign } from '../../test/support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant, PASSWORD } from '../../test/support/factories.ts';
import { approvedCommission } from '../../test/support/money-factories.ts';
import { startHarness, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

describe('merchant statements', () => {
  it('lists statements with their totals and status, opens one with its lines, and downloads it as CSV', async () => {
    const db = h.t.platform.db;
    await savePlatformSettings({ platformFeePercent: 500 }, db);
    const merchant = await makeMerchant(h.t);
    const campaign = await insertCampaign(db, {
      merchantId: merchant.merchantId,
      livemode: true,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
    });
    const affiliate = await makeAffiliate(h.t);
    const admin = await makeAdmin(h.t);
    const first = await approvedCommission(h.t, merchant, campaign, affiliate.affiliateId, '1200.00');
    const second = await approvedCommission(h.t, merchant, campaign, affiliate.affiliateId, '800.00');
    const statement = await issueStatementNow(db, { merchantId: merchant.merchantId, adminUserId: admin.userId });
    await recordStatementPayment(db, statement.id, { amount: '100.00', reference: 'NABIL-77' }, admin.userId);

    const { page, context, problems } = await h.newPage();
    await page.goto('/login?next=%2Fmerchant%2Fstatements');
    await page.getByLabel('Email', { exact: true }).fill(merchant.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/merchant/statements');

    const row = page.getByRole('table', { name: 'Your statements' }).getByRole('row').filter({ hasText: '#1' });
    await row.waitFor();
    const text = (await row.textContent())!;
    for (const figure of ['200.00', '10.00', '210.00', '100.00', '2 orders']) expect(text).toContain(figure);
    await row.getByText('Issued', { exact: true }).waitFor();

    await row.getByRole('button', { name: '#1' }).click();
    const lines = page.getByRole('table', { name: 'Lines of statement 1' });
    await lines.waitFor();
    expect(await lines.getByRole('row').filter({ hasText: first.orderId }).textContent()).toContain('120.00');
    expect(await lines.getByRole('row').filter({ hasText: second.orderId }).textContent()).toContain('80.00');
    expect(await lines.getByRole('row').filter({ hasText: 'Platform fee' }).textContent()).toContain('10.00');
    await page.getByText(/Payments: .*100\.00.*\(NABIL-77\)/).waitFor();

    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).trim().split('\n')).toEqual([
      'statementNumber,lineNo,kind,commissionId,orderId,affiliateId,amount,currency',
      `1,1,commission,${first.commissionId},${first.orderId},${affiliate.affiliateId},120.00,NPR`,
      `1,2,commission,${second.commissionId},${second.orderId},${affiliate.affiliateId},80.00,NPR`,
      '1,3,fee,,,,10.00,NPR',
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
