import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { reportsRebuildCommand } from '../src/modules/reports/reports-rebuild.command.ts';
import { backend } from './support/database.ts';
import { insertCampaign, insertClick, insertLink } from './support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant, signIn, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let m: TestMerchant;
let campaign: CampaignRow;
let other: CampaignRow;
let asha: string;
let ashaEmail: string;
let bikashEmail: string;
let bikash: string;
let linkA: string;
let linkACode: string;

// Kathmandu is UTC+5:45: 2026-03-10 starts there at 2026-03-09T18:15:00Z.
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  m = await makeMerchant(t);
  ({ affiliateId: asha, email: ashaEmail } = await makeAffiliate(t, { displayName: 'Asha Gurung' }));
  ({ affiliateId: bikash, email: bikashEmail } = await makeAffiliate(t, { displayName: 'Bikash Rai' }));
  const db = t.platform.db;
  campaign = await insertCampaign(db, { merchantId: m.merchantId, livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 });
  other = await insertCampaign(db, { merchantId: m.merchantId, livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 });
  ({ id: linkA, code: linkACode } = await insertLink(db, { affiliateId: asha, merchantId: m.merchantId, livemode: true, campaignId: campaign.id }));
  const yt = { sub1: 'youtube' };
  await insertClick(db, campaign, asha, { linkId: linkA, clickedAt: new Date('2026-03-09T18:14:59Z'), subIds: yt });
  const lastAsha = await insertClick(db, campaign, asha, { linkId: linkA, clickedAt: new Date('2026-03-09T18:15:00Z'), subIds: yt });
  await insertClick(db, campaign, asha, { linkId: linkA, clickedAt: new Date('2026-03-09T18:20:00Z'), attributable: false });
  const bikashClick = await insertClick(db, other, bikash, { clickedAt: new Date('2026-03-10T03:00:00Z') });
  // A test-mode click never reaches live reports.
  const testCampaign = await insertCampaign(db, { merchantId: m.merchantId, livemode: false });
  await insertClick(db, testCampaign, asha, { clickedAt: new Date('2026-03-10T03:00:00Z') });

  const convert = async (orderId: string, clickId: string, amount: string, occurredAt: string) => {
    const response = await m.live.post('/api/v1/conversions', { orderId, clickId, amount, occurredAt });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  };
  await convert('R-1', lastAsha, '1000.00', '2026-03-10T00:00:00Z');
  await convert('R-2', bikashClick, '500.00', '2026-03-10T04:00:00Z');
  await convert('R-3', bikashClick, '200.00', '2026-03-10T05:00:00Z');
  expect((await m.live.patch('/api/v1/orders/R-1', { status: 'refunded', refundAmount: '400.00' })).status).toBe(200);
  expect((await m.live.patch('/api/v1/orders/R-3', { status: 'cancelled' })).status).toBe(200);
});
afterAll(() => t.close());

const get = (path: string) => m.live.get(path);

