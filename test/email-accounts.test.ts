import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountTokens } from '../src/modules/accounts/accounts.tables.ts';
import { emails } from '../src/modules/email/email.tables.ts';
import { queueEmail } from '../src/modules/email/queue-email.ts';
import { inTransaction } from '../src/platform/db/client.ts';
import { jobs } from '../src/platform/jobs/jobs.tables.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeAffiliate, PASSWORD, signIn } from './support/factories.ts';
import { linkIn, startSmtpInbox, type SmtpInbox } from './support/smtp-inbox.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let inbox: SmtpInbox;
let t: TestApp;
beforeAll(async () => {
  inbox = await startSmtpInbox();
  t = await createTestApp({ config: { smtpUrl: inbox.url, publicBaseUrl: 'https://im.example.com' } });
});
afterAll(async () => {
  await t?.close();
  await inbox?.close();
});
beforeEach(() => inbox.refuse(false));

let ipCounter = 0;
const post = (url: string, payload: object, ip = `203.0.113.${++ipCounter}`) =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': ip } });
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
const deliver = () => t.platform.worker.runDueJobs();

describe(`password reset by email on ${backend}`, () => {
  it('answers alike for known and unknown addresses, and mails a text and an HTML version only to the account', async () => {
    const user = await makeAffiliate(t);
    const known = await post('/api/auth/forgot-password', { email: user.email.toUpperCase() });
    const unknown = await post('/api/auth/forgot-password', { email: `nobody-${ipCounter}@example.com` });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    await deliver();
    const mails = inbox.to(user.email);
    expect(mails).toHaveLength(1);
    expect(inbox.mails.filter((m) => m.to.some((a) => a.startsWith('nobody-')))).toHaveLength(0);
    const [mail] = mails;
    expect(mail!.subject).toBe('Reset your Influencemart password');
    const link = linkIn(mail!, '/reset-password');
    expect(link.startsWith('https://im.example.com/reset-password?token=')).toBe(true);
    expect(mail!.html).toContain(`href="${link}"`);
    // Only the token's hash is stored; the delivered email no longer carries the sealed link.
    const [stored] = await t.platform.db.select().from(accountTokens).where(eq(accountTokens.userId, user.userId));
    expect(stored!.tokenHash).not.toContain(tokenOf(link));
    const [row] = await t.platform.db.select().from(emails).where(eq(emails.userId, user.userId));
    expect(row).toMatchObject({ status: 'sent', sealedParams: null, kind: 'password_reset' });
  });

  it('sets the new password once, ends every session, and refuses the token a second time', async () => {
    const user = await makeAffiliate(t);
    const session = await signIn(t, user.email);
    await post('/api/auth/forgot-password', { email: user.email });
    await deliver();
    const token = tokenOf(linkIn(inbox.to(user.email).at(-1)!, '/reset-password'));

    const reset = await post('/api/auth/reset-password', { token, password: 'a brand new password' });
    expect(reset.statusCode).toBe(204);
    expect((await session.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { email: user.email, password: 'a brand new password' })).statusCode).toBe(200);

    const again = await post('/api/auth/reset-password', { token, password: 'yet another password' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: 'INVALID_TOKEN', details: [{ field: 'token' }] });
  });

  it('refuses an expired token, an unknown token and a short password with clear errors', async () => {
    const user = await makeAffiliate(t);
    await post('/api/auth/forgot-password', { email: user.email });
    await deliver();
    const token = tokenOf(linkIn(inbox.to(user.email).at(-1)!, '/reset-password'));
    const short = await post('/api/auth/reset-password', { token, password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('password');
    await t.platform.db
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(accountTokens.userId, user.userId));
    expect((await post('/api/auth/reset-password', { token, password: 'a brand new password' })).json().error.code).toBe('INVALID_TOKEN');
    expect((await post('/api/auth/reset-password', { token: 'not-a-token', password: 'a brand new password' })).json().error.code).toBe('INVALID_TOKEN');
  });

  it('rate limits requests per address with 429 and Retry-After, whether or not the account exists', async () => {
    for (const email of [(await makeAffiliate(t)).email, `ghost-${Date.now()}@example.com`]) {
      for (let i = 0; i < 5; i++) expect((await post('/api/auth/forgot-password', { email })).statusCode).toBe(202);
      const limited = await post('/api/auth/forgot-password', { email });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('sends at most three reset emails per account and hour', async () => {
    const user = await makeAffiliate(t);
    for (let i = 0; i < 5; i++) await post('/api/auth/forgot-password', { email: user.email });
    await deliver();
    expect(inbox.to(user.email)).toHaveLength(3);
  });
});

describe(`email delivery on ${backend}`, () => {
  it('sends nothing when the change that queued the email rolls back', async () => {
    const user = await makeAffiliate(t);
    await expect(
      inTransaction(t.platform.db, async (tx) => {
        await queueEmail(tx, { userId: user.userId, kind: 'payout_failed', params: { amount: '1.00', currency: 'USD', reason: 'x' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.platform.db.select().from(emails).where(eq(emails.userId, user.userId))).toEqual([]);
    expect(
      (
        await t.platform.db
          .select()
          .from(jobs)
          .where(sql`${jobs.payload}->>'emailId' is not null and ${jobs.status} = 'queued'`)
      ).length,
    ).toBe(0);
  });

  it('keeps an email queued while the SMTP server refuses it, and delivers it once when it accepts', async () => {
    const user = await makeAffiliate(t);
    await inTransaction(t.platform.db, (tx) =>
      queueEmail(tx, { userId: user.userId, kind: 'payout_failed', params: { amount: '5.00', currency: 'USD', reason: 'account closed' } }),
    );
    inbox.refuse(true);
    await deliver();
    const [waiting] = await t.platform.db.select().from(emails).where(eq(emails.userId, user.userId));
    expect(waiting).toMatchObject({ status: 'queued' });
    expect(waiting!.error).toContain('451');
    inbox.refuse(false);
    await t.platform.db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(sql`${jobs.payload}->>'emailId' = ${waiting!.id}`);
    await deliver();
    await deliver();
    const mails = inbox.to(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Payout failed: 5.00 USD');
    expect(mails[0]!.text).toContain('account closed');
    expect(mails[0]!.html).toContain('account closed');
  });
});

describe(`email verification at sign-up on ${backend}`, () => {
  it('mails a single-use link; the account shows unverified until it is followed', async () => {
    const email = `signup-${Date.now()}@example.com`;
    const signup = await post('/api/auth/signup', { role: 'affiliate', email, password: PASSWORD });
    expect(signup.statusCode).toBe(201);
    const session = await signIn(t, email);
    expect((await session.request('GET', '/api/auth/email-settings')).body.emailVerified).toBe(false);
    await deliver();
    const [mail] = inbox.to(email);
    expect(mail!.subject).toBe('Confirm your email address');
    const token = tokenOf(linkIn(mail!, '/verify-email'));
    expect(mail!.html).toContain('/verify-email?token=');

    const verified = await post('/api/auth/verify-email', { token });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ email });
    expect((await session.request('GET', '/api/auth/email-settings')).body.emailVerified).toBe(true);
    expect((await post('/api/auth/verify-email', { token })).json().error.code).toBe('INVALID_TOKEN');
    // Verified: asking for another link sends none.
    expect((await session.request('POST', '/api/auth/verification-email')).body).toEqual({ alreadyVerified: true });
  });

  it('sends a new link on request, and a sign-up that fails sends nothing', async () => {
    const email = `resend-${Date.now()}@example.com`;
    await post('/api/auth/signup', { role: 'affiliate', email, password: PASSWORD });
    const taken = await post('/api/auth/signup', { role: 'affiliate', email, password: PASSWORD });
    expect(taken.statusCode).toBe(409);
    const session = await signIn(t, email);
    const resent = await session.request('POST', '/api/auth/verification-email');
    expect(resent.status).toBe(202);
    expect(resent.body).toEqual({ alreadyVerified: false });
    await deliver();
    expect(inbox.to(email)).toHaveLength(2);
  });
});

describe(`the dev outbox on ${backend}`, () => {
  let dev: TestApp;
  beforeAll(async () => {
    dev = await createTestApp();
  });
  afterAll(() => dev?.close());

  it('without SMTP_URL keeps emails for admins to read, links included; nobody else sees them', async () => {
    const user = await makeAffiliate(dev);
    await dev.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: user.email } });
    await dev.platform.worker.runDueJobs();
    const admin = await signIn(dev, (await makeAdmin(dev)).email);
    const outbox = await admin.request('GET', '/api/admin/emails');
    expect(outbox.status).toBe(200);
    expect(outbox.body.total).toBe(1);
    const [email] = outbox.body.data;
    expect(email).toMatchObject({ to: user.email, kind: 'password_reset', status: 'logged', subject: 'Reset your Influencemart password' });
    expect(email.text).toMatch(/\/reset-password\?token=[\w-]{20,}/);
    expect(email.html).toContain('<a href=');
    const affiliate = await signIn(dev, user.email);
    expect((await affiliate.request('GET', '/api/admin/emails')).status).toBe(403);
  });
});
