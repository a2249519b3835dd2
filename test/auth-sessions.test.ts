import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottles, sessions } from '../src/modules/accounts/accounts.tables.ts';
import { enqueueJob } from '../src/platform/jobs/enqueue.ts';
import { backend } from './support/database.ts';
import { makeAffiliate, makeMerchant, PASSWORD, signIn } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { loginMaxFailuresPerEmail: 5, loginMaxFailuresPerIp: 8, loginLockoutSeconds: 60, loginLockoutMaxSeconds: 3600 } });
});
afterAll(() => t.close());

let ipCounter = 0;
/** A distinct client address per test, so per-IP counts do not leak between tests. */
const freshIp = () => `198.51.100.${++ipCounter}`;

const login = (email: string, password: string, ip: string, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    headers: { 'x-forwarded-for': ip },
    ...(cookie ? { cookies: { im_session: cookie } } : {}),
  });

const sessionCookie = (response: Awaited<ReturnType<typeof login>>) => response.cookies.find((c) => c.name === 'im_session');

describe(`login throttling on ${backend}`, () => {
  it('locks an email after 5 failures with 429 TOO_MANY_ATTEMPTS and Retry-After, even for the right password', async () => {
    const user = await makeAffiliate(t);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      const failed = await login(user.email, 'wrong password!!', ip);
      expect(failed.statusCode, `attempt ${i + 1}`).toBe(401);
      expect(failed.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await login(user.email, PASSWORD, freshIp());
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The email is locked whatever the address and letter case.
    expect((await login(user.email.toUpperCase(), PASSWORD, freshIp())).statusCode).toBe(429);
  });

  it('lets the user in once the lockout ends, then doubles the lockout on the next failure', async () => {
    const user = await makeAffiliate(t);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await login(user.email, 'wrong password!!', ip);
    expect((await login(user.email, PASSWORD, ip)).statusCode).toBe(429);
    // Let the first lockout run out.
    await t.platform.db
      .update(loginThrottles)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(loginThrottles.subject, `email:${user.email}`));
    const again = await login(user.email, 'still wrong pw!', ip);
    expect(again.statusCode).toBe(401);
    const locked = await login(user.email, PASSWORD, ip);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(115);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(120);
  });

  it('forgets failures after a successful login', async () => {
    const user = await makeAffiliate(t);
    for (let round = 0; round < 2; round++) {
      // A fresh address per round: this test is about the email's count, not the address's.
      const ip = freshIp();
      for (let i = 0; i < 4; i++) expect((await login(user.email, 'wrong password!!', ip)).statusCode).toBe(401);
      expect((await login(user.email, PASSWORD, ip)).statusCode).toBe(200);
    }
  });

  it('does not count successful logins against a shared address', async () => {
    const ip = freshIp();
    const user = await makeAffiliate(t);
    for (let i = 0; i < 7; i++) expect((await login(`typo-${i}-${ip}@example.com`, 'wrong password!!', ip)).statusCode).toBe(401);
    // One failure short of the address limit (8): many people behind it can still sign in.
    for (let i = 0; i < 5; i++) expect((await login(user.email, PASSWORD, ip)).statusCode).toBe(200);
  });

  it('locks a client address that guesses across many emails', async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i++) {
      expect((await login(`nobody-${i}-${ip}@example.com`, 'wrong password!!', ip)).statusCode).toBe(401);
    }
    const user = await makeAffiliate(t);
    const locked = await login(user.email, PASSWORD, ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    // The same account from another address is fine: the lock is on the address, not the user.
    expect((await login(user.email, PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('never checks more than 5 passwords for one email, however many guesses arrive at once', async () => {
    const user = await makeAffiliate(t);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(user.email, `parallel guess ${i}`, freshIp())));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('keeps no raw address in the database', async () => {
    const ip = freshIp();
    await login('someone@example.com', 'wrong password!!', ip);
    const rows = await t.platform.db.select({ subject: loginThrottles.subject }).from(loginThrottles);
    expect(rows.some((r) => r.subject.includes(ip))).toBe(false);
    expect(rows.some((r) => r.subject.startsWith('ip:'))).toBe(true);
  });
});

describe(`sessions on ${backend}`, () => {
  it('sets an httpOnly SameSite cookie, Secure when the request came over HTTPS', async () => {
    const user = await makeAffiliate(t);
    const plain = sessionCookie(await login(user.email, PASSWORD, freshIp()));
    expect(plain).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(plain?.secure).toBeFalsy();
    const https = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': freshIp() },
    });
    expect(sessionCookie(https)).toMatchObject({ httpOnly: true, secure: true });
  });

  it('refuses writes without the CSRF token, allows reads without it', async () => {
    const merchant = await makeMerchant(t);
    const session = await signIn(t, merchant.email);
    const noToken = await session.request('POST', '/api/v1/domains', { domain: 'csrf-a.example.org' }, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CSRF_FAILED');
    const wrongToken = await session.request(
      'POST',
      '/api/v1/domains',
      { domain: 'csrf-a.example.org' },
      { 'x-csrf-token': `${session.csrfToken.slice(0, -1)}x` },
    );
    expect(wrongToken.status).toBe(403);
    // Another session's token is no good either.
    const other = await signIn(t, (await makeMerchant(t)).email);
    expect((await session.request('POST', '/api/v1/domains', { domain: 'csrf-a.example.org' }, { 'x-csrf-token': other.csrfToken })).status).toBe(403);
    const read = await session.request('GET', '/api/merchant/account', undefined, { 'x-csrf-token': '' });
    expect(read.status).toBe(200);
    const withToken = await session.request('POST', '/api/v1/domains', { domain: 'csrf-a.example.org' });
    expect(withToken.status).toBe(201);
    // Nothing was created by the refused attempts.
    const account = await session.request('GET', '/api/merchant/account');
    expect(account.body.domains.filter((d: { domain: string }) => d.domain === 'csrf-a.example.org')).toHaveLength(1);
  });

  it('logs out: the session stops working and the cookie is cleared', async () => {
    const user = await makeAffiliate(t);
    const response = await login(user.email, PASSWORD, freshIp());
    const cookie = sessionCookie(response)!.value;
    const csrf = response.json().csrfToken as string;
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { im_session: cookie } })).statusCode).toBe(200);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { im_session: cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { im_session: cookie }, headers: { 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    expect(sessionCookie(out)?.value).toBe('');
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { im_session: cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('expires sessions', async () => {
    const user = await makeAffiliate(t);
    const response = await login(user.email, PASSWORD, freshIp());
    const cookie = sessionCookie(response)!;
    expect(cookie.maxAge).toBe(t.config.sessionTtlHours * 3600);
    await t.platform.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.userId, user.userId));
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { im_session: cookie.value } });
    expect(me.statusCode).toBe(401);
  });

  it('purges expired sessions and long-quiet login throttles on schedule', async () => {
    const user = await makeAffiliate(t);
    const live = sessionCookie(await login(user.email, PASSWORD, freshIp()))!.value;
    const stale = sessionCookie(await login(user.email, PASSWORD, freshIp()))!.value;
    await t.platform.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 hour'` })
      .where(eq(sessions.tokenHash, createHash('sha256').update(stale).digest('hex')));
    await t.platform.db.insert(loginThrottles).values([
      { subject: 'email:quiet@example.com', failures: 3, lastFailureAt: new Date(Date.now() - 2 * 86_400_000), lockedUntil: null },
      { subject: 'email:recent@example.com', failures: 3, lastFailureAt: new Date(), lockedUntil: null },
    ]);
    await enqueueJob(t.platform.db, 'accounts.purge');
    await t.platform.worker.runDueJobs();
    const userSessions = await t.platform.db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, user.userId));
    expect(userSessions.map((s) => s.tokenHash)).toEqual([createHash('sha256').update(live).digest('hex')]);
    const throttles = (await t.platform.db.select({ subject: loginThrottles.subject }).from(loginThrottles)).map((r) => r.subject);
    expect(throttles).toContain('email:recent@example.com');
    expect(throttles).not.toContain('email:quiet@example.com');
  });

  it('replaces the session a browser already had when it signs in again', async () => {
    const user = await makeAffiliate(t);
    const first = sessionCookie(await login(user.email, PASSWORD, freshIp()))!.value;
    const second = await login(user.email, PASSWORD, freshIp(), first);
    expect(sessionCookie(second)!.value).not.toBe(first);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { im_session: first } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { im_session: sessionCookie(second)!.value } })).statusCode).toBe(200);
  });

  it('keeps each role to its own area', async () => {
    const affiliate = await makeAffiliate(t);
    const session = await signIn(t, affiliate.email);
    expect((await session.request('GET', '/api/merchant/api-keys')).status).toBe(403);
    expect((await session.request('GET', '/api/admin/merchants')).status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/merchant/api-keys' })).statusCode).toBe(401);
  });

  it('signs up merchants and affiliates, refusing a taken email in any letter case', async () => {
    const email = `Signup-${Date.now()}@Example.com`;
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: {
        role: 'merchant',
        email,
        password: PASSWORD,
        businessName: 'Signup Store',
        website: 'https://signup-store.example.com',
        contactName: 'Asha',
        domains: ['signup-store.example.com', 'Signup-Store.example.com'],
      },
    });
    expect(signup.statusCode).toBe(201);
    expect(signup.json().user).toMatchObject({ role: 'merchant', email: email.toLowerCase() });
    expect(sessionCookie(signup)).toBeDefined();
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { role: 'affiliate', email: email.toUpperCase(), password: PASSWORD },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('ALREADY_EXISTS');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { role: 'affiliate', email: 'short@example.com', password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toContainEqual(expect.objectContaining({ field: 'password', code: 'MINLENGTH' }));
  });
});
