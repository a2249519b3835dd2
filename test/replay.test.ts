import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureFor } from '../sdk/src/index.ts';
import { acceptedSignatures } from '../src/modules/api-keys/api-keys.tables.ts';
import { purgeExpiredSignatures } from '../src/modules/api-keys/refuse-replays.ts';
import { webhookEndpoints } from '../src/modules/webhooks/webhooks.tables.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { TestClock } from './support/clock.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** Moved forward instead of waiting for a signature to leave the skew window. */
const clock = new TestClock();
let t: TestApp;
let merchant: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true, clock });
  merchant = await makeMerchant(t);
});
afterAll(() => t.close());

/** One signed request, captured: the exact headers and body, to be sent again as they are. */
function capture(method: string, path: string, body: unknown, timestamp = Math.floor(Date.now() / 1000)) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = {
    authorization: `Bearer ${merchant.keys.test.publishableKey}`,
    'x-timestamp': String(timestamp),
    'x-signature': signatureFor(merchant.keys.test.signingSecret, String(timestamp), method, path, raw),
    ...(raw ? { 'content-type': 'application/json' } : {}),
  };
  const send = async (baseUrl = t.url, extra: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers: { ...headers, ...extra }, body: raw || undefined });
    return { status: response.status, body: (await response.json()) as any };
  };
  return Object.assign(send, { signature: headers['x-signature']! });
}

const endpointCount = async (url: string) =>
  (
    await t.platform.db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.merchantId, merchant.merchantId), eq(webhookEndpoints.url, url)))
  ).length;

describe(`replayed signed requests on ${backend}`, () => {
  it('a state-changing signed request has one effect; sent again it is 409 REQUEST_REPLAYED, whatever idempotency key comes with it', async () => {
    const url = `https://hooks-${Date.now()}.example.com/in`;
    const send = capture('POST', '/api/v1/webhook-endpoints', { url, events: ['*'] });
    expect((await send(t.url, { 'x-idempotency-key': 'first' })).status).toBe(201);
    for (const key of ['first', 'second', 'third']) {
      const replay = await send(t.url, { 'x-idempotency-key': key });
      expect(replay.status).toBe(409);
      expect(replay.body.error.code).toBe('REQUEST_REPLAYED');
    }
    expect(await endpointCount(url)).toBe(1);
  });

  it('reads may be sent again', async () => {
    const read = capture('GET', '/api/v1/account', undefined);
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
  });

  it('the SDK sends identical writes in one second without tripping the replay check', async () => {
    const url = `https://hooks-sdk-${Date.now()}.example.com/in`;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await merchant.test.post('/api/v1/webhook-endpoints', { url, events: ['*'] }, null)).status);
    expect(answers).toEqual([201, 201, 201]);
    expect(await endpointCount(url)).toBe(3);
  });

  it('remembers a signature only while its timestamp is inside the skew window', async () => {
    const nearlyStale = Math.floor(Date.now() / 1000) - 295; // leaves the window in about 5 s
    const send = capture('POST', '/api/v1/webhook-endpoints', { url: `https://hooks-old-${Date.now()}.example.com/in`, events: ['*'] }, nearlyStale);
    expect((await send()).status).toBe(201);
    const remembered = () => t.platform.db.select().from(acceptedSignatures).where(eq(acceptedSignatures.signature, send.signature));
    expect(await remembered()).toHaveLength(1);
    await purgeExpiredSignatures(t.platform.db, new Date(clock.now()));
    expect(await remembered()).toHaveLength(1); // still inside the window
    clock.advance(6100);
    await purgeExpiredSignatures(t.platform.db, new Date(clock.now()));
    expect(await remembered()).toHaveLength(0);
    const late = await send();
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('STALE_TIMESTAMP');
  });

  describe.runIf(backend === 'postgres')('across processes', () => {
    let other: ServerProcess;
    beforeAll(async () => {
      other = await startServerProcess({ DATABASE_URL: t.databaseUrl, MASTER_KEY: t.config.masterKey });
    }, 120_000);
    afterAll(() => other?.stop());

    it('a request accepted by one process is a replay to another', async () => {
      const url = `https://hooks-two-${Date.now()}.example.com/in`;
      const send = capture('POST', '/api/v1/webhook-endpoints', { url, events: ['*'] });
      expect((await send(t.url)).status).toBe(201);
      const replay = await send(other.url);
      expect(replay.status).toBe(409);
      expect(replay.body.error.code).toBe('REQUEST_REPLAYED');
      expect(await endpointCount(url)).toBe(1);
    });
  });
});
