import { describe, expect, it } from 'vitest';
import { InfluencemartClient, retryAfterMs, signatureFor } from './client.ts';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  at: number;
}

/** A fake fetch that answers from a script and records every request. */
function scripted(answers: Array<{ status: number; body?: unknown; headers?: Record<string, string> } | Error>) {
  const sent: Sent[] = [];
  const fetch = (async (input: URL | string, init?: RequestInit) => {
    sent.push({
      method: init!.method!,
      url: String(input),
      headers: init!.headers as Record<string, string>,
      body: init!.body as string | undefined,
      at: Date.now(),
    });
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    if (next instanceof Error) throw next;
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), {
      status: next.status,
      headers: { 'content-type': 'application/json', ...next.headers },
    });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const make = (fetch: typeof globalThis.fetch, options: { maxRetries?: number; maxRetryDelayMs?: number } = {}) =>
  new InfluencemartClient({ baseUrl: 'https://api.example.test', publishableKey: 'pk_test_abc', signingSecret: 'sk_test_secret', fetch, ...options });

const inProgress = { status: 409, body: { error: { code: 'IDEMPOTENCY_IN_PROGRESS', message: 'busy', details: [] } } };

describe('merchant client retries', () => {
  it('signs each request with the publishable key, a timestamp and the HMAC of the exact request', async () => {
    const { fetch, sent } = scripted([{ status: 201, body: { ok: true } }]);
    await make(fetch).post('/api/v1/domains?x=1', { domain: 'a.example.com' }, 'k-1');
    const [request] = sent;
    expect(request!.headers.authorization).toBe('Bearer pk_test_abc');
    expect(request!.headers['x-signature']).toBe(
      signatureFor('sk_test_secret', request!.headers['x-timestamp']!, 'POST', '/api/v1/domains?x=1', '{"domain":"a.example.com"}'),
    );
    expect(request!.headers['x-idempotency-key']).toBe('k-1');
    expect(JSON.stringify(request!.headers)).not.toContain('sk_test_secret');
  });

  it('never signs the same request twice with one timestamp, so identical writes and quick retries are not replays', async () => {
    const { fetch, sent } = scripted([{ status: 201 }, { status: 201 }, { status: 503 }, { status: 201 }]);
    const client = new InfluencemartClient({
      baseUrl: 'https://api.example.test',
      publishableKey: 'pk_test_abc',
      signingSecret: 'sk_test_secret',
      fetch,
      now: () => 1_767_225_600_000,
      maxRetryDelayMs: 1,
    });
    await client.patch('/api/v1/orders/o1', { status: 'refunded', refundAmount: '10.00' }, null);
    await client.patch('/api/v1/orders/o1', { status: 'refunded', refundAmount: '10.00' }, null);
    await client.post('/api/v1/conversions', { orderId: 'o2' }, 'k-2'); // answered 503, retried
    expect(sent.map((r) => r.headers['x-timestamp'])).toEqual(['1767225600', '1767225601', '1767225600', '1767225601']);
    expect(new Set(sent.map((r) => r.headers['x-signature'])).size).toBe(4);
  });

  it('retries 429 after the Retry-After the server asked for, with the same idempotency key', async () => {
    const { fetch, sent } = scripted([
      { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'RATE_LIMITED' } } },
      { status: 201, body: { id: 'dom_1' } },
    ]);
    const response = await make(fetch).post('/api/v1/domains', { domain: 'a.example.com' });
    expect(response.status).toBe(201);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(950);
    expect(sent[0]!.headers['x-idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.headers['x-idempotency-key']).toBe(sent[0]!.headers['x-idempotency-key']);
  });

  it('returns a 429 at once when Retry-After is longer than it is willing to wait', async () => {
    const { fetch, sent } = scripted([{ status: 429, headers: { 'retry-after': '120' }, body: { error: { code: 'RATE_LIMITED' } } }]);
    const started = Date.now();
    const response = await make(fetch, { maxRetryDelayMs: 5000 }).get('/api/v1/account');
    expect(response.status).toBe(429);
    expect(sent).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('retries 409 IDEMPOTENCY_IN_PROGRESS and REQUEST_REPLAYED (signed afresh), but not other conflicts', async () => {
    const replayed = scripted([{ status: 409, body: { error: { code: 'REQUEST_REPLAYED' } } }, { status: 201 }]);
    expect((await make(replayed.fetch).post('/api/v1/domains', {}, 'k-1')).status).toBe(201);
    expect(replayed.sent[0]!.headers['x-signature']).not.toBe(replayed.sent[1]!.headers['x-signature']);

    const busy = scripted([inProgress, inProgress, { status: 201, body: { id: 'dom_1' } }]);
    expect((await make(busy.fetch).post('/api/v1/domains', {}, 'k-2')).status).toBe(201);
    expect(busy.sent).toHaveLength(3);
    expect(new Set(busy.sent.map((s) => s.headers['x-idempotency-key']))).toEqual(new Set(['k-2']));

    const conflict = scripted([{ status: 409, body: { error: { code: 'ALREADY_EXISTS' } } }]);
    expect((await make(conflict.fetch).post('/api/v1/domains', {}, 'k-3')).status).toBe(409);
    expect(conflict.sent).toHaveLength(1);
  });

  it('never retries a write sent without an idempotency key', async () => {
    for (const answer of [{ status: 503 }, { status: 429, headers: { 'retry-after': '0' } }, inProgress]) {
      const { fetch, sent } = scripted([answer, { status: 201 }]);
      const response = await make(fetch).request({ method: 'POST', path: '/api/v1/domains', body: {}, idempotencyKey: null });
      expect(response.status).toBe(answer.status);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.headers['x-idempotency-key']).toBeUndefined();
    }
    const failing = scripted([new TypeError('socket hang up'), { status: 201 }]);
    await expect(make(failing.fetch).request({ method: 'PATCH', path: '/api/v1/orders/1', body: {}, idempotencyKey: null })).rejects.toThrow('socket hang up');
    expect(failing.sent).toHaveLength(1);
  });

  it('retries reads and keyed writes after network errors and 5xx, up to maxRetries', async () => {
    const read = scripted([new TypeError('ECONNRESET'), { status: 502 }, { status: 200, body: { ok: true } }]);
    expect((await make(read.fetch).get('/api/v1/account')).status).toBe(200);
    expect(read.sent).toHaveLength(3);
    const exhausted = scripted([{ status: 503 }, { status: 503 }, { status: 503 }]);
    expect((await make(exhausted.fetch, { maxRetries: 2 }).post('/api/v1/domains', {}, 'k-4')).status).toBe(503);
    expect(exhausted.sent).toHaveLength(3);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
