import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { ApiError, call, createApiClient, readableMessage } from './api.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
}, 120_000);
afterAll(() => t?.close());

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error('expected a failure')),
    (error: unknown) => error as ApiError,
  );

describe('the dashboard API client against the real server', () => {
  const client = () => createApiClient({ baseUrl: t.url, csrfToken: () => undefined });

  it('answers with the body of a success and turns a refusal into an ApiError with its field details', async () => {
    const error = await caught(call(client().POST('/api/auth/signup', { body: { role: 'affiliate', email: 'nope', password: 'short' } })));
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' }), expect.objectContaining({ field: 'email' })]));
    const listing = await call(client().GET('/api/public/campaigns'));
    expect(listing).toMatchObject({ data: [], total: 0 });
  });

  it('tells a missing endpoint from a refusal', async () => {
    const missing = await caught(call(client().GET('/api/affiliate/no-such-thing' as '/api/auth/me')));
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(missing.isMissingEndpoint).toBe(true);
    const signedOut = await caught(call(client().GET('/api/auth/me')));
    expect(signedOut).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('sends the CSRF token on writes only, and X-Mode when acting on one mode', async () => {
    const seen: Array<{ method: string; token: string | null; mode: string | null }> = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      seen.push({ method: request.method, token: request.headers.get('x-csrf-token'), mode: request.headers.get('x-mode') });
      return realFetch(input, init);
    };
    try {
      // openapi-fetch takes the fetch it finds when the client is made.
      const recording = createApiClient({ baseUrl: t.url, csrfToken: () => 'token-123' });
      await caught(call(recording.GET('/api/auth/me')));
      await caught(call(recording.POST('/api/auth/logout')));
      await caught(call(recording.forMode('test').GET('/api/v1/campaigns')));
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(seen).toEqual([
      { method: 'GET', token: null, mode: null },
      { method: 'POST', token: 'token-123', mode: null },
      { method: 'GET', token: null, mode: 'test' },
    ]);
  });

  it('reports an unreachable server as a network error', async () => {
    const offline = createApiClient({ baseUrl: 'http://127.0.0.1:9', csrfToken: () => undefined });
    expect(await caught(call(offline.GET('/api/auth/me')))).toMatchObject({ status: 0, code: 'NETWORK' });
  });
});

describe('readableMessage', () => {
  it('rewords validator messages', () => {
    expect(readableMessage({ message: 'must NOT have fewer than 1 characters' })).toBe('is required');
    expect(readableMessage({ message: 'must match format "uri"' })).toBe('must be a full web address such as https://shop.example.com');
    expect(readableMessage({ message: 'is already registered' })).toBe('is already registered');
  });
});
