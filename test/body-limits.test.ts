import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT, MAX_JSON_DEPTH } from '../src/platform/http/body-limits.ts';
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

const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload });

describe(`request bodies on ${backend}`, () => {
  it('login and sign-up take a small body; a larger one is 413 before it is parsed', async () => {
    const padding = 'x'.repeat(BODY_LIMIT.auth);
    for (const url of ['/api/auth/login', '/api/auth/signup']) {
      const response = await post(url, JSON.stringify({ email: 'a@example.com', password: padding }));
      expect(response.statusCode, url).toBe(413);
      expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect((await post('/api/auth/login', JSON.stringify({ email: 'nobody@example.com', password: 'wrong password' }))).statusCode).toBe(401);
  });

  it('other routes take up to the default limit', async () => {
    const over = await merchant.live.post('/api/v1/campaigns', { name: 'x'.repeat(BODY_LIMIT.default) });
    expect(over.status).toBe(413);
    const under = await merchant.live.post('/api/v1/campaigns', { name: 'x'.repeat(BODY_LIMIT.default / 2) });
    expect(under.status).toBe(400); // judged on its merits: the name is too long
    expect(under.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('JSON nested deeper than the bound is 400 INVALID_JSON, on any route', async () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    const deepInString = JSON.stringify({ email: '['.repeat(1000), password: '{'.repeat(1000) });
    const response = await post('/api/auth/login', `{"email":${deep}}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_JSON', message: expect.stringContaining(`${MAX_JSON_DEPTH}`) });
    expect((await post('/api/auth/login', deepInString)).json().error.code).toBe('VALIDATION_FAILED'); // brackets inside strings are text
    const nested = `${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}`; // with the object around it: exactly the bound
    expect((await post('/api/auth/login', `{"email":${nested}}`)).json().error.code).toBe('VALIDATION_FAILED');
  });

  it('a signed request with an unknown key is refused before its body is read', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${t.url}/api/v1/products/upsert`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(10 * 1024 * 1024),
          authorization: 'Bearer pk_live_doesnotexist00000000',
          'x-timestamp': '1',
          'x-signature': '00',
        },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode!, body });
          request.destroy();
        });
      });
      request.on('error', () => undefined); // destroyed once answered
      // Only the first 64 KiB of the announced 10 MiB: the answer must come without the rest.
      request.write('{"products":[' + ' '.repeat(64 * 1024));
      setTimeout(() => {
        request.destroy();
        reject(new Error('no answer before the body was complete'));
      }, 5000).unref();
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error.code).toBe('INVALID_API_KEY');
  });

  it('a bulk call of 5000 realistic products fits its limit', async () => {
    const products = Array.from({ length: 5000 }, (_, i) => ({
      externalProductId: `sku-${i}`,
      name: `Handwoven pashmina shawl, colour ${i}`,
      description: 'd'.repeat(1500),
      productUrl: `https://${merchant.domain}/products/${i}`,
      imageUrl: `https://${merchant.domain}/images/${i}.jpg`,
      price: '2999.00',
    }));
    expect(JSON.stringify({ products }).length).toBeGreaterThan(BODY_LIMIT.default * 20);
    const response = await merchant.live.post('/api/v1/products/upsert', { products });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ received: 5000, failed: 0 });
  });
});
