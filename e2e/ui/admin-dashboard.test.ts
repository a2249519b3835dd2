import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeMerchant, PASSWORD, type TestMerchant } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

/** Every page of the admin dashboard, on the real server. */

let h: Harness;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
let applicant: TestMerchant;

beforeAll(async () => {
  h = await startHarness();
  admin = await makeAdmin(h.t);
  applicant = await makeMerchant(h.t, { businessName: 'Pokhara Paragliding Gear', approved: false });
}, 120_000);
afterAll(() => h?.close());

describe('admin dashboard in a real browser', () => {
  it('overview, then the merchant queue with each store’s domains; approving issues its keys', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, admin.email, PASSWORD, '/admin');
    await page
      .getByRole('link', { name: /merchant/i })
      .first()
      .waitFor();

    await page.goto('/admin/merchants');
    const row = page.getByRole('row').filter({ hasText: 'Pokhara Paragliding Gear' });
    await row.waitFor();
    expect(await row.textContent()).toContain(applicant.domain);
    expect(await row.textContent()).toContain(applicant.email);
    await row.getByRole('button', { name: 'Approve' }).click();
    await row.waitFor({ state: 'detached' });

    const reviewed = await h.t.app.inject({
      method: 'GET',
      url: `/api/admin/merchants/${applicant.merchantId}`,
      cookies: await context.cookies().then((all) => Object.fromEntries(all.map((c) => [c.name, c.value]))),
    });
    expect(reviewed.json()).toMatchObject({ status: 'APPROVED', domains: [{ domain: applicant.domain, status: 'APPROVED' }] });
    expect(problems).toEqual([]);
    await context.close();
  });
});
