import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMerchant, signUpAffiliate, signUpMerchant } from '../../src/modules/accounts/accounts.service.ts';
import { PASSWORD, startHarness, uniqueEmail, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

describe('who may see which page', () => {
  it('sends a signed-out visitor from a protected page to login, and back there after signing in', async () => {
    const email = uniqueEmail('store');
    const { merchantId } = await signUpMerchant(h.t.platform.db, {
      email,
      password: PASSWORD,
      businessName: 'Everest Gear',
      website: 'https://everest-gear.example.com',
    });
    await approveMerchant(h.t.platform.db, h.t.platform.secrets, merchantId, null);
    const { page, context, problems } = await h.newPage();

    await page.goto('/merchant/developers');
    await page.waitForURL('**/login?next=%2Fmerchant%2Fdevelopers');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();

    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/merchant/developers');
    await page.getByRole('heading', { level: 1, name: 'Developers' }).waitFor();
    expect(await page.getByRole('link', { name: 'Developers' }).getAttribute('aria-current')).toBe('page');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('does not follow a redirect target on another site', async () => {
    const email = uniqueEmail('creator');
    await signUpAffiliate(h.t.platform.db, { email, password: PASSWORD });
    const { page, context } = await h.newPage();
    await page.goto('/login?next=%2F%2Fevil.example.com%2Faffiliate');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/affiliate');
    expect(new URL(page.url()).host).toBe(new URL(h.t.url).host);
    await context.close();
  });

  it('tells a creator that a store page is not for them', async () => {
    const email = uniqueEmail('creator');
    await signUpAffiliate(h.t.platform.db, { email, password: PASSWORD });
    const { page, context } = await h.newPage();
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/affiliate');

    await page.goto('/merchant/campaigns');
    await page.getByRole('heading', { name: 'Not available to this account' }).waitFor();
    await page.getByRole('link', { name: 'Go to your overview' }).click();
    await page.waitForURL('**/affiliate');
    await context.close();
  });

  it('serves client routes as the app and keeps unknown API paths as JSON 404s', async () => {
    const { page, context } = await h.newPage();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    const api = await page.evaluate(() => fetch('/api/no-such-endpoint').then(async (r) => ({ status: r.status, body: (await r.json()) as unknown })));
    expect(api).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'No route for GET /api/no-such-endpoint', details: [] } } });

    // The page and the script it loads: the page is revalidated on every visit, the hashed script cached for good.
    const caching = await page.evaluate(async () => {
      const script = document.querySelector('script[type="module"]')?.getAttribute('src') ?? '';
      const [html, js] = await Promise.all([fetch(window.location.pathname), fetch(script)]);
      return { script, html: html.headers.get('cache-control'), js: js.headers.get('cache-control'), csp: html.headers.get('content-security-policy') };
    });
    expect(caching.script).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    expect(caching.html).toBe('no-cache');
    expect(caching.js).toBe('public, max-age=31536000, immutable');
    expect(caching.csp).toContain("script-src 'self'");
    await context.close();
  });
});
