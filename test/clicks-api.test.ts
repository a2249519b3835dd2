import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeMerchant, signIn, type TestMerchant } from './support/factories.ts';
import { makeLink, type TestLink } from './support/link-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
let a: TestLink;
let b: TestLink;
const clickIds: string[] = [];
let n = 0;

async function click(code: string, query = '') {
  await new Promise((resolve) => setTimeout(resolve, 3)); // distinct click times, so "newest first" is one order
  const response = await t.app.inject({ method: 'GET', url: `/r/${code}${query}`, headers: { 'user-agent': CHROME, 'x-forwarded-for': `198.51.100.${++n}` } });
  return new URL(response.headers.location as string).searchParams.get('affiliate_click_id')!;
}

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
  other = await makeMerchant(t);
  a = await makeLink(t, merchant, { product: {} });
  b = await makeLink(t, merchant, { affiliate: a.affiliate });
  clickIds.push(await click(a.link.code, '?sub1=reel&sub2=bio'));
  clickIds.push(await click(a.link.code, '?sub1=reel'));
  clickIds.push(await click(a.link.code, '?sub1=story'));
  clickIds.push(await click(b.link.code));
  await t.app.tracking.flushClicks();
});
afterAll(() => t.close());

describe(`merchant clicks API on ${backend}`, () => {
  it('verifies one of the merchant’s click ids', async () => {
    const response = await merchant.live.get(`/api/v1/clicks/${clickIds[0]}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      clickId: clickIds[0],
      livemode: true,
      linkId: a.link.id,
      affiliateId: a.affiliate.affiliateId,
      campaignId: a.campaign.id,
      productId: a.product!.id,
      attributable: true,
      unattributableReason: null,
      subIds: { sub1: 'reel', sub2: 'bio' },
      trafficSource: 'direct',
      riskFlags: [],
    });
    expect(response.body.ipHash).toBeUndefined();
  });

  it('keeps clicks within their merchant and mode', async () => {
    expect((await other.live.get(`/api/v1/clicks/${clickIds[0]}`)).status).toBe(404);
    expect((await merchant.test.get(`/api/v1/clicks/${clickIds[0]}`)).status).toBe(404);
    expect((await merchant.live.get('/api/v1/clicks/clk_doesnotexistdoesnotexis')).status).toBe(404);
    expect((await merchant.live.get('/api/v1/clicks/not-a-click')).status).toBe(404);
    const theirs = await other.live.get('/api/v1/clicks');
    expect(theirs.body).toMatchObject({ data: [], total: 0 });
    expect((await merchant.test.get('/api/v1/clicks')).body.total).toBe(0);
  });

  it('lists clicks newest first with total, filtered by link, campaign and time', async () => {
    const all = await merchant.live.get('/api/v1/clicks');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.data.map((c: { clickId: string }) => c.clickId)).toEqual([...clickIds].reverse());

    const byLink = await merchant.live.get(`/api/v1/clicks?linkId=${a.link.id}&pageSize=2&page=2`);
    expect(byLink.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(byLink.body.data.map((c: { clickId: string }) => c.clickId)).toEqual([clickIds[0]]);

    const byCampaign = await merchant.live.get(`/api/v1/clicks?campaignId=${b.campaign.id}`);
    expect(byCampaign.body.data.map((c: { clickId: string }) => c.clickId)).toEqual([clickIds[3]]);

    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 60_000).toISOString();
    expect((await merchant.live.get(`/api/v1/clicks?from=${encodeURIComponent(future)}`)).body.total).toBe(0);
    expect((await merchant.live.get(`/api/v1/clicks?from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`)).body.total).toBe(4);
    expect((await merchant.live.get(`/api/v1/clicks?to=${encodeURIComponent(past)}`)).body.total).toBe(0);

    const bad = await merchant.live.get('/api/v1/clicks?from=yesterday&pageSize=500');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['query.from', 'query.pageSize']);
  });
});

describe(`affiliate click statistics on ${backend}`, () => {
  it('counts clicks per sub-id, link and day, for the affiliate’s own links only', async () => {
    const client = await signIn(t, a.affiliate.email);
    const bySub = await client.request('GET', '/api/affiliate/stats/clicks?groupBy=sub1');
    expect(bySub.status).toBe(200);
    expect(bySub.body).toMatchObject({ groupBy: 'sub1', clicks: 4, attributableClicks: 4 });
    expect(bySub.body.groups).toEqual([
      { key: 'reel', clicks: 2, attributableClicks: 2 },
      { key: 'story', clicks: 1, attributableClicks: 1 },
      { key: null, clicks: 1, attributableClicks: 1 },
    ]);
    const byLink = await client.request('GET', `/api/affiliate/stats/clicks?groupBy=link&campaignId=${a.campaign.id}`);
    expect(byLink.body.groups).toEqual([{ key: a.link.id, clicks: 3, attributableClicks: 3 }]);
    const byDay = await client.request('GET', '/api/affiliate/stats/clicks');
    expect(byDay.body.groups).toEqual([{ key: new Date().toISOString().slice(0, 10), clicks: 4, attributableClicks: 4 }]);

    const links = await client.request('GET', '/api/affiliate/links');
    const counts = Object.fromEntries(links.body.data.map((l: { id: string; clicks: number }) => [l.id, l.clicks]));
    expect(counts).toEqual({ [a.link.id]: 3, [b.link.id]: 1 });

    const stranger = await makeLink(t, merchant);
    const strangerClient = await signIn(t, stranger.affiliate.email);
    expect((await strangerClient.request('GET', '/api/affiliate/stats/clicks')).body).toMatchObject({ clicks: 0, groups: [] });
  });
});
