import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../../sdk/src/index.ts';
import { makeAdmin, PASSWORD } from '../../test/support/factories.ts';
import { WebhookReceiver } from '../../test/support/webhook-receiver.ts';
import { axeViolations } from './support/axe.ts';
import { logIn, startHarness, uniqueEmail, type Harness } from './support/browser.ts';

let h: Harness;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  // Workers on, so the sandbox's webhook goes out; the receiver listens on loopback, which only private-target mode allows.
  h = await startHarness({ workers: true, config: { outboundAllowPrivate: true } });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await receiver?.stop();
});

describe('the merchant developer area', () => {
  it('sign up → approved → reveal the test key pair → sandbox replay passes every step → the go-live checklist ticks what happened', async () => {
    const { page, context, problems } = await h.newPage();
    const email = uniqueEmail('store');
    await page.goto('/signup?role=merchant');
    await page.getByLabel('Store name', { exact: true }).fill('Mustang Apple Brandy');
    await page.getByLabel('Website', { exact: true }).fill('https://mustang-brandy.example.com');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create store account' }).click();
    await page.waitForURL('**/merchant');

    // An admin approves the store in the admin dashboard, which issues its key pairs.
    const admin = await makeAdmin(h.t);
    const adminPage = await h.newPage();
    await logIn(adminPage.page, admin.email, PASSWORD, '/admin');
    await adminPage.page.goto('/admin/merchants');
    const applicant = adminPage.page.getByRole('row').filter({ hasText: 'Mustang Apple Brandy' });
    await applicant.getByRole('button', { name: 'Approve' }).click();
    await applicant.waitFor({ state: 'detached' });
    expect(adminPage.problems).toEqual([]);
    await adminPage.context.close();

    await page.goto('/merchant/developers');
    const checklist = page.getByRole('region', { name: 'Go-live checklist' });
    await checklist.getByText('0 of 5 done').waitFor();

    // Reveal the test pair's signing secret, once.
    const testRow = page.getByRole('row').filter({ hasText: 'pk_test_' });
    const publishableKey = (await testRow.getByText(/^pk_test_/).textContent())!;
    await testRow.getByRole('button', { name: 'Reveal secret' }).click();
    const secret = page.getByText(/^sk_test_[A-Za-z0-9_-]+$/);
    await secret.waitFor();
    const signingSecret = (await secret.textContent())!;

    // The merchant's server, with the revealed pair, sets up a test campaign (a signed request with the test key).
    const server = new InfluencemartClient({ baseUrl: h.t.url, publishableKey, signingSecret, maxRetries: 0 });
    const campaign = await server.post('/api/v1/campaigns', {
      title: 'Apple brandy launch',
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: '10',
    });
    expect(campaign.status).toBe(201);
    expect((await server.post(`/api/v1/campaigns/${campaign.body.id}/activate`)).status).toBe(200);

    // A test webhook endpoint, added on the same page.
    const { path, url } = receiver.route();
    await page.reload();
    const webhooks = page.getByRole('region', { name: 'Webhooks' });
    await webhooks.getByLabel('Webhook mode').selectOption('test');
    await webhooks.getByRole('heading', { name: 'No test webhook endpoints yet' }).waitFor();
    await webhooks.getByLabel('Endpoint URL', { exact: true }).fill(url);
    await webhooks.getByLabel('conversion.attributed').check();
    await webhooks.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('button', { name: 'I have stored it' }).click();

    const sandbox = page.getByRole('region', { name: 'Sandbox' });
    expect(await sandbox.getByLabel('Test campaign').locator('option').allTextContents()).toEqual(['Apple brandy launch (active)']);
    await sandbox.getByRole('button', { name: 'Run sandbox replay' }).click();
    const steps = sandbox.getByRole('list', { name: 'Sandbox replay steps' });
    const step = (name: string) => steps.getByRole('listitem').filter({ hasText: name });
    await step('Webhook delivery').getByText('Passed', { exact: true }).waitFor({ timeout: 30_000 });
    for (const name of ['Test click minted', 'Conversion reported', 'Attribution', 'Commission computed', 'Webhook delivery']) {
      expect(await step(name).getByText('Passed', { exact: true }).count(), name).toBe(1);
    }
    expect(await step('Test click minted').textContent()).toMatch(/Click idclk_\S+Attributableyes/);
    expect(await step('Commission computed').textContent()).toContain('4.99');
    expect(await step('Commission computed').textContent()).toContain('pending');
    expect(await step('Webhook delivery').textContent()).toContain(`${url}200 in`);
    const [delivered] = await receiver.waitFor(path, 1);
    expect(JSON.parse(delivered!.body)).toMatchObject({ type: 'conversion.attributed', data: { attributed: true, livemode: false } });

    // The checklist shows exactly what that activity earned; the live step still says what to do.
    const done = (name: string) => checklist.getByRole('listitem').filter({ hasText: name });
    await done('Test webhook delivered').getByText('Done', { exact: true }).waitFor();
    for (const name of ['Test key used', 'Test click recorded', 'Test conversion recorded', 'Test webhook delivered']) {
      expect(await done(name).getByText('Done', { exact: true }).count(), name).toBe(1);
    }
    expect(await done('Live key used').textContent()).toContain('To do');
    expect(await done('Live key used').textContent()).toContain('first signed request');
    await checklist.getByText('4 of 5 done').waitFor();

    expect(await axeViolations(page, 'developers after a sandbox replay')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
