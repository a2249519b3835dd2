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
});
