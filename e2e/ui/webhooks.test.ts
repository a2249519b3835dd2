import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMerchant, signUpMerchant } from '../../src/modules/accounts/accounts.service.ts';
import { WebhookReceiver } from '../../test/support/webhook-receiver.ts';
import { PASSWORD, startHarness, uniqueEmail, type Harness } from './support/browser.ts';

let h: Harness;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  // Workers on, so deliveries go out; the receiver listens on loopback, which only private-target mode allows.
  h = await startHarness({ workers: true, config: { outboundAllowPrivate: true } });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await receiver?.stop();
});

describe('webhooks on the developers page', () => {
  it('creates an endpoint, shows its secret once, sends a signed test event, logs the delivery, and disables the endpoint', async () => {
    const email = uniqueEmail('store');
    const { merchantId } = await signUpMerchant(h.t.platform.db, {
      email,
      password: PASSWORD,
      businessName: 'Annapurna Tea',
      website: 'https://annapurna-tea.example.com',
    });
    const keys = await approveMerchant(h.t.platform.db, h.t.platform.secrets, merchantId, null);
    const { page, context, problems } = await h.newPage();
    await page.goto('/login?next=%2Fmerchant%2Fdevelopers');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/merchant/developers');
    await page.getByRole('heading', { name: 'No live webhook endpoints yet' }).waitFor();

    // The key table beside it labels each pair with its own mode.
    for (const [mode, label] of [
      ['live', 'Live'],
      ['test', 'Test'],
    ] as const) {
      const keyRow = page.getByRole('row').filter({ hasText: keys[mode].publishableKey });
      await keyRow.waitFor();
      expect(await keyRow.textContent()).toContain(label);
    }

    // Sending without an event type is stopped on our side, next to the checkboxes.
    const { path, url } = receiver.route();
    await page.getByLabel('Endpoint URL', { exact: true }).fill(url);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Choose at least one event type').waitFor();

    await page.getByLabel('commission.status_changed').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secretText = page.getByText(/^whsec_[A-Za-z0-9+/=]+$/);
    await secretText.waitFor();
    const secret = (await secretText.textContent())!;
    const card = page.getByRole('article', { name: url });
    await card.waitFor();
    expect(await card.textContent()).toContain('commission.status_changed');
    expect(await card.textContent()).not.toContain(secret);

    // Shown once: gone after dismissing, and not on the page again after a reload.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await secretText.waitFor({ state: 'detached' });
    await page.reload();
    await card.waitFor();
    expect(await page.getByText(/whsec_/).count()).toBe(0);

    await card.getByRole('button', { name: 'Send test event' }).click();
    const [ping] = await receiver.waitFor(path, 1);
    const event = new Webhook(secret).verify(ping!.body, ping!.headers as Record<string, string>) as { type: string; livemode: boolean };
    expect(event.type).toBe('test.ping');
    expect(event.livemode).toBe(true);

    const log = card.getByRole('table', { name: 'Deliveries to this endpoint, newest first' });
    const row = log.getByRole('row').filter({ hasText: 'test.ping' });
    await row.getByText('Succeeded', { exact: true }).waitFor();
    expect(await row.textContent()).toMatch(/#1 · .+ · 200 · \d+ ms · succeeded/);
    expect(await row.getByRole('button', { name: 'Redeliver' }).isEnabled()).toBe(true);

    await card.getByRole('button', { name: 'Disable' }).click();
    await card.getByText('Disabled by you.').waitFor();
    await card.getByRole('button', { name: 'Enable' }).waitFor();
    expect(await card.getByRole('button', { name: 'Send test event' }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
