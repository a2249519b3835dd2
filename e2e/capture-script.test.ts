import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMerchant } from '../test/support/factories.ts';
import { makeLink, type TestLink } from '../test/support/link-factories.ts';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import { launchBrowser } from './support/browser.ts';

/**
 * A merchant's store: a landing page and a checkout page that embed the capture script from the
 * platform, and an order endpoint that records what the checkout form posted.
 */
function fakeStore(platformUrl: string) {
  const orders: Array<Record<string, string>> = [];
  const page = (title: string, script: string, body: string) => `<!doctype html><html><head><title>${title}</title>${script}</head><body>${body}</body></html>`;
  const server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://store');
    if (request.method === 'POST' && url.pathname === '/order') {
      let raw = '';
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        orders.push(Object.fromEntries(new URLSearchParams(raw)));
        response.writeHead(200, { 'content-type': 'text/html' }).end('<p id="done">Thank you</p>');
      });
      return;
    }
    const html: Record<string, string> = {
      '/landing': page(
        'Pashmina',
        `<script src="${platformUrl}/js/capture.js" data-cookie-days="7"></script>`,
        `<h1>Pashmina shawl</h1><form id="buy" method="post" action="/order"><input type="hidden" name="click_id"><input name="sku" value="PSH-1"><button>Buy</button></form>`,
      ),
      // The checkout builds its form after load (as single-page shops do) and loads the script with ?days=.
      '/checkout': page(
        'Checkout',
        `<script async src="${platformUrl}/js/capture.js?days=7"></script>`,
        `<div id="app"></div><script>setTimeout(function () {
          document.getElementById('app').innerHTML = '<form id="pay" method="post" action="/order"><input type="hidden" name="click_id"><input name="sku" value="PSH-2"><button>Pay</button></form>';
        }, 50);</script>`,
      ),
      '/session-only': page('Session', `<script src="${platformUrl}/js/capture.js" data-cookie-days="0"></script>`, '<p>hi</p>'),
    };
    const body = html[url.pathname];
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
  });
  return { server, orders };
}

let t: TestApp;
let store: ReturnType<typeof fakeStore>;
let storeUrl: string;
let testLink: TestLink;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  store = fakeStore(t.url);
  await new Promise<void>((resolve) => store.server.listen(0, '127.0.0.1', resolve));
  // "localhost" for the store and 127.0.0.1 for the platform: two sites, so the cookie is the store's own.
  storeUrl = `http://localhost:${(store.server.address() as AddressInfo).port}`;
  const merchant = await makeMerchant(t);
  testLink = await makeLink(t, merchant, { product: { productUrl: `${storeUrl}/landing?utm_medium=affiliate#details` } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => store?.server.close(resolve));
  await t?.close();
});

describe('capture script in Chromium', () => {
  it('keeps the click id from the redirect through to the checkout form', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${t.url}/r/${testLink.link.code}?sub1=e2e`);

    // Landed on the store through the real redirect, query and fragment intact.
    const landed = new URL(page.url());
    expect(landed.origin).toBe(storeUrl);
    expect(landed.pathname).toBe('/landing');
    expect(landed.searchParams.get('utm_medium')).toBe('affiliate');
    expect(landed.hash).toBe('#details');
    const clickId = landed.searchParams.get('affiliate_click_id')!;
    expect(clickId).toMatch(/^clk_[A-Za-z0-9_-]{22}$/);

    // It is a real click of this link, found even before the buffer is written.
    expect(await t.app.tracking.findClick(clickId)).toMatchObject({ linkId: testLink.link.id, subIds: { sub1: 'e2e' }, attributable: true });

    expect(await page.evaluate(() => (window as any).influencemart.clickId())).toBe(clickId);
    expect(await page.inputValue('#buy input[name="click_id"]')).toBe(clickId);
    const [cookie] = (await browser.context.cookies(storeUrl)).filter((c) => c.name === 'im_click_id');
    expect(cookie?.value).toBe(clickId);
    const sevenDays = Date.now() / 1000 + 7 * 86_400;
    expect(Math.abs(cookie!.expires - sevenDays)).toBeLessThan(120);
    expect(cookie!.sameSite).toBe('Lax');
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('im_click_id')))!);
    expect(stored.id).toBe(clickId);

    // Later, on a page without the parameter, the id is still there for the checkout form.
    await page.goto(`${storeUrl}/checkout`);
    await page.waitForSelector('#pay');
    expect(await page.evaluate(() => (window as any).influencemart.clickId())).toBe(clickId);
    await page.click('#pay button');
    await page.waitForSelector('#done');
    expect(store.orders.at(-1)).toEqual({ click_id: clickId, sku: 'PSH-2' });
    await page.close();
  });

  it('falls back to localStorage when the cookie is gone, and ignores malformed ids', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${storeUrl}/landing`);
    const fromStorage = await page.evaluate(() => (window as any).influencemart.clickId());
    expect(fromStorage).toMatch(/^clk_/);
    await browser.context.clearCookies();
    await page.reload();
    expect(await page.evaluate(() => (window as any).influencemart.clickId())).toBe(fromStorage);

    await page.goto(`${storeUrl}/landing?affiliate_click_id=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(await page.evaluate(() => (window as any).influencemart.clickId())).toBe(fromStorage);
    await page.close();
  });

  it('keeps the id for the browser session only when the window is 0 days', async () => {
    const fresh = await launchBrowser();
    try {
      const page = await fresh.context.newPage();
      const clickId = 'clk_SessionOnlySessionOnlyAA';
      await page.goto(`${storeUrl}/session-only?affiliate_click_id=${clickId}`);
      expect(await page.evaluate(() => (window as any).influencemart.clickId())).toBe(clickId);
      const [cookie] = (await fresh.context.cookies(storeUrl)).filter((c) => c.name === 'im_click_id');
      expect(cookie?.expires).toBe(-1); // a session cookie
      expect(await page.evaluate(() => localStorage.getItem('im_click_id'))).toBeNull();
    } finally {
      await fresh.close();
    }
  });

  it('is served as a small cacheable script', async () => {
    const response = await fetch(`${t.url}/js/capture.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('max-age=');
    expect((await response.arrayBuffer()).byteLength).toBeLessThan(2048);
  });
});
