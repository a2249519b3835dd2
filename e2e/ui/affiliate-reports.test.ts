import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount, formatMoney } from '../../web/src/format.ts';
import { lastDays, todayIn } from '../../web/src/pages/reports/report-period.ts';
import { insertCampaign, insertClick, insertLink } from '../../test/support/conversion-factories.ts';
import { makeAffiliate, makeMerchant, PASSWORD, signIn } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/** The affiliate home's earnings chart and per-link table against the affiliate reports API. */

let h: Harness;
let email: string;
let codes: string[];
const HOUR = 3_600_000;

beforeAll(async () => {
  h = await startHarness();
  const m = await makeMerchant(h.t, { businessName: 'Pokhara Crafts' });
  const affiliate = await makeAffiliate(h.t, { displayName: 'Sita Thapa' });
  email = affiliate.email;
  const db = h.t.platform.db;
  const campaign = await insertCampaign(db, { merchantId: m.merchantId, livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 });
  const links = [
    await insertLink(db, { affiliateId: affiliate.affiliateId, merchantId: m.merchantId, livemode: true, campaignId: campaign.id }),
    await insertLink(db, { affiliateId: affiliate.affiliateId, merchantId: m.merchantId, livemode: true, campaignId: campaign.id }),
  ];
  codes = links.map((l) => l.code);
  const now = Date.now();
  const clicks: string[] = [];
  for (const [i, hoursAgo] of [1, 2, 30, 50, 51, 52].entries()) {
    clicks.push(await insertClick(db, campaign, affiliate.affiliateId, { linkId: links[i < 2 ? 0 : 1]!.id, clickedAt: new Date(now - hoursAgo * HOUR) }));
  }
  const convert = async (orderId: string, clickId: string, amount: string, hoursAgo: number) => {
    const response = await m.live.post('/api/v1/conversions', { orderId, clickId, amount, occurredAt: new Date(now - hoursAgo * HOUR).toISOString() });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  };
  await convert('PC-1', clicks[0]!, '3000.00', 0.5);
  await convert('PC-2', clicks[3]!, '1500.00', 49);
  await convert('PC-3', clicks[4]!, '900.00', 48);
  expect((await m.live.patch('/api/v1/orders/PC-3', { status: 'cancelled' })).status).toBe(200);
}, 120_000);
afterAll(() => h?.close());

async function fromApi(path: string) {
  const { from, to } = lastDays(30, todayIn('Asia/Kathmandu'));
  const session = await signIn(h.t, email);
  const response = await session.request('GET', `${path}${path.includes('?') ? '&' : '?'}from=${from}&to=${to}&tz=Asia/Kathmandu`);
  expect(response.status).toBe(200);
  return response.body;
}

const figure = (page: Page, label: string) =>
  page
    .locator('.headline-figure')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('.headline-value')
    .textContent();

describe('affiliate reports in a real browser', () => {
  it('home: clicks, conversions and earnings per day and per link match the reports API', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, email, PASSWORD, '/affiliate');
    const series = await fromApi('/api/affiliate/reports/timeseries');
    expect(series.totals).toMatchObject({ clicks: 6, conversions: 3 });
    await page.locator('.headline-value').first().waitFor();
    expect(await figure(page, 'Clicks')).toBe(formatCount(series.totals.clicks));
    expect(await figure(page, 'Conversions')).toBe(formatCount(series.totals.conversions));
    expect(await figure(page, 'Earnings')).toBe(formatMoney(series.totals.earnings, 'NPR'));
    expect(await figure(page, 'Reversed')).toBe(formatMoney(series.totals.reversed, 'NPR'));
    const rows = await page.locator('.chart-data tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual(
      series.data.map((d: { date: string; clicks: number; conversions: number; earnings: string }) => [
        d.date,
        formatCount(d.clicks),
        formatCount(d.conversions),
        formatMoney(d.earnings, 'NPR'),
      ]),
    );
    expect(await page.locator('.chart-plot[aria-hidden="true"] canvas').count()).toBeGreaterThan(0);

    const perLink = page.locator('section[aria-labelledby="per-link"]');
    const byLink = await fromApi('/api/affiliate/reports/breakdown?by=link&limit=10');
    await perLink.locator('tbody tr').first().waitFor();
    const table = await perLink.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(table).toEqual(
      byLink.data.map((l: { label: string; clicks: number; conversions: number; earnings: string; earningsPerClick: string; conversionRate: number }) => [
        `/r/${l.label}`,
        formatCount(l.clicks),
        formatCount(l.conversions),
        formatMoney(l.earnings, 'NPR'),
        formatMoney(l.earningsPerClick, 'NPR'),
        `${(l.conversionRate * 100).toFixed(2)}%`,
      ]),
    );
    expect(table.map((r) => r[0])).toEqual(expect.arrayContaining(codes.map((c) => `/r/${c}`)));

    await perLink.getByLabel('Order by').selectOption('clicks');
    const byClicks = await fromApi('/api/affiliate/reports/breakdown?by=link&limit=10&sort=clicks');
    await expect.poll(() => perLink.locator('tbody th').allTextContents()).toEqual(byClicks.data.map((l: { label: string }) => `/r/${l.label}`));
    const [download] = await Promise.all([page.waitForEvent('download'), perLink.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    const session = await signIn(h.t, email);
    const { from, to } = lastDays(30, todayIn('Asia/Kathmandu'));
    expect(csv).toBe(
      (await session.request('GET', `/api/affiliate/reports/breakdown?from=${from}&to=${to}&tz=Asia/Kathmandu&by=link&sort=clicks&limit=500&format=csv`)).body,
    );

    await page.getByRole('button', { name: '7 days' }).click();
    await expect.poll(() => page.locator('.chart-data tbody tr').count()).toBe(7);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('home: fits a 390 px phone screen', async () => {
    const { page, context, problems } = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, email, PASSWORD, '/affiliate');
    await page.locator('.chart-plot canvas').first().waitFor();
    await page.locator('section[aria-labelledby="per-link"] tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await context.close();
  });
});
