import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeAffiliate } from '../../test/support/factories.ts';
import { eventually } from '../../test/support/eventually.ts';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../../test/support/smtp-inbox.ts';
import { PASSWORD, startHarness, uniqueEmail, type Harness } from './support/browser.ts';

let inbox: SmtpInbox;
let h: Harness;
beforeAll(async () => {
  inbox = await startSmtpInbox();
  h = await startHarness({ workers: true, config: { smtpUrl: inbox.url, jobPollIntervalMs: 100 } });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await inbox?.close();
});

const mailTo = (address: string, subject: string) =>
  eventually(() => inbox.to(address).find((m) => m.subject === subject), 20_000, `"${subject}" to ${address}`);

describe('email in the dashboard', () => {
  it('forgot password → email → reset → log in with the new password', async () => {
    const user = await makeAffiliate(h.t);
    const { page, context, problems } = await h.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If an account uses this address, a reset link is on its way.').waitFor();

    const mail = await mailTo(user.email, 'Reset your Influencemart password');
    const link = linkIn(mail, '/reset-password');
    expect(mail.html).toContain(`href="${link}"`);
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill('my new password 123');
    await page.getByLabel('New password again').fill('my new password 123');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.waitForURL('**/login?reset=1');
    await page.getByText('Your password is changed. Log in with the new one.').waitFor();

    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is wrong' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill('my new password 123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/affiliate');
    expect(await page.getByTestId('signed-in-email').textContent()).toBe(user.email);

    // The link worked once.
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill('another new password');
    await page.getByLabel('New password again').fill('another new password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'invalid, expired or already used' }).first().waitFor();
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
    await context.close();
  });

  it('a new creator confirms the address from the email, then chooses notifications', async () => {
    const email = uniqueEmail('verify');
    const { page, context, problems } = await h.newPage();
    await page.goto('/signup');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create creator account' }).click();
    await page.waitForURL('**/affiliate');
    const notice = page.getByRole('region', { name: 'Confirm your email address' });
    await notice.waitFor();

    const mail = await mailTo(email, 'Confirm your email address');
    await page.goto(linkIn(mail, '/verify-email'));
    await page.getByText(`Thank you: ${email} is confirmed.`).waitFor();
    await page.getByRole('link', { name: 'Go to your dashboard' }).click();
    await page.waitForURL('**/affiliate');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await notice.count()).toBe(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const payoutPaid = page.getByLabel('A payout of mine is paid');
    await payoutPaid.waitFor();
    expect(await payoutPaid.isChecked()).toBe(true);
    // The box follows the saved setting: it changes once the server has it.
    await payoutPaid.click();
    await page.getByText('Saved.').waitFor();
    expect(await payoutPaid.isChecked()).toBe(false);
    await page.reload();
    await page.getByLabel('A payout of mine is paid').waitFor();
    expect(await page.getByLabel('A payout of mine is paid').isChecked()).toBe(false);
    expect(await page.getByLabel('A commission of mine is approved').isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('admins read recent emails in the outbox', async () => {
    const admin = await makeAdmin(h.t);
    const { page, context, problems } = await h.newPage();
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('link', { name: 'Email outbox', exact: true }).click();
    const reset = page.getByRole('article', { name: 'Reset your Influencemart password' }).first();
    await reset.waitFor();
    expect(await reset.textContent()).toContain('Sent');
    expect(await page.getByRole('article', { name: 'Confirm your email address' }).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
