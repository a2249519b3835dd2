import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMerchant } from '../../src/modules/accounts/accounts.service.ts';
import { PASSWORD, startHarness, uniqueEmail, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

describe('signing up through the dashboard', () => {
  it('a new store lands on its overview, pending review until an admin approves it', async () => {
    const { page, context, problems } = await h.newPage();
    const email = uniqueEmail('store');
    await page.goto('/signup?role=merchant');
    await page.getByLabel('Store name', { exact: true }).fill('Himalayan Threads');
    await page.getByLabel('Website', { exact: true }).fill('https://himalayan-threads.example.com');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create store account' }).click();

    await page.waitForURL('**/merchant');
    await page.getByRole('heading', { level: 1, name: 'Himalayan Threads' }).waitFor();
    const status = page.getByRole('region', { name: /waiting for review/ });
    await status.waitFor();
    expect(await status.textContent()).toContain('Pending review');
    expect(await page.getByTestId('signed-in-email').textContent()).toBe(email);
    expect(await page.locator('li', { hasText: 'himalayan-threads.example.com' }).textContent()).toContain('Pending');

    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json() as Promise<{ user: { merchantId: string } }>));
    await approveMerchant(h.t.platform.db, h.t.platform.secrets, me.user.merchantId, null);
    await page.reload();
    await page.getByRole('region', { name: /Your store is approved/ }).waitFor();
    expect(await page.getByText('waiting for review').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a creator signs up, signs out, and signs in again', async () => {
    const { page, context, problems } = await h.newPage();
    const email = uniqueEmail('creator');
    await page.goto('/signup');
    await page.getByLabel('Display name (optional)').fill('Asha Travels');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create creator account' }).click();

    await page.waitForURL('**/affiliate');
    expect(await page.getByTestId('signed-in-email').textContent()).toBe(email);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toContain('Marketplace');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByTestId('signed-in-email').waitFor({ state: 'detached' });
    // The session cookie is really gone: the server no longer knows this browser.
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401);

    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/affiliate');
    expect(await page.getByTestId('signed-in-email').textContent()).toBe(email);
    expect(problems).toEqual([]);
    await context.close();
  });
});
