import { mkdirSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeAffiliate, makeMerchant, PASSWORD, signIn, type TestMerchant } from '../../test/support/factories.ts';
import { makeProduct } from '../../test/support/catalog-factories.ts';
import { makeLink } from '../../test/support/link-factories.ts';
import { NAVIGATION } from '../../web/src/components/navigation.ts';
import { ROUTES } from '../../web/src/routes.ts';
import { axeViolations } from './support/axe.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/**
 * Every page of routes.ts, signed in as its role with real data, at a desktop and a phone width:
 * axe-core finds no violation, and each page leaves a screenshot in artifacts/screenshots/.
 */

const SCREENSHOTS = 'artifacts/screenshots';
const WIDTHS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

let h: Harness;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let store: TestMerchant;
let creator: Awaited<ReturnType<typeof makeAffiliate>>;

/** A store with campaigns, products, an attributed and a flagged order, a domain and a campaign waiting, a webhook; a creator with a link, a commission and a payout method. */
async function seed(): Promise<void> {
  admin = await makeAdmin(h.t);
  store = await makeMerchant(h.t, { businessName: 'Lumbini Incense Co' });
  creator = await makeAffiliate(h.t, { displayName: 'Trekking Tara' });
  await makeMerchant(h.t, { businessName: 'Janakpur Mithila Art', approved: false });
  expect((await store.live.post('/api/v1/domains', { domain: 'incense-outlet.example.net' })).status).toBe(201);
  expect((await store.live.post('/api/v1/campaigns', { title: 'Festival incense week', approvalRequired: true })).status).toBe(201);
  expect(
    (await store.live.post('/api/v1/webhook-endpoints', { url: 'https://hooks.example.com/influencemart', events: ['conversion.attributed'] })).status,
  ).toBe(201);

  const { link, campaign } = await makeLink(h.t, store, {
    affiliate: creator,
    campaign: { title: 'Dashain Sale', publicListing: true },
    product: { name: 'Sandalwood incense, 50 sticks', price: 45_000n },
  });
  await makeProduct(h.t, store, { campaignId: campaign.id, name: 'Brass incense holder', price: 120_000n });
  const session = await signIn(h.t, creator.email); // the creator's own address, seen: its click's order is flagged
  expect(
    (await session.request('POST', '/api/affiliate/payout-methods', { type: 'ESEWA', accountHolderName: 'Tara Gurung', mobileNumber: '9841111111' })).status,
  ).toBe(201);
  const redirect = await fetch(`${h.t.url}/r/${link.code}`, { redirect: 'manual', headers: { 'user-agent': CHROME } });
  const clickId = new URL(redirect.headers.get('location')!).searchParams.get('affiliate_click_id');
  expect((await store.live.post('/api/v1/conversions', { orderId: 'ORD-2001', clickId, amount: '900.00' })).status).toBe(201);
  expect((await store.live.post('/api/v1/conversions', { orderId: 'ORD-2002', amount: '450.00' })).status).toBe(201);
}

