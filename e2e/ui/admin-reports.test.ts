import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount, formatMoney } from '../../web/src/format.ts';
import { lastDays, todayIn } from '../../web/src/pages/reports/report-period.ts';
import { insertCampaign, insertClick } from '../../test/support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant, PASSWORD, signIn } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/** The admin overview's platform totals against the admin reports API. */

let h: Harness;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
const HOUR = 3_600_000;

beforeAll(async () => {
  h = await startHarness();
  admin = await makeAdmin(h.t);
  const db = h.t.platform.db;
  const now = Date.now();
  for (const [store, creator, amounts] of [
    ['Lumbini Books', 'Maya Shrestha', ['1200.00', '800.00']],
    ['Janakpur Art', 'Ram Karki', ['4000.00']],
  ] as const) {
    const m = await makeMerchant(h.t, { businessName: store });
    const { affiliateId } = await makeAffiliate(h.t, { displayName: creator });
    const campaign = await insertCampaign(db, { merchantId: m.merchantId, livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 500 });
    for (const [i, amount] of amounts.entries()) {
      const clickId = await insertClick(db, campaign, affiliateId, { clickedAt: new Date(now - (i + 2) * HOUR) });
      const response = await m.live.post('/api/v1/conversions', {
        orderId: `${store}-${i}`,
        clickId,
        amount,
        occurredAt: new Date(now - (i + 1) * HOUR).toISOString(),
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
  }
}, 120_000);
afterAll(() => h?.close());

const figure = (page: Page, label: string) =>
  page
    .locator('.headline-figure')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('.headline-value')
    .textContent();

describe('admin reports in a real browser', () => {
  it('overview: platform totals, money owed and paid, and the top stores and creators match the reports API', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, admin.email, PASSWORD, '/admin');
    const { from, to } = lastDays(30, todayIn('Asia/Kathmandu'));
    const session = await signIn(h.t, admin.email);
    const overview = (await session.request('GET', `/api/admin/reports/overview?from=${from}&to=${to}&tz=Asia/Kathmandu`)).body;
    expect(overview).toMatchObject({ clicks: 3, conversions: 3, revenue: '6000.00', commission: '300.00' });

    await page.getByRole('heading', { name: 'Platform totals' }).waitFor();
    await page.locator('.headline-value').first().waitFor();
    expect(await figure(page, 'Clicks')).toBe(formatCount(overview.clicks));
    expect(await figure(page, 'Conversions')).toBe(formatCount(overview.conversions));
    expect(await figure(page, 'Revenue')).toBe(formatMoney(overview.revenue, 'NPR'));
    expect(await figure(page, 'Commission')).toBe(formatMoney(overview.commission, 'NPR'));
    expect(await figure(page, 'Pending')).toBe(formatMoney(overview.pending, 'NPR'));
    expect(await figure(page, 'Owed: approved')).toBe(formatMoney(overview.owed.approved, 'NPR'));
    expect(await figure(page, 'Owed: payable')).toBe(formatMoney(overview.owed.payable, 'NPR'));
    expect(await figure(page, 'Paid')).toBe(formatMoney(overview.paid, 'NPR'));

    const rows = (id: string) =>
      page.locator(`section[aria-labelledby="${id}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    type Top = { businessName?: string; displayName?: string; clicks: number; conversions: number; revenue: string; commission: string };
    const expected = (list: Top[]) =>
      list.map((r) => [
        r.businessName ?? r.displayName,
        formatCount(r.clicks),
        formatCount(r.conversions),
        formatMoney(r.revenue, 'NPR'),
        formatMoney(r.commission, 'NPR'),
      ]);
    expect(await rows('top-stores')).toEqual(expected(overview.topMerchants));
    expect(await rows('top-affiliates')).toEqual(expected(overview.topAffiliates));
    expect((await rows('top-stores')).map((r) => r[0])).toEqual(['Janakpur Art', 'Lumbini Books']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
