import type { Page } from 'playwright-core';
import { PASSWORD } from './browser.ts';

/** Log in through the login page and wait for the role's overview. */
export async function logIn(page: Page, email: string, home: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`**${home}`);
}
