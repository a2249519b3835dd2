import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMerchant, signUpMerchant } from '../../src/modules/accounts/accounts.service.ts';
import { insertCampaign } from '../../test/support/conversion-factories.ts';
import { PASSWORD, startHarness, uniqueEmail, type Harness } from './support/browser.ts';

let h: Harness;
let keys: { publishableKey: string; signingSecret: string };
beforeAll(async () => {
  h = await startHarness();
  const { merchantId } = await signUpMerchant(h.t.platform.db, {
    email: uniqueEmail('docs'),
    password: PASSWORD,
    businessName: 'Docs Store',
    website: 'https://docs-store.example.com',
  });
  keys = (await approveMerchant(h.t.platform.db, h.t.platform.secrets, merchantId, null)).test;
  await insertCampaign(h.t.platform.db, {
    merchantId,
    livemode: false,
    title: 'Tihar lights',
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 500,
  });
}, 120_000);
afterAll(() => h?.close());

describe('the API reference at /docs', () => {
  it('signs "Try it out" requests in the browser with the test keys entered on the page', async () => {
    const { page, context } = await h.newPage();
    await page.goto('/docs');
    const panel = page.getByRole('form', { name: 'Sign requests' });
    await panel.getByText('Not signing: enter a key pair.').waitFor();

    const listCampaigns = page.locator('.opblock-get', { has: page.locator('[data-path="/api/v1/campaigns"]') }).first();
    const tryList = async () => {
      if (!(await listCampaigns.locator('.opblock-body').isVisible())) await listCampaigns.locator('.opblock-summary').click();
      const tryItOut = listCampaigns.getByRole('button', { name: 'Try it out' });
      if (await tryItOut.isVisible()) await tryItOut.click();
      await listCampaigns.getByRole('button', { name: 'Execute' }).click();
      const status = listCampaigns.locator('.live-responses-table .response .response-col_status').first();
      await status.waitFor();
      return {
        status: (await status.innerText()).trim(),
        body: await listCampaigns.locator('.live-responses-table .response-col_description pre').first().innerText(),
      };
    };

    // Without keys the request goes unsigned and the API says so.
    const unsigned = await tryList();
    expect(unsigned.status).toBe('401');
    expect(unsigned.body).toContain('MISSING_API_KEY');

    await panel.getByLabel('Publishable key').fill(keys.publishableKey);
    await panel.getByLabel('Signing secret').fill(keys.signingSecret);
    await panel.getByRole('button', { name: 'Use these keys' }).click();
    await panel.getByText(`Signing with ${keys.publishableKey}.`).waitFor();
    // The secret is not left on the page.
    expect(await panel.getByLabel('Signing secret').inputValue()).toBe('');

    await listCampaigns.getByRole('button', { name: 'Clear' }).click();
    const signed = await tryList();
    expect(signed.status).toBe('200');
    expect(signed.body).toContain('Tihar lights');
    await context.close();
  });

  it("lists each operation's error codes, with when each happens and an example body", async () => {
    const { page, context, problems } = await h.newPage();
    await page.goto('/docs');
    const activate = page.locator('.opblock-post', { has: page.locator('[data-path="/api/v1/campaigns/{id}/activate"]') }).first();
    await activate.locator('.opblock-summary').click();
    const approval = activate.locator('tr.response[data-code="422"]');
    await approval.waitFor();
    // Its own code, worded for this operation, beside the codes every signed call shares.
    await expect
      .poll(() => approval.locator('.response-col_description__inner').first().innerText())
      .toContain('CAMPAIGN_APPROVAL_REQUIRED: The campaign needs the platform’s approval before it can be activated.');
    const example = await approval.locator('.response-col_description pre').first().innerText();
    expect(JSON.parse(example)).toEqual({
      error: { code: 'CAMPAIGN_APPROVAL_REQUIRED', message: 'This campaign requires approval and has not been approved by the platform yet', details: [] },
    });
    const unauthorized = await activate.locator('tr.response[data-code="401"] .response-col_description__inner').first().innerText();
    for (const code of ['MISSING_API_KEY', 'INVALID_API_KEY', 'MISSING_SIGNATURE', 'STALE_TIMESTAMP', 'SIGNATURE_MISMATCH'])
      expect(unauthorized).toContain(code);
    await expect
      .poll(() => activate.locator('tr.response[data-code="409"] .response-col_description__inner').first().innerText())
      .toContain('INVALID_TRANSITION');

    // Several codes share a status: the example shown follows the one picked.
    const conflicts = activate.locator('tr.response[data-code="409"]');
    const picker = conflicts.locator('select.examples-select-element');
    await picker.selectOption('REQUEST_REPLAYED');
    await expect.poll(async () => JSON.parse(await conflicts.locator('.response-col_description pre').first().innerText()).error.code).toBe('REQUEST_REPLAYED');
    expect(problems).toEqual([]);
    await context.close();
  });
});
