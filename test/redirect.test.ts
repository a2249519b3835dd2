import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../src/modules/campaigns/campaigns.tables.ts';
import { merchants } from '../src/modules/merchants/merchants.tables.ts';
import { products } from '../src/modules/products/products.tables.ts';
import { clicks, type ClickRow } from '../src/modules/tracking/clicks.tables.ts';
import { TestClock } from './support/clock.ts';
import { backend } from './support/database.ts';
import { makeMerchant, signIn, type TestMerchant } from './support/factories.ts';
import { makeLink } from './support/link-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const CLICK_ID = /^clk_[A-Za-z0-9_-]{22}$/;

let t: TestApp;
let merchant: TestMerchant;
let ipCounter = 0;
const clock = new TestClock();
/** Past what the link cache may still serve (twice its TTL); the TTL is long, so only this brings a change in. */
const pastCachedLinks = () => clock.advance(2 * t.config.linkCacheTtlMs);
beforeAll(async () => {
  t = await createTestApp({ listen: true, clock, config: { linkCacheTtlMs: 60_000, clickVelocityPerIp: 1000 } });
  merchant = await makeMerchant(t);
});
afterAll(() => t.close());

/** A click from a fresh visitor (a new IP each time unless given). */
async function click(code: string, options: { ip?: string; ua?: string | null; referer?: string; method?: 'GET' | 'HEAD'; query?: string } = {}) {
  const headers: Record<string, string> = { 'x-forwarded-for': options.ip ?? `203.0.113.${++ipCounter % 250}` };
  if (options.ua !== null) headers['user-agent'] = options.ua ?? CHROME;
  if (options.referer) headers.referer = options.referer;
  const response = await t.app.inject({ method: options.method ?? 'GET', url: `/r/${code}${options.query ?? ''}`, headers });
  const location = response.headers.location as string | undefined;
  const clickId = location ? new URL(location).searchParams.get('affiliate_click_id') : null;
  return { response, location, clickId };
}

async function storedClicks(linkId: string): Promise<ClickRow[]> {
  await t.app.tracking.flushClicks();
  return t.platform.db.select().from(clicks).where(eq(clicks.linkId, linkId)).orderBy(clicks.clickedAt);
}

