import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeMerchant, PASSWORD, signIn, type TestMerchant } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

let h: Harness;
let store: TestMerchant;

beforeAll(async () => {
  h = await startHarness();
  store = await makeMerchant(h.t, { businessName: 'Patan Metalcraft' });
}, 120_000);
afterAll(() => h?.close());

describe('merchant store profile page', () => {
  it('edits the details with a field error first, asks for a domain and sees the review decision', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, store.email, PASSWORD, '/merchant/profile');
    const details = page.getByRole('form', { name: 'Store details' });
    expect(await details.getByLabel('Store name').inputValue()).toBe('Patan Metalcraft');
    await details.getByLabel('Website (optional)').fill('metalcraft');
    await details.getByLabel('Contact name (optional)').fill('Ram Shakya');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByRole('alert').waitFor();
    expect(await details.getByLabel('Website (optional)').getAttribute('aria-invalid')).toBe('true');
    await details.getByLabel('Website (optional)').fill('https://metalcraft.example.com');
    await details.getByRole('button', { name: 'Save details' }).click();
    const session = await signIn(h.t, store.email);
    await expect.poll(async () => (await session.request('GET', '/api/merchant/account')).body.website).toBe('https://metalcraft.example.com');
    expect((await session.request('GET', '/api/merchant/account')).body).toMatchObject({ businessName: 'Patan Metalcraft', contactName: 'Ram Shakya' });
    expect(await details.getByLabel('Website (optional)').getAttribute('aria-invalid')).toBeNull();

    const domains = page.getByRole('list', { name: 'Your domains' });
    expect(await domains.textContent()).toContain(store.domain);
    await page.getByLabel('New domain').fill('metalcraft-outlet.example.net');
    await page.getByRole('button', { name: 'Ask for review' }).click();
    await domains.getByRole('listitem').filter({ hasText: 'metalcraft-outlet.example.net' }).getByText('Pending').waitFor();
    await page.getByLabel('New domain').fill('metalcraft-outlet.example.net');
    await page.getByRole('button', { name: 'Ask for review' }).click();
    await page.getByText('New domain is already on this account').waitFor();

    const admin = await signIn(h.t, (await makeAdmin(h.t)).email);
    const pending = (await admin.request('GET', '/api/admin/domains?status=PENDING')).body.data.find(
      (d: { domain: string }) => d.domain === 'metalcraft-outlet.example.net',
    );
    await admin.request('POST', `/api/admin/domains/${pending.id}/reject`, { reason: 'Not your registration' });
    await page.reload();
    await page.getByRole('list', { name: 'Your domains' }).getByText('Reason: Not your registration').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await context.close();
  });
});
