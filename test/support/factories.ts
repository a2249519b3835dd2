import { randomBytes } from 'node:crypto';
import { InfluencemartClient } from '../../sdk/src/index.ts';
import { approveMerchant, createAdmin, signUpAffiliate, signUpMerchant } from '../../src/modules/accounts/accounts.service.ts';
import type { TestApp } from './test-app.ts';

const unique = () => randomBytes(4).toString('hex');
export const PASSWORD = 'correct horse battery';

export interface TestMerchant {
  merchantId: string;
  userId: string;
  email: string;
  domain: string;
  keys: { test: { publishableKey: string; signingSecret: string }; live: { publishableKey: string; signingSecret: string } };
  /** Signed clients for the test and live key pairs (needs a TestApp started with `listen: true`). */
  test: InfluencemartClient;
  live: InfluencemartClient;
}

/** An approved merchant with an approved domain and both key pairs. */
export async function makeMerchant(t: TestApp, options: { domain?: string; businessName?: string; approved?: boolean } = {}): Promise<TestMerchant> {
  const id = unique();
  const email = `merchant-${id}@example.com`;
  const domain = options.domain ?? `store-${id}.example.com`;
  const { userId, merchantId } = await signUpMerchant(t.platform.db, {
    email,
    password: PASSWORD,
    businessName: options.businessName ?? `Store ${id}`,
    website: `https://${domain}`,
    domains: [domain],
  });
  if (options.approved === false) {
    const none = { publishableKey: '', signingSecret: '' };
    const client = new InfluencemartClient({ baseUrl: t.url, ...none });
    return { merchantId, userId, email, domain, keys: { test: none, live: none }, test: client, live: client };
  }
  const approval = await approveMerchant(t.platform.db, t.platform.secrets, merchantId, null);
  // Signed on the app's clock, so a test that moves it forward is not refused for clock skew.
  const client = (pair: { publishableKey: string; signingSecret: string }) =>
    new InfluencemartClient({ baseUrl: t.url || 'http://127.0.0.1:1', ...pair, maxRetries: 0, now: () => t.platform.clock.now() });
  return { merchantId, userId, email, domain, keys: { test: approval.test, live: approval.live }, test: client(approval.test), live: client(approval.live) };
}

export async function makeAffiliate(t: TestApp, options: { displayName?: string } = {}) {
  const email = `affiliate-${unique()}@example.com`;
  const result = await signUpAffiliate(t.platform.db, { email, password: PASSWORD, displayName: options.displayName });
  return { ...result, email, password: PASSWORD };
}

export async function makeAdmin(t: TestApp) {
  const email = `admin-${unique()}@example.com`;
  const result = await createAdmin(t.platform.db, { email, password: PASSWORD });
  return { ...result, email, password: PASSWORD };
}

export interface SessionClient {
  csrfToken: string;
  user: { id: string; role: string; merchantId: string | null; affiliateId: string | null };
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
}

/** Sign in through the real login endpoint; the client then sends the cookie and CSRF token. */
export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<SessionClient> {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'im_session');
  const { csrfToken, user } = login.json();
  return {
    csrfToken,
    user,
    async request(method, path, body, headers = {}) {
      const response = await t.app.inject({
        method: method as 'GET',
        url: path,
        cookies: { im_session: cookie!.value },
        headers: { 'x-csrf-token': csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      const isJson = String(response.headers['content-type'] ?? '').includes('json');
      return { status: response.statusCode, body: isJson && response.body ? response.json() : (response.body as never), headers: response.headers };
    },
  };
}
