import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatCount, formatMoney } from '../../web/src/format.ts';
import { lastDays, todayIn } from '../../web/src/pages/reports/report-period.ts';
import { insertCampaign, insertClick, insertLink } from '../../test/support/conversion-factories.ts';
import { makeAffiliate, makeMerchant, PASSWORD, type TestMerchant } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/** The merchant home's reports against the reports API, on the real server with clicks and orders it recorded. */

let h: Harness;
let m: TestMerchant;
let linkCode: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  h = await startHarness();
  m = await makeMerchant(h.t, { businessName: 'Everest Tea' });
  const db = h.t.platform.db;
  const { affiliateId: asha } = await makeAffiliate(h.t, { displayName: 'Asha Gurung' });
  const { affiliateId: bikash } = await makeAffiliate(h.t, { displayName: 'Bikash Rai' });
  const campaign = await insertCampaign(db, { merchantId: m.merchantId, livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 });
  const link = await insertLink(db, { affiliateId: asha, merchantId: m.merchantId, livemode: true, campaignId: campaign.id });
  linkCode = link.code;
  const now = Date.now();
  const clicks: string[] = [];
  // Clicks today, three days ago and eleven days ago, so the 7-day and 30-day views differ.
  for (const hoursAgo of [1, 2, 3, 72, 73, 264])
    clicks.push(await insertClick(db, campaign, asha, { linkId: link.id, clickedAt: new Date(now - hoursAgo * HOUR) }));
  const bikashClick = await insertClick(db, campaign, bikash, { clickedAt: new Date(now - 5 * HOUR) });
  const convert = async (orderId: string, clickId: string, amount: string, hoursAgo: number) => {
    const response = await m.live.post('/api/v1/conversions', { orderId, clickId, amount, occurredAt: new Date(now - hoursAgo * HOUR).toISOString() });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  };
  await convert('TEA-1', clicks[0]!, '2500.00', 0.5);
  await convert('TEA-2', clicks[3]!, '1200.00', 70);
  await convert('TEA-3', bikashClick, '800.00', 4);
  expect((await m.live.patch('/api/v1/orders/TEA-2', { status: 'refunded', refundAmount: '200.00' })).status).toBe(200);
}, 120_000);
afterAll(() => h?.close());

const period = (days: number) => lastDays(days, todayIn('Asia/Kathmandu'));
const api = async (path: string, days: number, extra = '') => {
  const { from, to } = period(days);
  const response = await m.live.get(`${path}?from=${from}&to=${to}&tz=Asia/Kathmandu${extra}`);
  expect(response.status).toBe(200);
  return response.body;
};

async function headline(page: Page, label: string) {
  return page
    .locator('.headline-figure')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('.headline-value')
    .textContent();
}

