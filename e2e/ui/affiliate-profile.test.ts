import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAffiliate, PASSWORD, signIn } from '../../test/support/factories.ts';
import { logIn, startHarness, type Harness } from './support/browser.ts';

let h: Harness;
let creator: Awaited<ReturnType<typeof makeAffiliate>>;

beforeAll(async () => {
  h = await startHarness();
  creator = await makeAffiliate(h.t, { displayName: 'Trekking Tara' });
}, 120_000);
afterAll(() => h?.close());

describe('affiliate profile page', () => {
  it('saves bio, channels, website and handles, shows a bad handle by its field, and removes a handle when emptied', async () => {
    const { page, context, problems } = await h.newPage();
    await logIn(page, creator.email, PASSWORD, '/affiliate/profile');
    const form = page.getByRole('form', { name: 'Your profile' });
    expect(await form.getByLabel('Display name').inputValue()).toBe('Trekking Tara');
    await form.getByLabel('Bio (optional)').fill('Treks, tea houses and honest gear reviews.');
    await form.getByRole('checkbox', { name: 'YouTube' }).check();
    await form.getByRole('checkbox', { name: 'Blog' }).check();
    await form.getByLabel('Website (optional)').fill('https://tara-treks.example.com');
    await form.getByLabel('Instagram (optional)').fill('@tara.treks');
    await form.getByLabel('TikTok (optional)').fill('not a handle!!');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('TikTok (optional)').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('TikTok (optional)').fill('');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.getByText('Profile saved.').waitFor();

    const session = await signIn(h.t, creator.email);
    const saved = (await session.request('GET', '/api/affiliate/profile')).body;
    expect(saved).toMatchObject({
      bio: 'Treks, tea houses and honest gear reviews.',
      website: 'https://tara-treks.example.com/',
      socialHandles: { instagram: 'tara.treks' },
    });
    expect([...saved.channels].sort()).toEqual(['blog', 'youtube']);

    await page.reload();
    await form.getByLabel('Instagram (optional)').fill('');
    await form.getByRole('checkbox', { name: 'Blog' }).uncheck();
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.getByText('Profile saved.').waitFor();
    const after = (await session.request('GET', '/api/affiliate/profile')).body;
    expect(after.socialHandles).toEqual({});
    expect(after.channels).toEqual(['youtube']);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await context.close();
  });
});