describe(`GET /r/{code} on ${backend}`, () => {
  it('redirects a product link to the product with a fresh click id, and records the click', async () => {
    const { link, product, campaign, affiliate } = await makeLink(t, merchant, { product: { productUrl: `https://${merchant.domain}/p/shawl` } });
    const { response, location, clickId } = await click(link.code, { ip: '198.51.100.7', referer: 'https://l.instagram.com/?u=x' });
    expect(response.statusCode).toBe(302);
    expect(clickId).toMatch(CLICK_ID);
    expect(location).toBe(`https://${merchant.domain}/p/shawl?affiliate_click_id=${clickId}`);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');

    const [stored] = await storedClicks(link.id);
    expect(stored).toMatchObject({
      id: clickId,
      linkId: link.id,
      affiliateId: affiliate.affiliateId,
      merchantId: merchant.merchantId,
      livemode: true,
      campaignId: campaign.id,
      productId: product!.id,
      userAgent: CHROME,
      referrer: 'https://l.instagram.com/?u=x',
      trafficSource: 'instagram',
      attributable: true,
      unattributableReason: null,
      riskFlags: [],
      subIds: {},
    });
    // The IP is stored only as a keyed hash.
    expect(stored!.ipHash).toBe(t.platform.secrets.keyedHash('198.51.100.7'));
    const raw = JSON.stringify(await t.platform.db.execute(sql`select * from clicks where id = ${clickId}`));
    expect(raw).not.toContain('198.51.100.7');
  });

  it('sends a campaign link to the landing page, or to the merchant’s website without one', async () => {
    const landing = await makeLink(t, merchant, { campaign: { landingUrl: `https://${merchant.domain}/dashain` } });
    expect((await click(landing.link.code)).location).toMatch(new RegExp(`^https://${merchant.domain}/dashain\\?affiliate_click_id=clk_`));
    const bare = await makeLink(t, merchant, { campaign: { landingUrl: null } });
    expect((await click(bare.link.code)).location).toMatch(new RegExp(`^https://${merchant.domain}/\\?affiliate_click_id=clk_`));
  });

  it('keeps the destination’s query string, encoding and fragment', async () => {
    const url = `https://${merchant.domain}/p/shawl?color=red&q=a%20b&name=%E0%A4%A8&affiliate_click_id=forged#reviews`;
    const { link } = await makeLink(t, merchant, { product: { productUrl: url } });
    const { location, clickId } = await click(link.code);
    expect(location).toBe(`https://${merchant.domain}/p/shawl?color=red&q=a%20b&name=%E0%A4%A8&affiliate_click_id=${clickId}#reviews`);
  });

  it('answers an unknown code with a friendly 404 page', async () => {
    for (const code of ['ZZZZZZZZZZ', 'no such code', '%00', 'x'.repeat(60)]) {
      const response = await t.app.inject({ method: 'GET', url: `/r/${encodeURIComponent(code)}`, headers: { 'user-agent': CHROME } });
      expect(response.statusCode, code).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('This link doesn’t go anywhere');
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('redirects without an attributable click when the campaign is paused, archived, draft, expired or not started', async () => {
    const cases: Array<[string, Partial<typeof campaigns.$inferInsert>, string]> = [
      ['paused', { status: 'PAUSED' }, 'CAMPAIGN_PAUSED'],
      ['archived', { status: 'ARCHIVED' }, 'CAMPAIGN_ARCHIVED'],
      ['draft', { status: 'DRAFT' }, 'CAMPAIGN_DRAFT'],
      ['expired', { startDate: new Date(Date.now() - 86_400_000), endDate: new Date(Date.now() - 1000) }, 'CAMPAIGN_EXPIRED'],
      ['not started', { startDate: new Date(Date.now() + 86_400_000) }, 'CAMPAIGN_NOT_STARTED'],
    ];
    for (const [what, change, reason] of cases) {
      const { link, campaign } = await makeLink(t, merchant, { product: { productUrl: `https://${merchant.domain}/p/${what.replace(' ', '-')}?x=1` } });
      expect((await click(link.code)).clickId, what).toMatch(CLICK_ID);
      // Written behind the app's back, so only the cache's TTL brings it in (changes made through the
      // API take effect at once: test/link-cache-invalidation.test.ts).
      await t.platform.db.update(campaigns).set(change).where(eq(campaigns.id, campaign.id));
      pastCachedLinks();
      const { response, location } = await click(link.code);
      expect(response.statusCode, what).toBe(302);
      expect(location, what).toBe(`https://${merchant.domain}/p/${what.replace(' ', '-')}?x=1`);
      const stored = await storedClicks(link.id);
      expect(
        stored.map((c) => [c.attributable, c.unattributableReason]),
        what,
      ).toEqual([
        [true, null],
        [false, reason],
      ]);
    }
  });

  it('sees a campaign change made elsewhere within twice the cache TTL', async () => {
    const { link, campaign } = await makeLink(t, merchant);
    expect((await click(link.code)).clickId).toMatch(CLICK_ID);
    // Changed behind this process's back: no invalidation, only the TTL.
    await t.platform.db.update(campaigns).set({ status: 'PAUSED' }).where(eq(campaigns.id, campaign.id));
    clock.advance(t.config.linkCacheTtlMs - 1000);
    expect((await click(link.code)).clickId, 'still cached within the TTL').toMatch(CLICK_ID);
    pastCachedLinks();
    expect((await click(link.code)).clickId).toBeNull();
  });

  it('stops attributing an archived link at once, and an archived product', async () => {
    const { link, affiliate } = await makeLink(t, merchant);
    expect((await click(link.code)).clickId).toMatch(CLICK_ID);
    const client = await signIn(t, affiliate.email);
    const archived = await client.request('POST', `/api/affiliate/links/${link.id}/archive`);
    expect(archived.body.status).toBe('ARCHIVED');
    const after = await click(link.code);
    expect(after.response.statusCode).toBe(302);
    expect(after.clickId).toBeNull();
    expect((await storedClicks(link.id)).map((c) => c.unattributableReason)).toEqual([null, 'LINK_ARCHIVED']);

    const productLink = await makeLink(t, merchant, { product: {} });
    await t.platform.db.update(products).set({ status: 'ARCHIVED' }).where(eq(products.id, productLink.product!.id));
    const gone = await click(productLink.link.code);
    expect(gone.location).toBe(productLink.product!.productUrl);
    expect((await storedClicks(productLink.link.id)).map((c) => c.unattributableReason)).toEqual(['PRODUCT_ARCHIVED']);
  });

  it('redirects bots, link-preview fetchers and HEAD requests without counting them', async () => {
    const { link } = await makeLink(t, merchant, { product: { productUrl: `https://${merchant.domain}/p/preview` } });
    const agents = [
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'WhatsApp/2.23.20.0 A',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Twitterbot/1.0',
      'TelegramBot (like TwitterBot)',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    ];
    for (const ua of agents) {
      const { response, location } = await click(link.code, { ua });
      expect(response.statusCode, ua).toBe(302);
      expect(location, ua).toBe(`https://${merchant.domain}/p/preview`);
    }
    const head = await click(link.code, { method: 'HEAD' });
    expect(head.response.statusCode).toBe(302);
    expect(head.location).toBe(`https://${merchant.domain}/p/preview`);
    expect((await click(link.code, { ua: null })).clickId).toBeNull();
    expect(await storedClicks(link.id)).toEqual([]);
  });

  it('counts repeat clicks from one visitor once, reusing the first click id', async () => {
    const { link } = await makeLink(t, merchant);
    const first = await click(link.code, { ip: '192.0.2.10' });
    const again = await click(link.code, { ip: '192.0.2.10' });
    expect(again.clickId).toBe(first.clickId);
    const otherBrowser = await click(link.code, { ip: '192.0.2.10', ua: `${CHROME} Edg/124.0` });
    const otherVisitor = await click(link.code, { ip: '192.0.2.11' });
    expect(new Set([first.clickId, otherBrowser.clickId, otherVisitor.clickId]).size).toBe(3);
    expect((await storedClicks(link.id)).map((c) => c.id).sort()).toEqual([first.clickId, otherBrowser.clickId, otherVisitor.clickId].sort());
  });

  it('stores sub-ids from the link’s query string, but never forwards them', async () => {
    const { link } = await makeLink(t, merchant, { product: { productUrl: `https://${merchant.domain}/p/sub` } });
    const { location, clickId } = await click(link.code, { query: `?sub1=reel-42&sub2=story&sub5=${'x'.repeat(150)}&sub6=ignored&utm_source=ig` });
    expect(location).toBe(`https://${merchant.domain}/p/sub?affiliate_click_id=${clickId}`);
    const [stored] = await storedClicks(link.id);
    expect(stored!.subIds).toEqual({ sub1: 'reel-42', sub2: 'story', sub5: 'x'.repeat(100) });
  });

  it('flags clicks from traffic sources the campaign does not allow', async () => {
    const { link } = await makeLink(t, merchant, { campaign: { allowedTrafficSources: ['Instagram', 'sita.blog'] } });
    await click(link.code, { referer: 'https://www.instagram.com/' });
    await click(link.code, { referer: 'https://news.sita.blog/post' });
    await click(link.code);
    await click(link.code, { referer: 'https://www.tiktok.com/@someone' });
    const stored = await storedClicks(link.id);
    expect(stored.map((c) => [c.trafficSource, c.riskFlags])).toEqual([
      ['instagram', []],
      ['website', []],
      ['direct', []],
      ['tiktok', ['TRAFFIC_SOURCE_NOT_ALLOWED']],
    ]);
    expect(stored.every((c) => c.attributable)).toBe(true);
  });

  it('refuses to attribute clicks of a suspended merchant', async () => {
    const other = await makeMerchant(t);
    const { link } = await makeLink(t, other);
    await t.platform.db.update(merchants).set({ status: 'SUSPENDED' }).where(eq(merchants.id, other.merchantId));
    expect((await click(link.code)).clickId).toBeNull();
    expect((await storedClicks(link.id)).map((c) => c.unattributableReason)).toEqual(['MERCHANT_INACTIVE']);
  });
});

describe(`GET /r/{code} over real HTTP on ${backend}`, () => {
  it('is answered ahead of Fastify with the same redirect and headers', async () => {
    const { link } = await makeLink(t, merchant, { product: { productUrl: `https://${merchant.domain}/p/front?x=1#top` } });
    const response = await fetch(`${t.url}/r/${link.code}?sub1=http`, {
      redirect: 'manual',
      headers: { 'user-agent': CHROME, 'x-forwarded-for': '6.6.6.6, 198.51.100.77, 127.0.0.1' },
    });
    expect(response.status).toBe(302);
    const clickId = new URL(response.headers.get('location')!).searchParams.get('affiliate_click_id');
    expect(response.headers.get('location')).toBe(`https://${merchant.domain}/p/front?x=1&affiliate_click_id=${clickId}#top`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const [stored] = await storedClicks(link.id);
    // The client is the right-most address that no trusted proxy (loopback here) vouches for, as for request.clientAddress.
    expect(stored).toMatchObject({ id: clickId, subIds: { sub1: 'http' }, ipHash: t.platform.secrets.keyedHash('198.51.100.77') });

    const head = await fetch(`${t.url}/r/${link.code}`, { method: 'HEAD', redirect: 'manual', headers: { 'user-agent': CHROME } });
    expect(head.status).toBe(302);
    expect(head.headers.get('location')).toBe(`https://${merchant.domain}/p/front?x=1#top`);

    const unknown = await fetch(`${t.url}/r/ZZZZZZZZZZ`, { redirect: 'manual', headers: { 'user-agent': CHROME } });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This link doesn’t go anywhere');
  });

  it('leaves other methods and deeper paths to Fastify', async () => {
    const { link } = await makeLink(t, merchant);
    const post = await fetch(`${t.url}/r/${link.code}`, { method: 'POST', redirect: 'manual' });
    expect(post.status).toBe(404);
    expect((await post.json()).error.code).toBe('NOT_FOUND');
    const deeper = await fetch(`${t.url}/r/${link.code}/extra`, { redirect: 'manual' });
    expect(deeper.status).toBe(404);
    expect(deeper.headers.get('content-type')).toContain('application/json');
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe(`click velocity on ${backend}`, () => {
  let v: TestApp;
  beforeAll(async () => {
    v = await createTestApp({ config: { clickVelocityPerIp: 2, clickVelocityPerLink: 3 } });
  });
  afterAll(() => v.close());

  it('flags clicks past the per-IP and per-link limits within a minute', async () => {
    const m = await makeMerchant(v);
    const { link } = await makeLink(v, m);
    const other = await makeLink(v, m);
    const send = (code: string, ip: string, n: number) =>
      v.app.inject({ method: 'GET', url: `/r/${code}`, headers: { 'x-forwarded-for': ip, 'user-agent': `${CHROME} #${n}` } });
    for (let n = 1; n <= 4; n++) await send(link.code, `198.51.100.${n}`, n); // 4 visitors: the 4th passes the link limit
    await send(other.link.code, '192.0.2.50', 1);
    await send(other.link.code, '192.0.2.50', 2);
    await send(other.link.code, '192.0.2.50', 3); // third click from one IP
    await v.app.tracking.flushClicks();
    const flags = async (linkId: string) =>
      (await v.platform.db.select().from(clicks).where(eq(clicks.linkId, linkId)).orderBy(clicks.clickedAt)).map((c) => c.riskFlags);
    expect(await flags(link.id)).toEqual([[], [], [], ['LINK_VELOCITY']]);
    expect(await flags(other.link.id)).toEqual([[], [], ['IP_VELOCITY']]);
  });
});