beforeAll(async () => {
  h = await startHarness();
  await seed();
  rmSync(SCREENSHOTS, { recursive: true, force: true }); // a page that is gone leaves no picture behind
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);
afterAll(() => h?.close());

/** The page has its heading, nothing is still loading, and each table frame has taken in the new width (TableWrap). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('main h1') !== null &&
      document.querySelector('.loading, [aria-busy="true"]') === null &&
      // (a frame inside a closed <details> is measured once it opens)
      [...document.querySelectorAll('.table-wrap')].every(
        (frame) =>
          !frame.checkVisibility() ||
          (frame.scrollWidth > frame.clientWidth + 1 || frame.scrollHeight > frame.clientHeight + 1) === frame.hasAttribute('tabindex'),
      ),
  );
}

/** `merchant-campaigns-phone.png`; the signed-out pages start with `public-`. */
const fileName = (role: string, path: string, width: string) =>
  `${SCREENSHOTS}/${role === 'public' ? 'public-' : ''}${path === '/' ? 'home' : path.slice(1).replaceAll('/', '-')}-${width}.png`;

/**
 * Visits each path at both widths: axe violations are returned, screenshots written. Signed in, a
 * page is reached through its link in the navigation (as a person would, and without reloading).
 */
async function audit(page: Page, role: string, paths: string[]): Promise<string[]> {
  const violations: string[] = [];
  for (const path of paths) {
    await page.setViewportSize(WIDTHS[0]);
    if (role === 'public') await page.goto(path);
    else {
      await page.locator(`nav[aria-label="Main"] a[href="${path}"]`).click();
      await page.waitForURL((url) => url.pathname === path);
    }
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await settle(page);
      const where = `${role} ${path} at ${size.width} px`;
      violations.push(...(await axeViolations(page, where)));
      // Nothing pushes the page sideways: only a table may scroll, inside its own frame.
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (pageWidth > size.width) violations.push(`${where}: the page is ${pageWidth} px wide`);
      await page.screenshot({ path: fileName(role, path, size.name), fullPage: true });
    }
  }
  return violations;
}

describe('accessibility of every page, at 1366 px and 390 px', () => {
  it('every dashboard page is in its role’s navigation', () => {
    for (const role of ['merchant', 'affiliate', 'admin'] as const) {
      const pages = ROUTES.filter((route) => route.access === role).map((route) => route.path);
      expect(NAVIGATION[role].map((item) => item.to).sort(), role).toEqual(pages.sort());
    }
  });

  it('public pages, signed out (and the not-found page)', async () => {
    const { page, context, problems } = await h.newPage();
    const paths = ROUTES.filter((route) => route.access === 'guest' || route.access === 'public').map((route) => route.path);
    expect(await audit(page, 'public', [...paths, '/no-such-page'])).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  for (const role of ['merchant', 'affiliate', 'admin'] as const) {
    it(`${role} pages, signed in with real data`, async () => {
      const { page, context, problems } = await h.newPage();
      const email = { merchant: store.email, affiliate: creator.email, admin: admin.email }[role];
      await logIn(page, email, PASSWORD, `/${role}`);
      const paths = ROUTES.filter((route) => route.access === role).map((route) => route.path);
      expect(await audit(page, role, paths)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it('on a phone the navigation folds behind a Menu button that works by keyboard, and table rows keep their actions in reach', async () => {
    const { page, context, problems } = await h.newPage();
    await page.setViewportSize(WIDTHS[1]);
    await logIn(page, store.email, PASSWORD, '/merchant');
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    // The closed bar is one row: brand and Menu button side by side.
    expect((await page.locator('header.topbar').boundingBox())!.height).toBeLessThan(80);

    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.waitFor();
    // One column: each link under the one before, none past the screen's edge.
    const boxes = await nav.getByRole('link').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(NAVIGATION.merchant.length);
    for (const [i, box] of boxes.entries()) {
      expect(box.right).toBeLessThanOrEqual(WIDTHS[1].width);
      if (i > 0) expect(box.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);
    }
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await axeViolations(page, 'merchant menu open at 390 px')).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/merchant-menu-open-phone.png` });

    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');

    // Space opens it too; a link taken from it leads to its page and closes the menu.
    await page.keyboard.press('Space');
    await nav.getByRole('link', { name: 'Orders' }).click();
    await page.waitForURL('**/merchant/orders');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);

    // A table row becomes a card whose action is on screen and works.
    const details = page.getByRole('row', { name: /ORD-2001/ }).getByRole('button', { name: 'Details of ORD-2001' });
    const box = (await details.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(WIDTHS[1].width);
    await details.click();
    await page.getByRole('region', { name: 'Order ORD-2001' }).waitFor();

    // Wider again, the Menu button is gone and the navigation is one row in the bar.
    await page.setViewportSize(WIDTHS[0]);
    expect(await menu.isVisible()).toBe(false);
    const tops = await nav.getByRole('link').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
