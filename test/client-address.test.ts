import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeMerchant } from './support/factories.ts';
import { makeLink } from './support/link-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

// The test connects from loopback, which this app does not trust as a proxy.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ listen: true, config: { trustProxy: '10.0.0.0/8', loginMaxFailuresPerIp: 3 } });
});
afterAll(() => t.close());

async function clickId(code: string, forwardedFor: string): Promise<string | null> {
  const response = await fetch(`${t.url}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': CHROME, 'x-forwarded-for': forwardedFor } });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!).searchParams.get('affiliate_click_id');
}

describe(`the client address behind an untrusted peer, on ${backend}`, () => {
  it('made-up X-Forwarded-For headers do not turn one visitor into many at the redirect', async () => {
    const { link } = await makeLink(t, await makeMerchant(t));
    const ids = new Set<string | null>();
    for (let i = 1; i <= 5; i++) ids.add(await clickId(link.code, `198.51.100.${i}`));
    expect(ids.size).toBe(1);
  });

  it('login throttling per address counts the peer, not what it claims', async () => {
    const limit = t.config.loginMaxFailuresPerIp;
    let last = 0;
    for (let i = 0; i <= limit; i++) {
      const response = await fetch(`${t.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i % 250}` },
        body: JSON.stringify({ email: `nobody-${i}@example.com`, password: 'wrong password!' }),
      });
      last = response.status;
    }
    expect(last).toBe(429);
  });
});
