import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchants } from '../src/modules/merchants/merchants.tables.ts';
import { InfluencemartClient, signatureFor } from '../sdk/src/index.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
});
afterAll(() => t.close());

async function raw(headers: Record<string, string>, path = '/api/v1/account') {
  const response = await fetch(`${t.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
}

function signedHeaders(options: { key?: string; secret?: string; timestamp?: number; path?: string } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const secret = options.secret ?? merchant.keys.test.signingSecret;
  return {
    authorization: `Bearer ${options.key ?? merchant.keys.test.publishableKey}`,
    'x-timestamp': timestamp,
    'x-signature': signatureFor(secret, timestamp, 'GET', options.path ?? '/api/v1/account', ''),
  };
}

describe(`signed merchant API on ${backend}`, () => {
  it('accepts a signed request and scopes it to the key’s merchant and mode', async () => {
    const test = await merchant.test.get('/api/v1/account');
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ merchantId: merchant.merchantId, livemode: false, status: 'APPROVED' });
    expect(test.body.domains).toEqual([{ domain: merchant.domain, status: 'APPROVED' }]);
    const live = await merchant.live.get('/api/v1/account');
    expect(live.body).toMatchObject({ merchantId: merchant.merchantId, livemode: true });
  });

  it('signs the path with its query string', async () => {
    const response = await merchant.test.get('/api/v1/account?expand=domains&x=%20y');
    expect(response.status).toBe(200);
    const wrongPath = await raw(signedHeaders({ path: '/api/v1/account' }), '/api/v1/account?x=1');
    expect(wrongPath).toMatchObject({ status: 401, body: { error: { code: 'SIGNATURE_MISMATCH' } } });
  });

  it('names each failure mode without leaking secrets', async () => {
    // Headers are built at send time: a timestamp computed early would drift toward the window.
    const cases: Array<[string, () => Record<string, string>, string]> = [
      ['no Authorization', () => ({}), 'MISSING_API_KEY'],
      ['the signing secret as bearer', () => ({ authorization: `Bearer ${merchant.keys.test.signingSecret}` }), 'INVALID_API_KEY'],
      ['an unknown key', () => signedHeaders({ key: 'pk_test_doesnotexist' }), 'INVALID_API_KEY'],
      ['no timestamp', () => ({ ...signedHeaders(), 'x-timestamp': '' }), 'MISSING_SIGNATURE'],
      [
        'no signature',
        () => ({ authorization: `Bearer ${merchant.keys.test.publishableKey}`, 'x-timestamp': String(Math.floor(Date.now() / 1000)) }),
        'MISSING_SIGNATURE',
      ],
      ['a stale timestamp', () => signedHeaders({ timestamp: Math.floor(Date.now() / 1000) - 302 }), 'STALE_TIMESTAMP'],
      ['a future timestamp', () => signedHeaders({ timestamp: Math.floor(Date.now() / 1000) + 302 }), 'STALE_TIMESTAMP'],
      ['the other mode’s secret', () => signedHeaders({ secret: merchant.keys.live.signingSecret }), 'SIGNATURE_MISMATCH'],
    ];
    for (const [name, headers, code] of cases) {
      const response = await raw(headers());
      expect(response.status, name).toBe(401);
      expect(response.body.error.code, name).toBe(code);
      expect(JSON.stringify(response.body), name).not.toContain(merchant.keys.test.signingSecret);
      expect(JSON.stringify(response.body), name).not.toContain(merchant.keys.live.signingSecret);
    }
  });

  it('refuses a body it cannot verify instead of checking the signature against an empty one', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      authorization: `Bearer ${merchant.keys.test.publishableKey}`,
      'x-timestamp': timestamp,
      'x-signature': signatureFor(merchant.keys.test.signingSecret, timestamp, 'POST', '/api/v1/domains', ''),
    };
    const plain = await fetch(`${t.url}/api/v1/domains`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'smuggled.example.com',
    });
    expect(plain.status).toBe(401);
    expect(((await plain.json()) as { error: { code: string } }).error.code).toBe('SIGNATURE_MISMATCH');
    // The same signature over an empty JSON body is accepted by the signature check (and then validated).
    const empty = await fetch(`${t.url}/api/v1/domains`, { method: 'POST', headers });
    expect(empty.status).toBe(400);
  });

  it('refuses a captured request replayed after the skew window', async () => {
    const captured = signedHeaders({ timestamp: Math.floor(Date.now() / 1000) - 299 });
    expect((await raw(captured)).status).toBe(200);
    const later = new InfluencemartClient({ baseUrl: t.url, ...merchant.keys.test, now: () => Date.now() - 400_000, maxRetries: 0 });
    const replay = await later.get('/api/v1/account');
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('STALE_TIMESTAMP');
  });

  it('refuses keys of a merchant that was suspended', async () => {
    const other = await makeMerchant(t);
    await t.platform.db.update(merchants).set({ status: 'SUSPENDED' }).where(eq(merchants.id, other.merchantId));
    const response = await other.test.get('/api/v1/account');
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('MERCHANT_NOT_APPROVED');
  });
});
