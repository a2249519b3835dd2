import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_WEB_DIST } from '../../../src/modules/web/web.routes.ts';
import { createTestApp, type TestApp, type TestAppOptions } from '../../../test/support/test-app.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  t: TestApp;
  browser: Browser;
  /** A fresh context (its own cookies) with a page on the app, collecting what the browser complains about. */
  newPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/**
 * The whole server on a fresh database, listening on a free port, and the system Chromium to drive it.
 * `config` and `workers` go to the server (e.g. background workers on, private webhook targets allowed).
 */
export async function startHarness(server: Pick<TestAppOptions, 'config' | 'workers'> = {}): Promise<Harness> {
  if (!existsSync(`${DEFAULT_WEB_DIST}/index.html`)) throw new Error('The dashboard is not built: run `npm run build:web` before the browser tests');
  const t = await createTestApp({ ...server, listen: true });
  // launch() gives every run its own temporary profile (user data directory), removed on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }).catch(async (error: unknown) => {
    await t.close();
    throw error;
  });
  return {
    t,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: t.url });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // Chromium logs every 4xx answer (e.g. the signed-out 401 from /api/auth/me); those are expected.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
      });
      return { context, page, problems };
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

export const uniqueEmail = (who: string) => `${who}-${randomBytes(4).toString('hex')}@example.com`;

export const PASSWORD = 'a long enough password';

/** Sign in through the login form and wait for the page asked for. */
export async function logIn(page: Page, email: string, password: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`**${next}`);
}
