import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchants } from '../src/modules/merchants/merchants.tables.ts';
import { productFeedRuns, productFeeds } from '../src/modules/product-feeds/product-feeds.tables.ts';
import { enqueueJob } from '../src/platform/jobs/enqueue.ts';
import { newId } from '../src/platform/ids.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

interface Served {
  status?: number;
  type?: string;
  body: string;
  delayMs?: number;
}

const routes = new Map<string, Served>();
const hits = new Map<string, number>();
let server: http.Server;
let base: string;
let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const served = routes.get(path);
    if (!served) return void response.writeHead(404).end('missing');
    const send = () => response.writeHead(served.status ?? 200, { 'content-type': served.type ?? 'application/json' }).end(served.body);
    if (served.delayMs) setTimeout(send, served.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTestApp({ listen: true, config: { outboundAllowPrivate: true, feedPullTimeoutMs: 1000, feedMaxBytes: 200_000 } });
  [merchant, other] = await Promise.all([makeMerchant(t), makeMerchant(t)]);
});
afterAll(async () => {
  await t.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let feedSequence = 0;
const serve = (served: Served) => {
  const path = `/feed-${++feedSequence}`;
  routes.set(path, served);
  return { path, url: `${base}${path}` };
};
const product = (sku: string, overrides: Record<string, unknown> = {}) => ({
  externalProductId: sku,
  name: `Product ${sku}`,
  productUrl: `https://${merchant.domain}/p/${sku}`,
  price: '100.00',
  ...overrides,
});

async function register(body: Record<string, unknown>, who: TestMerchant = merchant) {
  const response = await who.test.post('/api/v1/product-feeds', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; [key: string]: unknown };
}

/** Queue a run through the API, let the worker take it, and return the finished run. */
async function runNow(feedId: string, who: TestMerchant = merchant) {
  const queued = await who.test.post(`/api/v1/product-feeds/${feedId}/run`);
  expect(queued.status, JSON.stringify(queued.body)).toBe(202);
  expect(queued.body).toMatchObject({ feedId, status: 'QUEUED', trigger: 'MANUAL' });
  await t.platform.worker.runDueJobs();
  const runs = await who.test.get(`/api/v1/product-feeds/${feedId}/runs`);
  const run = runs.body.data.find((r: { id: string }) => r.id === queued.body.id);
  expect(run).toBeDefined();
  return run;
}

const productBySku = async (sku: string) =>
  (await merchant.test.get(`/api/v1/products?search=${sku}`)).body.data.find((p: { externalProductId: string }) => p.externalProductId === sku);

describe(`product feeds on ${backend}`, () => {
  it('registers a feed with defaults', async () => {
    const feed = await register({ url: `${base}/catalog.json` });
    expect(feed).toMatchObject({
      url: `${base}/catalog.json`,
      format: 'AUTO',
      intervalMinutes: 1440,
      archiveMissing: false,
      status: 'ACTIVE',
      livemode: false,
      lastRunAt: null,
    });
    expect(feed.id).toMatch(/^feed_/);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a non-http URL', { url: 'ftp://example.com/feed.csv' }, 'url', 'URL_NOT_ALLOWED'],
    ['a URL with credentials', { url: 'https://user:pw@example.com/feed.csv' }, 'url', 'URL_NOT_ALLOWED'],
    ['a relative URL', { url: '/feed.csv' }, 'url', 'URL_NOT_ALLOWED'],
    ['an interval under 15 minutes', { url: 'https://example.com/f', intervalMinutes: 5 }, 'intervalMinutes', 'MINIMUM'],
    ['an unknown format', { url: 'https://example.com/f', format: 'XML' }, 'format', 'ENUM'],
    ['an unknown field', { url: 'https://example.com/f', deleteMissing: true }, 'deleteMissing', 'UNKNOWN_FIELD'],
  ])('rejects %s', async (_name, body, field, code) => {
    const response = await merchant.test.post('/api/v1/product-feeds', body);
    expect(response.status).toBe(400);
    expect(response.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('pulls a JSON feed through the upsert engine and records the counts and item errors', async () => {
    const { url } = serve({
      body: JSON.stringify({ products: [product('JF-1'), product('JF-2', { price: 5 }), product('JF-3', { productUrl: 'https://elsewhere.example.net/x' })] }),
    });
    const feed = await register({ url });
    const run = await runNow(feed.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', httpStatus: 200, received: 3, created: 1, updated: 0, failed: 2, archived: 0, errorCode: null });
    expect(run.errors).toEqual([
      expect.objectContaining({
        index: 1,
        externalProductId: 'JF-2',
        status: 400,
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('products[1].price'),
      }),
      expect.objectContaining({ index: 2, externalProductId: 'JF-3', status: 400, code: 'PRODUCT_URL_NOT_ALLOWED' }),
    ]);
    expect(run.startedAt).toEqual(expect.any(String));
    expect(run.finishedAt).toEqual(expect.any(String));
    expect(await productBySku('JF-1')).toMatchObject({ price: '100.00', sourceFeedId: feed.id, status: 'ACTIVE' });
    expect((await merchant.test.get(`/api/v1/product-feeds/${feed.id}`)).body.lastRunAt).toEqual(expect.any(String));

    const again = await runNow(feed.id);
    expect(again).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 1, failed: 2 });
  });

  it('pulls a CSV feed', async () => {
    const csv = `External Product ID,Name,Product URL,Price,Sale Price,Availability,Category\nCF-1,Green tea,https://${merchant.domain}/p/cf-1,450.00,400.00,in stock,Grocery\nCF-2,"Shawl, pashmina",https://${merchant.domain}/p/cf-2,8000,,out of stock,\n`;
    const feed = await register({ url: serve({ type: 'text/csv; charset=utf-8', body: csv }).url });
    const run = await runNow(feed.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', received: 2, created: 2, failed: 0 });
    expect(await productBySku('CF-1')).toMatchObject({
      name: 'Green tea',
      price: '450.00',
      discountPrice: '400.00',
      stockStatus: 'IN_STOCK',
      category: 'Grocery',
    });
    expect(await productBySku('CF-2')).toMatchObject({
      name: 'Shawl, pashmina',
      price: '8000.00',
      discountPrice: null,
      stockStatus: 'OUT_OF_STOCK',
      category: null,
    });
  });

  it('never archives products missing from the feed unless archiveMissing is set', async () => {
    const served: Served = { body: JSON.stringify([product('AM-1'), product('AM-2')]) };
    const { url } = serve(served);
    const feed = await register({ url });
    await runNow(feed.id);
    await merchant.test.post('/api/v1/products/upsert', { products: [product('AM-API')] });

    served.body = JSON.stringify([product('AM-1')]);
    const kept = await runNow(feed.id);
    expect(kept).toMatchObject({ status: 'SUCCEEDED', archived: 0 });
    expect((await productBySku('AM-2')).status).toBe('ACTIVE');

    const patched = await merchant.test.patch(`/api/v1/product-feeds/${feed.id}`, { archiveMissing: true });
    expect(patched.body.archiveMissing).toBe(true);
    const swept = await runNow(feed.id);
    expect(swept).toMatchObject({ status: 'SUCCEEDED', archived: 1 });
    expect((await productBySku('AM-2')).status).toBe('ARCHIVED');
    expect((await productBySku('AM-1')).status).toBe('ACTIVE');
    expect((await productBySku('AM-API')).status).toBe('ACTIVE'); // written through the API, not by this feed

    // An empty feed archives nothing, and a product that comes back is active again.
    served.body = '[]';
    expect(await runNow(feed.id)).toMatchObject({ status: 'SUCCEEDED', received: 0, archived: 0 });
    expect((await productBySku('AM-1')).status).toBe('ACTIVE');
    served.body = JSON.stringify([product('AM-1'), product('AM-2')]);
    expect(await runNow(feed.id)).toMatchObject({ updated: 2, archived: 0 });
    expect((await productBySku('AM-2')).status).toBe('ACTIVE');
  });

  it.each<[string, Served, string, number | null]>([
    ['an HTTP error', { status: 500, body: 'boom' }, 'HTTP_ERROR', 500],
    ['a redirect (not followed)', { status: 302, body: '' }, 'HTTP_ERROR', 302],
    ['a body that is neither JSON nor CSV', { body: '{"products": [', type: 'application/json' }, 'PARSE_ERROR', 200],
    ['a body over the size limit', { body: JSON.stringify([{ name: 'x'.repeat(250_000) }]) }, 'FEED_TOO_LARGE', 200],
    ['a feed slower than the timeout', { body: '[]', delayMs: 1500 }, 'TIMEOUT', null],
  ])('records a failed run for %s', async (_name, served, code, httpStatus) => {
    const feed = await register({ url: serve(served).url });
    const run = await runNow(feed.id);
    expect(run).toMatchObject({ status: 'FAILED', errorCode: code, httpStatus, received: 0, created: 0 });
    expect(run.errorMessage).toEqual(expect.any(String));
  });

  it('refuses a second run while one is queued', async () => {
    const feed = await register({ url: serve({ body: '[]' }).url });
    const first = await merchant.test.post(`/api/v1/product-feeds/${feed.id}/run`);
    expect(first.status).toBe(202);
    const second = await merchant.test.post(`/api/v1/product-feeds/${feed.id}/run`);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('FEED_RUN_IN_PROGRESS');
    await t.platform.worker.runDueJobs();
    expect((await merchant.test.post(`/api/v1/product-feeds/${feed.id}/run`)).status).toBe(202);
    await t.platform.worker.runDueJobs();
  });

  it('pulls due feeds on schedule, once per slot, skipping paused ones and suspended merchants', async () => {
    const due = serve({ body: JSON.stringify([product('SCHED-1')]) });
    const paused = serve({ body: JSON.stringify([product('SCHED-PAUSED')]) });
    const suspended = serve({ body: '[]' });
    const dueFeed = await register({ url: due.url, intervalMinutes: 60 });
    const pausedFeed = await register({ url: paused.url });
    await merchant.test.patch(`/api/v1/product-feeds/${pausedFeed.id}`, { status: 'PAUSED' });
    const gone = await makeMerchant(t);
    const suspendedFeed = await register({ url: suspended.url }, gone);
    await t.platform.db.update(merchants).set({ status: 'SUSPENDED' }).where(eq(merchants.id, gone.merchantId));
    // Make only these feeds due.
    await t.platform.db.update(productFeeds).set({ nextRunAt: new Date(Date.now() + 86_400_000) });
    for (const id of [dueFeed.id, pausedFeed.id, suspendedFeed.id])
      await t.platform.db
        .update(productFeeds)
        .set({ nextRunAt: new Date(Date.now() - 1000) })
        .where(eq(productFeeds.id, id));

    await enqueueJob(t.platform.db, 'product-feeds.dispatch');
    await t.platform.worker.runDueJobs();
    expect(hits.get(due.path)).toBe(1);
    expect(hits.get(paused.path)).toBeUndefined();
    expect(hits.get(suspended.path)).toBeUndefined();
    const runs = (await merchant.test.get(`/api/v1/product-feeds/${dueFeed.id}/runs`)).body.data;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'SCHEDULE', status: 'SUCCEEDED', created: 1 });
    const feed = (await merchant.test.get(`/api/v1/product-feeds/${dueFeed.id}`)).body;
    const nextIn = new Date(feed.nextRunAt).getTime() - Date.now();
    expect(nextIn).toBeGreaterThan(55 * 60_000);
    expect(nextIn).toBeLessThanOrEqual(60 * 60_000);

    // Not due any more: a second dispatch queues nothing.
    await enqueueJob(t.platform.db, 'product-feeds.dispatch');
    await t.platform.worker.runDueJobs();
    expect(hits.get(due.path)).toBe(1);
  });

  it('lists, updates and deletes feeds; products stay after the feed is gone', async () => {
    const feed = await register({ url: serve({ body: JSON.stringify([product('DEL-1')]) }).url, name: 'Main catalog' });
    await runNow(feed.id);
    const list = await merchant.test.get('/api/v1/product-feeds?pageSize=2');
    expect(list.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(list.body.total).toBeGreaterThanOrEqual(2);
    const patched = await merchant.test.patch(`/api/v1/product-feeds/${feed.id}`, { intervalMinutes: 30, format: 'JSON', name: null });
    expect(patched.body).toMatchObject({ intervalMinutes: 30, format: 'JSON', name: null });
    expect((await merchant.test.patch(`/api/v1/product-feeds/${feed.id}`, { url: 'file:///etc/passwd' })).status).toBe(400);
    expect((await merchant.test.delete(`/api/v1/product-feeds/${feed.id}`)).status).toBe(204);
    expect((await merchant.test.get(`/api/v1/product-feeds/${feed.id}`)).status).toBe(404);
    expect(await t.platform.db.select().from(productFeedRuns).where(eq(productFeedRuns.feedId, feed.id))).toEqual([]);
    expect(await productBySku('DEL-1')).toMatchObject({ status: 'ACTIVE', sourceFeedId: null });
  });

  it('keeps feeds private to their merchant and mode', async () => {
    const feed = await register({ url: serve({ body: '[]' }).url });
    for (const client of [other.test, merchant.live]) {
      expect((await client.get(`/api/v1/product-feeds/${feed.id}`)).status).toBe(404);
      expect((await client.get(`/api/v1/product-feeds/${feed.id}/runs`)).status).toBe(404);
      expect((await client.post(`/api/v1/product-feeds/${feed.id}/run`)).status).toBe(404);
      expect((await client.patch(`/api/v1/product-feeds/${feed.id}`, { intervalMinutes: 60 })).status).toBe(404);
      expect((await client.delete(`/api/v1/product-feeds/${feed.id}`)).status).toBe(404);
      expect((await client.get('/api/v1/product-feeds')).body.data.map((f: { id: string }) => f.id)).not.toContain(feed.id);
    }
    expect((await merchant.test.get(`/api/v1/product-feeds/${feed.id}`)).status).toBe(200);
  });
});

describe(`product feeds without private addresses on ${backend}`, () => {
  let strict: TestApp;
  let shop: TestMerchant;
  beforeAll(async () => {
    strict = await createTestApp({ listen: true });
    shop = await makeMerchant(strict);
  });
  afterAll(() => strict.close());

  it.each([
    ['loopback IP', () => `${base}/x`],
    ['localhost', () => 'http://localhost:8080/feed.json'],
    ['private network', () => 'http://10.1.2.3/feed.json'],
    ['IPv6 loopback', () => 'http://[::1]/feed.json'],
    ['IPv4-compatible loopback', () => 'http://[::7f00:1]/feed.json'],
    ['translated loopback', () => 'http://[::ffff:0:7f00:1]/feed.json'],
    ['6to4 loopback', () => 'http://[2002:7f00:1::]/feed.json'],
  ])('refuses to register a %s feed', async (_name, url) => {
    const response = await shop.test.post('/api/v1/product-feeds', { url: url() });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0]).toMatchObject({ field: 'url', code: 'URL_NOT_ALLOWED' });
  });

  it('refuses to pull a loopback feed at run time, without sending a request', async () => {
    const { path, url } = serve({ body: JSON.stringify([product('NOPE')]) });
    const id = newId('feed');
    // Stored before the rule applied (or through a name that resolves to loopback): the pull still refuses.
    await strict.platform.db.insert(productFeeds).values({ id, merchantId: shop.merchantId, livemode: false, url });
    const queued = await shop.test.post(`/api/v1/product-feeds/${id}/run`);
    expect(queued.status).toBe(202);
    await strict.platform.worker.runDueJobs();
    const run = (await shop.test.get(`/api/v1/product-feeds/${id}/runs`)).body.data[0];
    expect(run).toMatchObject({ status: 'FAILED', errorCode: 'PRIVATE_ADDRESS', created: 0 });
    expect(hits.get(path)).toBeUndefined();
  });
});
