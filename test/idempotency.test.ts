import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchantDomains } from '../src/modules/merchants/merchants.tables.ts';
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

describe(`idempotency on ${backend}`, () => {
  it('replays the original status and body for the same key and body', async () => {
    const first = await merchant.test.post('/api/v1/domains', { domain: 'shop-a.example.org' }, 'key-a');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await merchant.test.post('/api/v1/domains', { domain: 'shop-a.example.org' }, 'key-a');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
    await merchant.test.post('/api/v1/domains', { domain: 'shop-b.example.org' }, 'key-b');
    const reused = await merchant.test.post('/api/v1/domains', { domain: 'shop-c.example.org' }, 'key-b');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('stores nothing for a request that fails validation', async () => {
    const invalid = await merchant.test.post('/api/v1/domains', { domain: 42 }, 'key-d');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0]).toMatchObject({ field: 'domain' });
    const valid = await merchant.test.post('/api/v1/domains', { domain: 'shop-d.example.org' }, 'key-d');
    expect(valid.status).toBe(201);
    expect(valid.headers.get('idempotent-replayed')).toBeNull();
  });

  it('scopes keys per mode: the same key in live mode is a new request', async () => {
    const test = await merchant.test.post('/api/v1/domains', { domain: 'shop-e.example.org' }, 'key-e');
    const live = await merchant.live.post('/api/v1/domains', { domain: 'shop-e.example.org' }, 'key-e');
    expect(test.status).toBe(201);
    expect(live.headers.get('idempotent-replayed')).toBeNull();
    expect(live.status).toBe(409);
  });

  it('rejects keys longer than 255 characters', async () => {
    const response = await merchant.test.post('/api/v1/domains', { domain: 'shop-f.example.org' }, 'k'.repeat(256));
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('header.x-idempotency-key');
  });
});

describe(`idempotency under concurrency on ${backend}`, () => {
  it('50 concurrent requests with one key have exactly one effect; each answer is the original or 409 in progress', async () => {
    const body = { domain: 'concurrent.example.org' };
    const answers = await Promise.all(Array.from({ length: 50 }, () => merchant.test.post('/api/v1/domains', body, 'key-concurrent')));
    const rows = await t.platform.db
      .select()
      .from(merchantDomains)
      .where(and(eq(merchantDomains.merchantId, merchant.merchantId), eq(merchantDomains.domain, 'concurrent.example.org')));
    expect(rows).toHaveLength(1);
    const created = answers.filter((a) => a.status === 201);
    const inProgress = answers.filter((a) => a.status === 409);
    expect(created.length + inProgress.length).toBe(50);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of created) expect(answer.body).toEqual({ id: rows[0]!.id, domain: 'concurrent.example.org', status: 'PENDING' });
    for (const answer of inProgress) expect(answer.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(created.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);

    const retry = await merchant.test.post('/api/v1/domains', body, 'key-concurrent');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(created[0]!.body);
    const reused = await merchant.test.post('/api/v1/domains', { domain: 'other.example.org' }, 'key-concurrent');
    expect(reused.status).toBe(422);
  });
});