/** The chart's table: one row per day, as the page shows it. */
async function chartRows(page: Page) {
  return page.locator('.chart-data tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
}

describe('merchant reports in a real browser', () => {
  it('home: headline numbers, their change, the chart and its table match the reports API', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, m.email, PASSWORD, '/merchant');
    await page.getByRole('heading', { name: 'Performance' }).waitFor();
    const summary = await api('/api/v1/reports/summary', 30);
    expect(summary).toMatchObject({ clicks: 7, conversions: 3 });
    await page.locator('.headline-value').first().waitFor();
    expect(await headline(page, 'Clicks')).toBe(formatCount(summary.clicks));
    expect(await headline(page, 'Conversions')).toBe(formatCount(summary.conversions));
    expect(await headline(page, 'Revenue')).toBe(formatMoney(summary.revenue, 'NPR'));
    expect(await headline(page, 'Commission')).toBe(formatMoney(summary.commission, 'NPR'));
    // Nothing happened in the 30 days before.
    expect(await page.locator('.headline-change').first().textContent()).toBe('new vs previous period');

    const series = await api('/api/v1/reports/timeseries', 30);
    await page.locator('.chart-data tbody tr').first().waitFor({ state: 'attached' });
    const expected = series.data.map((d: { date: string; clicks: number; conversions: number; commission: string }) => [
      d.date,
      formatCount(d.clicks),
      formatCount(d.conversions),
      formatMoney(d.commission, 'NPR'),
    ]);
    expect(await chartRows(page)).toEqual(expected);
    expect(await page.locator('.chart figcaption').textContent()).toContain(
      `${summary.clicks} clicks, ${summary.conversions} conversions and ${formatMoney(summary.commission, 'NPR')} commission`,
    );
    // The drawing itself is there, hidden from assistive technology in favour of the table.
    expect(await page.locator('.chart-plot[aria-hidden="true"] canvas').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: '7 days' }).click();
    const week = await api('/api/v1/reports/summary', 7);
    await page.locator('.chart-data tbody tr').nth(6).waitFor({ state: 'attached' });
    await expect.poll(async () => (await chartRows(page)).length).toBe(7);
    await expect.poll(() => headline(page, 'Clicks')).toBe(formatCount(week.clicks));
    expect(week.clicks).toBe(6);

    await page.getByRole('button', { name: 'Custom' }).click();
    const { to } = period(30);
    await page.getByLabel('From', { exact: true }).fill(to);
    await page.getByLabel('To', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Show' }).click();
    const day = await api('/api/v1/reports/summary', 1);
    await expect.poll(async () => (await chartRows(page)).length).toBe(1);
    await expect.poll(() => headline(page, 'Conversions')).toBe(formatCount(day.conversions));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('home: top creators and links are ordered by the server, page, and download as CSV', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, m.email, PASSWORD, '/merchant');
    const creators = page.locator('section[aria-labelledby="top-creators"]');
    const top = await api('/api/v1/reports/affiliates', 30, '&limit=10');
    await creators.getByRole('row').nth(1).waitFor();
    const names = () => creators.locator('tbody th').allTextContents();
    expect(await names()).toEqual(top.data.map((a: { displayName: string }) => a.displayName));
    const asha = creators.getByRole('row').filter({ hasText: 'Asha Gurung' });
    expect(await asha.locator('td').allTextContents()).toEqual([
      formatCount(top.data[0].clicks),
      formatCount(top.data[0].conversions),
      formatMoney(top.data[0].revenue, 'NPR'),
      formatMoney(top.data[0].commission, 'NPR'),
    ]);
    await creators.getByLabel('Order by').selectOption('conversions');
    const byConversions = await api('/api/v1/reports/affiliates', 30, '&limit=10&sort=conversions');
    await expect.poll(names).toEqual(byConversions.data.map((a: { displayName: string }) => a.displayName));
    expect(await creators.locator('th[aria-sort="descending"]').textContent()).toBe('Conversions');

    const links = page.locator('section[aria-labelledby="top-links"]');
    await links
      .getByRole('row')
      .filter({ hasText: `/r/${linkCode}` })
      .waitFor();
    const byLink = await api('/api/v1/reports/breakdown', 30, '&by=link&limit=10');
    expect(await links.locator('tbody th').allTextContents()).toEqual(
      byLink.data.map((l: { label: string; key: string }) => (l.label ? `/r/${l.label}` : l.key)),
    );

    const [download] = await Promise.all([page.waitForEvent('download'), creators.getByRole('button', { name: 'Download CSV' }).click()]);
    const { from, to } = period(30);
    expect(download.suggestedFilename()).toBe(`top-creators-${from}-${to}.csv`);
    const csv = await (await download.createReadStream()).toArray();
    const expectedCsv = await m.live.get(`/api/v1/reports/affiliates?from=${from}&to=${to}&tz=Asia/Kathmandu&sort=conversions&limit=100&format=csv`);
    expect(Buffer.concat(csv).toString('utf8')).toBe(expectedCsv.body);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('home: conversions filter by status and open the order with its commission', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, m.email, PASSWORD, '/merchant');
    const conversions = page.locator('section[aria-labelledby="conversions"]');
    await conversions.getByRole('button', { name: 'Open order TEA-1' }).waitFor();
    expect(await conversions.locator('tbody tr').count()).toBe(3);
    await conversions.getByLabel('Order status').selectOption('partially_refunded');
    await expect.poll(() => conversions.locator('tbody tr').count()).toBe(1);
    await conversions.getByRole('button', { name: 'Open order TEA-2' }).click();
    const detail = page.locator('section[aria-labelledby="order-detail-heading"]');
    await detail.getByText('(NPR 200.00 refunded)').waitFor();
    await detail.getByRole('heading', { name: 'Commission' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('home: fits a 390 px phone screen', async () => {
    const { page, context, problems } = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, m.email, PASSWORD, '/merchant');
    await page.locator('.chart-plot canvas').first().waitFor();
    await page.locator('section[aria-labelledby="top-creators"] tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await context.close();
  });
});
