import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAffiliate } from '../../src/modules/accounts/accounts.service.ts';
import { PASSWORD, startHarness, uniqueEmail, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(() => h?.close());

/** The input's error text, found through the input's own aria-describedby (as a screen reader would). */
async function describedError(page: Page, label: string): Promise<{ invalid: string | null; text: string }> {
  const input = page.getByLabel(label, { exact: true });
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return { invalid: await input.getAttribute('aria-invalid'), text: texts.join(' | ') };
}

describe('field-level errors from the server', () => {
  it('marks a too-short password and a malformed email next to their inputs, and sends nothing else', async () => {
    const { page, context, problems } = await h.newPage();
    await page.goto('/signup?role=affiliate');
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create creator account' }).click();

    await page.getByRole('alert').filter({ hasText: 'Please correct the 2 fields marked below.' }).waitFor();
    expect(await describedError(page, 'Password')).toEqual({ invalid: 'true', text: 'At least 10 characters. | Password must be at least 10 characters long' });
    expect(await describedError(page, 'Email')).toEqual({ invalid: 'true', text: 'Email must be a valid email address' });
    // The other kind of account's requirements (store name, website) are not this form's business.
    expect(await page.getByText(/businessName|website|role/).count()).toBe(0);
    // Focus moves to the first field in error.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('email');
    expect(page.url()).toMatch(/\/signup\?role=affiliate$/);

    await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('fixed'));
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create creator account' }).click();
    await page.waitForURL('**/affiliate');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says an email is already registered, on the email field of the store form', async () => {
    const taken = uniqueEmail('taken');
    await signUpAffiliate(h.t.platform.db, { email: taken, password: PASSWORD });
    const { page, context } = await h.newPage();
    await page.goto('/signup?role=merchant');
    await page.getByLabel('Store name', { exact: true }).fill('Second Shop');
    await page.getByLabel('Website', { exact: true }).fill('https://second-shop.example.com');
    await page.getByLabel('Email', { exact: true }).fill(taken);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create store account' }).click();

    await page.getByText('Email is already registered').waitFor();
    expect(await describedError(page, 'Email')).toEqual({ invalid: 'true', text: 'Email is already registered' });
    expect(await page.getByLabel('Store name', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await context.close();
  });

  it('checks required fields before sending, and reports wrong credentials on the login form', async () => {
    const { page, context } = await h.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Log in' }).click();
    expect(await describedError(page, 'Email')).toEqual({ invalid: 'true', text: 'Email is required' });
    expect(await describedError(page, 'Password')).toEqual({ invalid: 'true', text: 'Password is required' });

    await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('nobody'));
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is wrong' }).waitFor();
    expect(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(page.url()).toMatch(/\/login$/);
    await context.close();
  });
});