describe(`merchant reports on ${backend}`, () => {
  it('summarises a range: attributable clicks, conversions, revenue net of refunds, standing commission', async () => {
    const response = await get('/api/v1/reports/summary?from=2026-03-09&to=2026-03-10&tz=Asia/Kathmandu');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // R-3 was cancelled: it stays a conversion, earns no revenue and its commission is reversed.
    expect(response.body).toEqual({
      from: '2026-03-09',
      to: '2026-03-10',
      tz: 'Asia/Kathmandu',
      currency: 'NPR',
      clicks: 3,
      conversions: 3,
      revenue: '1100.00',
      commission: '110.00',
      conversionRate: 1,
      earningsPerClick: '36.66',
    });
  });

  it('splits days exactly at local midnight in a UTC+5:45 zone', async () => {
    const kathmandu = await get('/api/v1/reports/timeseries?from=2026-03-09&to=2026-03-11&tz=Asia/Kathmandu');
    expect(kathmandu.status).toBe(200);
    expect(kathmandu.body.data).toEqual([
      { date: '2026-03-09', clicks: 1, conversions: 0, revenue: '0.00', commission: '0.00' },
      { date: '2026-03-10', clicks: 2, conversions: 3, revenue: '1100.00', commission: '110.00' },
      { date: '2026-03-11', clicks: 0, conversions: 0, revenue: '0.00', commission: '0.00' },
    ]);
    const utc = await get('/api/v1/reports/timeseries?from=2026-03-09&to=2026-03-10&tz=UTC');
    expect(utc.body.data.map((d: { clicks: number }) => d.clicks)).toEqual([2, 1]);
  });

  it('lists top affiliates by commission and breaks down by campaign, link and sub-id', async () => {
    const range = 'from=2026-03-01&to=2026-03-31&tz=Asia/Kathmandu';
    const top = await get(`/api/v1/reports/affiliates?${range}&limit=5`);
    expect(top.body.data).toEqual([
      { affiliateId: asha, displayName: 'Asha Gurung', clicks: 2, conversions: 1, revenue: '600.00', commission: '60.00' },
      { affiliateId: bikash, displayName: 'Bikash Rai', clicks: 1, conversions: 2, revenue: '500.00', commission: '50.00' },
    ]);
    expect((await get(`/api/v1/reports/affiliates?${range}&limit=1`)).body.data).toHaveLength(1);
    const subIds = await get(`/api/v1/reports/breakdown?${range}&by=subId`);
    expect(subIds.body.data).toEqual([
      { key: 'youtube', label: 'youtube', clicks: 2, conversions: 1, revenue: '600.00', commission: '60.00', conversionRate: 0.5 },
      { key: '', label: '', clicks: 1, conversions: 2, revenue: '500.00', commission: '50.00', conversionRate: 2 },
    ]);
    const links = await get(`/api/v1/reports/breakdown?${range}&by=link`);
    expect(links.body.data[0]).toMatchObject({ key: linkA, label: linkACode, clicks: 2 });
    const campaigns = await get(`/api/v1/reports/breakdown?${range}&by=campaign&campaignId=${other.id}`);
    expect(campaigns.body).toMatchObject({ page: 1, pageSize: 100, total: 1 });
    expect(campaigns.body.data).toEqual([
      { key: other.id, label: other.title, clicks: 1, conversions: 2, revenue: '500.00', commission: '50.00', conversionRate: 2 },
    ]);
    const products = await get(`/api/v1/reports/breakdown?${range}&by=product`);
    expect(products.body.data.map((r: { key: string; label: string }) => [r.key, r.label])).toEqual([['', '']]);
  });

  it('pages and sorts grouped reports on the server', async () => {
    const range = 'from=2026-03-01&to=2026-03-31&tz=Asia/Kathmandu';
    const names = (body: { data: Array<{ displayName: string }> }) => body.data.map((a) => a.displayName);
    // Bikash has more conversions, Asha more commission and clicks.
    const byConversions = await get(`/api/v1/reports/affiliates?${range}&sort=conversions&limit=1`);
    expect(byConversions.body).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(names(byConversions.body)).toEqual(['Bikash Rai']);
    const second = await get(`/api/v1/reports/affiliates?${range}&sort=conversions&limit=1&page=2`);
    expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(names(second.body)).toEqual(['Asha Gurung']);
    expect(names((await get(`/api/v1/reports/affiliates?${range}&sort=clicks`)).body)).toEqual(['Asha Gurung', 'Bikash Rai']);
    const subIds = await get(`/api/v1/reports/breakdown?${range}&by=subId&sort=conversions&limit=1&page=2`);
    expect(subIds.body.data.map((r: { key: string }) => r.key)).toEqual(['youtube']);
    const bad = await get(`/api/v1/reports/affiliates?${range}&sort=colour`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'query.sort' });
  });

  it('keeps test and live apart and other merchants out', async () => {
    const test = await m.test.get('/api/v1/reports/summary?from=2026-03-10&to=2026-03-10&tz=UTC');
    expect(test.body).toMatchObject({ clicks: 1, conversions: 0, revenue: '0.00' });
    const stranger = await makeMerchant(t);
    expect((await stranger.live.get('/api/v1/reports/summary?from=2026-03-01&to=2026-03-31')).body).toMatchObject({
      clicks: 0,
      conversions: 0,
      commission: '0.00',
    });
  });

  it('answers CSV with the same columns', async () => {
    const response = await get('/api/v1/reports/timeseries?from=2026-03-09&to=2026-03-10&tz=Asia/Kathmandu&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.body).toBe('date,clicks,conversions,revenue,commission\n2026-03-09,1,0,0.00,0.00\n2026-03-10,2,3,1100.00,110.00\n');
    const summary = await get('/api/v1/reports/summary?from=2026-03-10&to=2026-03-10&tz=Asia/Kathmandu&format=csv');
    expect(summary.body.split('\n')[0]).toBe('from,to,tz,currency,clicks,conversions,revenue,commission,conversionRate,earningsPerClick');
  });

  it.each([
    ['from=2026-02-30&to=2026-03-01', 'from', 'INVALID_DATE'],
    ['from=2026-03-02&to=2026-03-01', 'from', 'FROM_AFTER_TO'],
    ['from=2026-03-01&to=2026-03-01&tz=Nowhere/Land', 'tz', 'UNKNOWN_TIME_ZONE'],
    ['from=2024-01-01&to=2026-01-01', 'to', 'RANGE_TOO_LONG'],
  ])('refuses %s with 400 naming %s', async (query, field, code) => {
    const response = await get(`/api/v1/reports/summary?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field, code }] });
  });

  it('refuses an unknown breakdown', async () => {
    const response = await get('/api/v1/reports/breakdown?by=colour');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('`reports rebuild --from --to` recomputes those days from the raw rows', async () => {
    const before = (await get('/api/v1/reports/timeseries?from=2026-03-09&to=2026-03-10&tz=UTC')).body;
    await t.platform.db.execute(sql`delete from report_buckets where merchant_id = ${m.merchantId}`);
    expect((await get('/api/v1/reports/summary?from=2026-03-09&to=2026-03-10&tz=UTC')).body.clicks).toBe(0);
    const context = { db: t.platform.db, config: t.config, secrets: t.platform.secrets };
    const result = await reportsRebuildCommand.run({ ...context, flags: { from: '2026-03-09', to: '2026-03-10' } });
    expect(result.json.buckets).toBeGreaterThan(0);
    expect((await get('/api/v1/reports/timeseries?from=2026-03-09&to=2026-03-10&tz=UTC')).body).toEqual(before);
    await expect(reportsRebuildCommand.run({ ...context, flags: { from: '2026-03-11', to: '2026-03-10' } })).rejects.toThrow('--from must not be after --to');
    await expect(reportsRebuildCommand.run({ ...context, flags: { from: 'yesterday' } })).rejects.toThrow('--from must be a calendar date');
  });
});

describe(`affiliate and admin reports on ${backend}`, () => {
  it('shows an affiliate their clicks, conversions and earnings by state per Kathmandu day', async () => {
    const session = await signIn(t, ashaEmail);
    const response = await session.request('GET', '/api/affiliate/reports/timeseries?from=2026-03-09&to=2026-03-10&tz=Asia/Kathmandu');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const zero = { pending: '0.00', approved: '0.00', payable: '0.00', paid: '0.00', reversed: '0.00' };
    expect(response.body.data).toEqual([
      { date: '2026-03-09', clicks: 1, conversions: 0, earnings: '0.00', ...zero },
      { date: '2026-03-10', clicks: 1, conversions: 1, earnings: '60.00', ...zero, pending: '60.00' },
    ]);
    expect(response.body.totals).toMatchObject({ clicks: 2, conversions: 1, earnings: '60.00' });
    const bySub = await session.request('GET', '/api/affiliate/reports/breakdown?from=2026-03-01&to=2026-03-31&by=subId');
    // The unattributable click without a sub-id leaves a row that counts nothing.
    expect(bySub.body.data).toEqual([
      {
        key: 'youtube',
        label: 'youtube',
        clicks: 2,
        conversions: 1,
        earnings: '60.00',
        ...zero,
        pending: '60.00',
        conversionRate: 0.5,
        earningsPerClick: '30.00',
      },
      { key: '', label: '', clicks: 0, conversions: 0, earnings: '0.00', ...zero, conversionRate: 0, earningsPerClick: '0.00' },
    ]);
    expect(bySub.body).toMatchObject({ page: 1, pageSize: 100, total: 2 });
    const byClicksPage2 = await session.request('GET', '/api/affiliate/reports/breakdown?from=2026-03-01&to=2026-03-31&by=subId&sort=clicks&limit=1&page=2');
    expect(byClicksPage2.body.data.map((r: { key: string }) => r.key)).toEqual(['']);
    const byLink = await session.request('GET', '/api/affiliate/reports/breakdown?from=2026-03-01&to=2026-03-31&by=link');
    expect(byLink.body.data[0]).toMatchObject({ key: linkA, label: linkACode });
  });

  it("shows reversed earnings apart and only the affiliate's own links", async () => {
    const session = await signIn(t, bikashEmail);
    const byLink = await session.request('GET', '/api/affiliate/reports/breakdown?from=2026-03-01&to=2026-03-31&by=link');
    expect(byLink.body.data).toHaveLength(1);
    expect(byLink.body.data[0]).toMatchObject({ clicks: 1, conversions: 2, earnings: '50.00', pending: '50.00', reversed: '20.00', earningsPerClick: '50.00' });
    const csv = await session.request('GET', '/api/affiliate/reports/breakdown?from=2026-03-01&to=2026-03-01&by=campaign&format=csv');
    expect(csv.body).toBe('key,label,clicks,conversions,earnings,pending,approved,payable,paid,reversed,conversionRate,earningsPerClick\n');
  });

  it('answers click statistics for any from/to exactly: roll-ups for whole quarter hours, raw clicks at the edges', async () => {
    const session = await signIn(t, ashaEmail);
    const stats = (from: string, to: string) => session.request('GET', `/api/affiliate/stats/clicks?groupBy=sub1&from=${from}&to=${to}`);
    // 18:14:59 from the raw head, 18:15:00 and 18:20:00 from the 18:15 bucket.
    expect((await stats('2026-03-09T18:14:30Z', '2026-03-09T18:40:00Z')).body).toMatchObject({
      clicks: 3,
      attributableClicks: 2,
      groups: [
        { key: 'youtube', clicks: 2, attributableClicks: 2 },
        { key: null, clicks: 1, attributableClicks: 0 },
      ],
    });
    // Starting one second into the 18:15 quarter hour leaves its first click out.
    expect((await stats('2026-03-09T18:15:01Z', '2026-03-09T19:00:00Z')).body.groups).toEqual([{ key: null, clicks: 1, attributableClicks: 0 }]);
    const byDay = await session.request('GET', '/api/affiliate/stats/clicks?from=2026-03-09T00:00:00Z&to=2026-03-11T00:00:00Z');
    expect(byDay.body.groups).toEqual([{ key: '2026-03-09', clicks: 3, attributableClicks: 2 }]);
  });

  it("counts a link's clicks in the affiliate's link list from the roll-ups", async () => {
    const session = await signIn(t, ashaEmail);
    const links = await session.request('GET', '/api/affiliate/links');
    expect(links.status).toBe(200);
    expect(links.body.data.find((l: { id: string }) => l.id === linkA)).toMatchObject({ clicks: 3, attributableClicks: 2 });
  });

  it('gives admins platform totals, money owed and paid, and the top merchants and affiliates', async () => {
    const admin = await makeAdmin(t);
    const session = await signIn(t, admin.email);
    const response = await session.request('GET', '/api/admin/reports/overview?from=2026-03-01&to=2026-03-31');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      clicks: 3,
      conversions: 3,
      revenue: '1100.00',
      commission: '110.00',
      pending: '110.00',
      owed: { approved: '0.00', payable: '0.00' },
      paid: '0.00',
      reversed: '20.00',
    });
    expect(response.body.topMerchants).toEqual([
      { merchantId: m.merchantId, businessName: expect.any(String), clicks: 3, conversions: 3, revenue: '1100.00', commission: '110.00' },
    ]);
    expect(response.body.topAffiliates.map((a: { displayName: string }) => a.displayName)).toEqual(['Asha Gurung', 'Bikash Rai']);
    expect((await session.request('GET', '/api/admin/reports/overview?from=2026-03-31&to=2026-03-01')).status).toBe(400);
  });
});
