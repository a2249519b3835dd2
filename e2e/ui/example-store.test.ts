import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../../sdk/src/index.ts';
import { freePort } from '../../test/support/server-process.ts';
import { tempDir } from '../../test/support/test-app.ts';
import { DESKTOP_CHROME } from '../support/browser.ts';
import { startHarness, type Harness } from './support/browser.ts';

// The example store as a person meets it: one command starts the platform and the store; an
// affiliate's link lands on the store, the visitor buys, and the commission appears.
interface Started {
  platformUrl: string;
  storeUrl: string;
  testLink: string;
  testKeys: { publishableKey: string; signingSecret: string };
}

const data = tempDir('influencemart-example-store-');
let example: ChildProcess;
let started: Started;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  example = spawn(process.execPath, ['examples/demo-store/start.mjs', '--json'], {
    env: { ...process.env, PORT: String(await freePort()), STORE_PORT: String(await freePort()), DATA_DIR: data.dir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  started = await new Promise<Started>((resolve, reject) => {
    example.once('exit', (code) => reject(new Error(`the example stopped (exit ${code})`)));
    createInterface({ input: example.stdout! }).once('line', (line) => resolve(JSON.parse(line) as Started));
  });
}, 180_000);
afterAll(async () => {
  if (example?.pid) process.kill(-example.pid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  data.remove();
  await h?.close();
});

describe('the example store beside the platform', () => {
  it('turns a click on the demo affiliate’s link into an attributed test order, a commission and webhooks', async () => {
    // A person's browser: headless Chromium's own user agent is a bot, whose clicks mint no click id.
    const context = await h.browser.newContext({ userAgent: DESKTOP_CHROME });
    const page = await context.newPage();
    await page.goto(started.testLink);
    // The link lands on the store's product page with the click id, which capture.js keeps.
    await page.waitForURL(/example-store\.localhost:\d+\/products\/trail-shoes\?.*affiliate_click_id=clk_/);
    await page.getByRole('heading', { level: 1, name: 'Trail running shoes' }).waitFor();
    await page.waitForFunction(() => (document.querySelector('input[name=click_id]') as HTMLInputElement | null)?.value.startsWith('clk_'));

    await page.getByRole('button', { name: 'Buy now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you for your order' }).waitFor();
    expect(await page.getByTestId('commission').innerText()).toBe('NPR 450.00');
    const orderId = await page.getByTestId('order-id').innerText();

    await page.getByRole('button', { name: 'Mark as delivered' }).click();
    await page.getByRole('heading', { level: 1, name: 'Order delivered' }).waitFor();

    // The platform agrees: a commission of 10 % of 4,500.00 on this order, now on hold.
    const merchant = new InfluencemartClient({ baseUrl: started.platformUrl, ...started.testKeys });
    const commissions = await merchant.commissions.list({ orderId });
    expect(commissions.data.map((c) => [c.amount, c.status])).toEqual([['450.00', 'hold']]);

    // And the store received the signed webhooks for it.
    await page.getByRole('link', { name: 'Webhooks received' }).click();
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('main li code').allInnerTexts();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(expect.arrayContaining(['conversion.attributed', 'commission.status_changed']));
    await context.close();
  });
});
