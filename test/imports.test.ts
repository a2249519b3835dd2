import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/platform/db/client.ts';
import { domainEvents } from '../src/platform/events/events.tables.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { orderItems, orders } from '../src/modules/orders/orders.tables.ts';
import { products } from '../src/modules/products/products.tables.ts';
import { importAppliers } from '../src/modules/imports/import-appliers.ts';
import { APPLY_GROUPS, runImport } from '../src/modules/imports/run-import.ts';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import pino from 'pino';
import { backend } from './support/database.ts';
import { makeAffiliate, makeMerchant, signIn, type TestMerchant } from './support/factories.ts';
import { insertCampaign, insertClick, orderId } from './support/conversion-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

type Keys = { publishableKey: string; signingSecret: string };

let lastTimestamp = 0;

/**
 * A signed raw-body call, the signature computed over the exact bytes. Every call signs with a
 * timestamp of its own: the very same signed write sent twice is refused as a replay.
 */
async function call(t: TestApp, keys: Keys, method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}) {
  lastTimestamp = Math.max(Math.floor(Date.now() / 1000), lastTimestamp + 1);
  const ts = String(lastTimestamp);
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
  const signature = createHmac('sha256', keys.signingSecret).update(`${ts}.${method}.${path}.`).update(bytes).digest('hex');
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${keys.publishableKey}`,
      'x-timestamp': ts,
      'x-signature': signature,
      ...(body === undefined ? {} : { 'content-type': 'text/csv' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: bytes }),
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined;
  return { status: response.status, text, body: json, headers: response.headers };
}

const upload = (t: TestApp, keys: Keys, type: string, csv: Buffer | string, headers: Record<string, string> = {}) =>
  call(t, keys, 'POST', `/api/v1/imports?type=${type}`, csv, headers);

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
let affiliateId: string;
let campaign: CampaignRow;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
  other = await makeMerchant(t);
  affiliateId = (await makeAffiliate(t)).affiliateId;
  campaign = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
});
afterAll(() => t.close());

async function finished(id: string, keys: Keys = merchant.keys.live) {
  await t.platform.worker.runDueJobs();
  const got = await call(t, keys, 'GET', `/api/v1/imports/${id}`);
  expect(got.status).toBe(200);
  return got.body;
}

describe(`CSV imports on ${backend}`, () => {
  it('imports orders: lines sharing an orderId form one order, attributed with its commission', async () => {
    const [a, b] = [orderId('A'), orderId('B')];
    const click = await insertClick(t.platform.db, campaign, affiliateId);
    const csv = `orderId,clickId,amount,sku,qty,price\n${a},${click},300.00,SKU-1,1,100.00\n${b},,50.00,SKU-9,1,50.00\n${a},,,"SKU\n2",2,100.00\n`;
    const created = await upload(t, merchant.keys.live, 'orders', csv);
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ type: 'orders', status: 'queued', columns: ['orderId', 'clickId', 'amount', 'sku', 'qty', 'price'] });
    const done = await finished(created.body.id);
    expect(done).toMatchObject({ status: 'completed', rowsTotal: 3, rowsProcessed: 3, rowsSucceeded: 3, rowsFailed: 0, rowsDeduplicated: 0 });
    const order = await call(t, merchant.keys.live, 'GET', `/api/v1/orders/${a}`);
    expect(order.body).toMatchObject({ orderId: a, amount: '300.00', attributed: true, commission: { amount: '30.00' } });
    const [row] = await t.platform.db.select({ id: orders.id }).from(orders).where(eq(orders.orderId, a));
    const items = await t.platform.db.select().from(orderItems).where(eq(orderItems.orderId, row!.id));
    expect(items.map((i) => [i.sku, i.qty])).toEqual([
      ['SKU-1', 1],
      ['SKU\n2', 2],
    ]);

    const event = await t.platform.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'import.completed'), eq(domainEvents.merchantId, merchant.merchantId)));
    expect(event.map((e) => e.data)).toContainEqual(expect.objectContaining({ id: created.body.id, rowsSucceeded: 3, rowsFailed: 0, rowsDeduplicated: 0 }));

    // The same file again: every order is already there.
    const again = await upload(t, merchant.keys.live, 'orders', csv);
    expect(await finished(again.body.id)).toMatchObject({ status: 'completed', rowsSucceeded: 0, rowsDeduplicated: 3, rowsFailed: 0 });
    const [{ n }] = (await t.platform.db.select({ n: count() }).from(orders).where(eq(orders.orderId, a))) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('reports bad rows at their line in the file (quoted line breaks counted), and the good rows still land', async () => {
    const ids = Array.from({ length: 5 }, () => orderId('E'));
    const csv = Buffer.concat([
      Buffer.from(
        'orderId,amount,sku,qty,price\n' +
          `${ids[0]},10.00,"multi\nline sku",1,10.00\n` + // lines 2-3, good
          `${ids[1]},ten,,,\n` + // line 4: bad amount
          `${ids[2]},5.00,S,1,5.00,extra\n` + // line 5: too many columns
          `${ids[3]},5.00,S,x,5.00\n` + // line 6: qty not a number
          `${ids[3]},,S2,1,5.00\n` + // line 7: same order, fails with it
          `${ids[4]},`,
      ),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(',S,1,1.00\n'), // line 8: not UTF-8
    ]);
    const created = await upload(t, merchant.keys.live, 'orders', csv);
    expect(created.status).toBe(202);
    const done = await finished(created.body.id);
    expect(done).toMatchObject({ status: 'completed', rowsTotal: 6, rowsSucceeded: 1, rowsFailed: 5 });
    const report = await call(t, merchant.keys.live, 'GET', `/api/v1/imports/${created.body.id}/errors`);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const lines = report.text.trim().split('\n');
    expect(lines[0]).toBe('line,column,code,message');
    const byLine = lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','));
    expect(byLine).toEqual(['4,amount,INVALID_DECIMAL', '5,,COLUMN_COUNT', '6,qty,TYPE', '7,,ORDER_FAILED', '8,,INVALID_UTF8'].map(String));
    const failedRows = await call(t, merchant.keys.live, 'GET', `/api/v1/imports/${created.body.id}/failed-rows`);
    const failedLines = failedRows.text.trim().split('\n');
    expect(failedLines[0]).toBe('orderId,amount,sku,qty,price');
    expect(failedLines).toHaveLength(6);
    expect((await call(t, merchant.keys.live, 'GET', `/api/v1/orders/${ids[0]}`)).status).toBe(200);
    expect((await call(t, merchant.keys.live, 'GET', `/api/v1/orders/${ids[1]}`)).status).toBe(404);
  });

  it('refuses a bad header at once, naming each column; case, spaces and a BOM do not matter', async () => {
    const bad = await upload(t, merchant.keys.live, 'orders', 'orderId,amout,colour\nX,1.00,red\n');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('CSV_HEADER_INVALID');
    expect(bad.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['amout', 'UNKNOWN_COLUMN'],
      ['colour', 'UNKNOWN_COLUMN'],
      ['amount', 'MISSING_COLUMN'],
    ]);
    const empty = await upload(t, merchant.keys.live, 'orders', '');
    expect([empty.status, empty.body?.error.code]).toEqual([400, 'CSV_EMPTY']);
    const headerOnly = await upload(t, merchant.keys.live, 'orders', 'orderId,amount\n');
    expect([headerOnly.status, headerOnly.body?.error.code]).toEqual([400, 'CSV_EMPTY']);
    const loose = await upload(t, merchant.keys.live, 'orders', `\uFEFF ORDERID , Amount \n${orderId('L')},1.00\n`);
    expect(loose.status).toBe(202);
    expect(await finished(loose.body.id)).toMatchObject({ rowsSucceeded: 1 });
    const unsigned = await upload(t, { ...merchant.keys.live, signingSecret: 'sk_wrong' }, 'orders', 'orderId,amount\nX,1.00\n');
    expect(unsigned.body.error.code).toBe('SIGNATURE_MISMATCH');
  });

  it('answers a body that is not CSV with 415 naming the types it takes', async () => {
    for (const type of ['application/octet-stream', 'application/json', 'text/plain', 'application/vnd.ms-excel']) {
      const body = type === 'application/json' ? '{"orderId":"X","amount":"1.00"}' : 'orderId,amount\nX,1.00\n';
      const refused = await upload(t, merchant.keys.live, 'orders', body, { 'content-type': type });
      expect([refused.status, refused.body?.error.code], type).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(refused.body.error.details).toEqual([
        { field: 'header.content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'must be text/csv or multipart/form-data' },
      ]);
    }
    // A JSON route still names JSON.
    const json = await call(t, merchant.keys.live, 'POST', '/api/v1/conversions', '<order/>', { 'content-type': 'application/xml' });
    expect([json.status, json.body.error.details[0].message]).toEqual([415, 'must be application/json']);
  });

  it('reports a row with too few columns and still applies the rows around it', async () => {
    const [a, b, c] = [orderId('F'), orderId('F'), orderId('F')];
    const csv = `orderId,amount,sku,qty,price\n${a},5.00,S,1,5.00\n${b},5.00\n${c},7.00,S,1,7.00\n`;
    const done = await finished((await upload(t, merchant.keys.live, 'orders', csv)).body.id);
    expect(done).toMatchObject({ status: 'completed', rowsTotal: 3, rowsSucceeded: 2, rowsFailed: 1 });
    const report = await call(t, merchant.keys.live, 'GET', `/api/v1/imports/${done.id}/errors`);
    expect(report.text.trim().split('\n').slice(1)).toEqual(['3,,COLUMN_COUNT,has 2 columns; the header has 5']);
    expect((await call(t, merchant.keys.live, 'GET', `/api/v1/orders/${b}`)).status).toBe(404);
    expect((await call(t, merchant.keys.live, 'GET', `/api/v1/orders/${c}`)).body).toMatchObject({ amount: '7.00' });
  });

  it('answers a file over 50 MB with 413 and the limit', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${t.url}/api/v1/imports?type=orders`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${merchant.keys.live.publishableKey}`, 'content-length': String(50 * 1024 * 1024 + 1) },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body: text });
          request.destroy();
        });
      });
      request.on('error', reject);
      request.write('orderId,amount\n');
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('50 MB') });
  });

  it('replays the import for the same X-Idempotency-Key and refuses the key with another file', async () => {
    const csv = `orderId,amount\n${orderId('I')},1.00\n`;
    const first = await upload(t, merchant.keys.live, 'orders', csv, { 'x-idempotency-key': 'imp-key-1' });
    const second = await upload(t, merchant.keys.live, 'orders', csv, { 'x-idempotency-key': 'imp-key-1' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    const other = await upload(t, merchant.keys.live, 'orders', `orderId,amount\n${orderId('I')},2.00\n`, { 'x-idempotency-key': 'imp-key-1' });
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('imports products through the upsert engine and order statuses through the status code, both safe to upload again', async () => {
    const productCsv = `externalProductId,name,productUrl,price\nP-1,Shawl,https://${merchant.domain}/p/1,10.00\nP-2,Hat,https://elsewhere.example.org/p/2,5.00\n`;
    const up = await upload(t, merchant.keys.live, 'products', productCsv);
    expect(await finished(up.body.id)).toMatchObject({ rowsSucceeded: 1, rowsFailed: 1 });
    const report = await call(t, merchant.keys.live, 'GET', `/api/v1/imports/${up.body.id}/errors`);
    expect(report.text).toContain('3,productUrl,PRODUCT_URL_NOT_ALLOWED');
    const again = await upload(t, merchant.keys.live, 'products', productCsv);
    expect(await finished(again.body.id)).toMatchObject({ rowsSucceeded: 1, rowsFailed: 1 });
    const rows = await t.platform.db
      .select()
      .from(products)
      .where(and(eq(products.merchantId, merchant.merchantId), eq(products.externalProductId, 'P-1')));
    expect(rows).toHaveLength(1);

    const id = orderId('S');
    await upload(t, merchant.keys.live, 'orders', `orderId,amount\n${id},100.00\n`).then((r) => finished(r.body.id));
    const statusCsv = `orderId,status,refundAmount,occurredAt\n${id},delivered,,\nNOPE-1,shipped,,\n${id},refunded,10.00,2026-01-02T00:00:00Z\n`;
    const status = await upload(t, merchant.keys.live, 'order-status', statusCsv);
    expect(await finished(status.body.id)).toMatchObject({ rowsSucceeded: 2, rowsFailed: 1, rowsDeduplicated: 0 });
    const statusReport = await call(t, merchant.keys.live, 'GET', `/api/v1/imports/${status.body.id}/errors`);
    expect(statusReport.text).toContain('3,orderId,NOT_FOUND');
    const repeat = await upload(t, merchant.keys.live, 'order-status', statusCsv);
    expect(await finished(repeat.body.id)).toMatchObject({ rowsSucceeded: 0, rowsFailed: 1, rowsDeduplicated: 2 });
    const order = await call(t, merchant.keys.live, 'GET', `/api/v1/orders/${id}`);
    expect(order.body).toMatchObject({ status: 'partially_refunded', refundedAmount: '10.00' });
  });

  it("takes the file as a form part from a dashboard session, in the session's mode", async () => {
    const session = await signIn(t, merchant.email);
    const boundary = 'im-boundary';
    const id = orderId('M');
    const form = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orders.csv"\r\nContent-Type: text/csv\r\n\r\norderId,amount\n${id},3.00\n\r\n--${boundary}--\r\n`;
    const created = await session.request('POST', '/api/v1/imports?type=orders', form, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-mode': 'test',
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ fileName: 'orders.csv', livemode: false, type: 'orders' });
    expect(await finished(created.body.id, merchant.keys.test)).toMatchObject({ rowsSucceeded: 1 });
    expect((await call(t, merchant.keys.test, 'GET', `/api/v1/orders/${id}`)).status).toBe(200);
    const badHeader = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\norderId,amout\nX,1\n\r\n--${boundary}--\r\n`;
    const refused = await session.request('POST', '/api/v1/imports?type=orders', badHeader, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'CSV_HEADER_INVALID']);
  });

  it('keeps imports to their merchant and mode', async () => {
    const created = await upload(t, merchant.keys.live, 'orders', `orderId,amount\n${orderId('T')},1.00\n`);
    expect((await call(t, other.keys.live, 'GET', `/api/v1/imports/${created.body.id}`)).status).toBe(404);
    expect((await call(t, merchant.keys.test, 'GET', `/api/v1/imports/${created.body.id}`)).status).toBe(404);
    expect((await call(t, merchant.keys.test, 'GET', `/api/v1/imports/${created.body.id}/errors`)).status).toBe(404);
    const list = await call(t, merchant.keys.test, 'GET', '/api/v1/imports');
    expect(list.body.data.map((i: { id: string }) => i.id)).not.toContain(created.body.id);
    expect((await call(t, merchant.keys.live, 'GET', '/api/v1/imports')).body.data.map((i: { id: string }) => i.id)).toContain(created.body.id);
  });
});

describe(`an import interrupted mid-way on ${backend}`, () => {
  it('resumes after a restart from its last committed batch, applying no row twice', async () => {
    const first = await createTestApp({ listen: true, onDisk: true });
    const owner = await makeMerchant(first);
    const ids = Array.from({ length: 250 }, (_, i) => `R-${String(i).padStart(4, '0')}`);
    const created = await upload(first, owner.keys.live, 'orders', `orderId,amount\n${ids.map((id) => `${id},1.00`).join('\n')}\n`);
    expect(created.status).toBe(202);
    await runImport({ db: first.platform.db, appliers: importAppliers(first.config) }, created.body.id, { maxBatches: 1 });
    const [midway] = await queryRows<{ rows_processed: number; rows_total: number }>(
      first.platform.db,
      sql`select rows_processed, rows_total from imports where id = ${created.body.id}`,
    );
    expect(midway).toEqual({ rows_processed: APPLY_GROUPS, rows_total: 250 });
    await first.close({ keepDatabase: true });

    const second = await createTestApp({ listen: true, reopen: first });
    try {
      await second.platform.worker.runDueJobs();
      const done = await call(second, owner.keys.live, 'GET', `/api/v1/imports/${created.body.id}`);
      expect(done.body).toMatchObject({ status: 'completed', rowsTotal: 250, rowsProcessed: 250, rowsSucceeded: 250, rowsDeduplicated: 0 });
      const [{ n }] = (await second.platform.db.select({ n: count() }).from(orders).where(eq(orders.merchantId, owner.merchantId))) as [{ n: number }];
      expect(n).toBe(250);
    } finally {
      await second.close();
    }
  });
});

describe.runIf(backend === 'postgres')('two workers on one PostgreSQL database', () => {
  it('one of them runs the import; every row is applied once', async () => {
    const owner = await makeMerchant(t);
    const ids = Array.from({ length: 300 }, () => orderId('W'));
    const created = await upload(t, owner.keys.live, 'orders', `orderId,amount\n${ids.map((id) => `${id},1.00`).join('\n')}\n`);
    const secondPlatform = await openPlatform(t.config, pino({ level: 'silent' }));
    secondPlatform.worker.register('import.run', async (job) =>
      runImport({ db: secondPlatform.db, appliers: importAppliers(t.config) }, String(job.payload.importId), { jobId: job.id }),
    );
    try {
      await Promise.all([t.platform.worker.runDueJobs(), secondPlatform.worker.runDueJobs()]);
      const done = await call(t, owner.keys.live, 'GET', `/api/v1/imports/${created.body.id}`);
      expect(done.body).toMatchObject({ status: 'completed', rowsSucceeded: 300, rowsDeduplicated: 0 });
      const [job] = await queryRows<{ attempts: number; status: string }>(
        t.platform.db,
        sql`select attempts, status from jobs where payload->>'importId' = ${created.body.id}`,
      );
      expect(job).toEqual({ attempts: 1, status: 'done' });
    } finally {
      await secondPlatform.database.close();
    }
  });
});
