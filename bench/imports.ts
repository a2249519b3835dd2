/**
 * CSV order import throughput: the same kind of orders three ways in one run.
 *   1. a CSV file of BENCH_ROWS order rows (one line per order, each on its own recorded click)
 *      uploaded through the signed API and applied by the import job, with the process's RSS
 *      sampled at every tenth of the rows;
 *   2. orders posted to POST /api/v1/conversions by BENCH_CONCURRENCY signed clients over HTTP;
 *   3. the same rows written with raw SQL, BENCH_BATCH orders per transaction (the import's batch).
 *
 *   node --expose-gc --import tsx bench/imports.ts         embedded PGlite (in memory)
 *   TEST_DATABASE_URL=postgres://… node --expose-gc --import tsx bench/imports.ts
 *                                                          PostgreSQL: a scratch database is created and dropped
 * BENCH_ROWS (default 100,000), BENCH_API_ORDERS (default BENCH_ROWS), BENCH_RAW_ORDERS (default
 * BENCH_ROWS), BENCH_CONCURRENCY (16), BENCH_BATCH (200). The API is the slow side: at a few hundred
 * orders a second a smaller BENCH_API_ORDERS measures the same rate sooner.
 * Exits non-zero if any row of the import fails or any order is missing afterwards.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { buildApp } from '../src/app.ts';
import { imports } from '../src/modules/imports/imports.tables.ts';
import { approveMerchant, signUpAffiliate, signUpMerchant } from '../src/modules/accounts/accounts.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { createScratchDatabase } from '../test/support/database.ts';
import { insertCampaign, insertLink, insertProduct } from '../test/support/conversion-factories.ts';
import { writeOrdersRaw, type RawOrder } from './raw-orders.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const API_ORDERS = Number(process.env.BENCH_API_ORDERS ?? ROWS);
const RAW_ORDERS = Number(process.env.BENCH_RAW_ORDERS ?? ROWS);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

const scratch = adminUrl ? await createScratchDatabase(adminUrl) : undefined;
const config = loadConfig(
  { LOG_LEVEL: 'silent' },
  { dataDir: 'memory://', databaseUrl: scratch?.url, masterKey: '00'.repeat(32), port: 0, host: '127.0.0.1', runWorkers: false, rateLimitPerMinute: 0 },
);
const log = pino({ level: 'silent' });
const platform = await openPlatform(config, log);
const app = await buildApp(platform, { logger: log });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const db = platform.db;

const { merchantId } = await signUpMerchant(db, {
  email: 'bench-import@example.com',
  password: 'correct horse battery',
  businessName: 'Bench store',
  domains: ['bench.example.com'],
});
const keys = (await approveMerchant(db, platform.secrets, merchantId, null)).live;
const { affiliateId } = await signUpAffiliate(db, { email: 'bench-import-affiliate@example.com', password: 'correct horse battery' });
const campaign = await insertCampaign(db, { merchantId, livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 800 });
const SKUS = Array.from({ length: 50 }, (_, i) => `SKU-${i}`);
for (const sku of SKUS) await insertProduct(db, { merchantId, livemode: true, externalProductId: sku });
const link = await insertLink(db, { affiliateId, merchantId, livemode: true, campaignId: campaign.id });
const client = new InfluencemartClient({ baseUrl: url, ...keys, maxRetries: 5 });

/** `count` attributable clicks (ids of the click-id shape: the prefix and 19 digits) on the bench link, ten minutes old, written in one statement; their ids. */
async function clicks(prefix: string, count: number): Promise<string[]> {
  await db.execute(sql`insert into clicks (id, link_id, affiliate_id, merchant_id, livemode, campaign_id, clicked_at, ip_hash, attributable)
    select ${`clk_${prefix}`} || lpad(i::text, 19, '0'), ${link.id}, ${affiliateId}, ${merchantId}, true, ${campaign.id}, now() - interval '10 minutes', md5(${prefix} || i), true
    from generate_series(1, ${count}) as i`);
  return Array.from({ length: count }, (_, i) => `clk_${prefix}${String(i + 1).padStart(19, '0')}`);
}

/** One-line orders on the given clicks: a catalog SKU, 1–3 units, the amount with shipping on top. */
function orders(prefix: string, clickIds: string[]): RawOrder[] {
  return clickIds.map((clickId, i) => {
    const line = { sku: SKUS[i % SKUS.length]!, qty: 1 + (i % 3), priceMinor: 500 + ((i * 7919) % 500_000) };
    return { orderId: `${prefix}-${i}-${randomUUID().slice(0, 8)}`, clickId, total: line.qty * line.priceMinor + 10_000, lines: [line] };
  });
}

const money = (minor: number) => (minor / 100).toFixed(2);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

// 1. The CSV import.
async function importRun() {
  const batch = orders('CSV', await clicks('csv', ROWS));
  const file = path.join(tmpdir(), `bench-orders-${randomUUID()}.csv`);
  const out = createWriteStream(file);
  out.write('orderId,clickId,occurredAt,currency,amount,status,sku,qty,price\n');
  const occurredAt = new Date().toISOString();
  for (const o of batch) {
    const l = o.lines[0]!;
    if (!out.write(`${o.orderId},${o.clickId},${occurredAt},NPR,${money(o.total)},confirmed,${l.sku},${l.qty},${money(l.priceMinor)}\n`))
      await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const bytes = statSync(file).size;

  const rssAtStart = process.memoryUsage().rss;
  let peak = rssAtStart;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const ts = String(Math.floor(Date.now() / 1000));
  const target = '/api/v1/imports?type=orders';
  const hmac = createHmac('sha256', keys.signingSecret).update(`${ts}.POST.${target}.`);
  for await (const chunk of createReadStream(file)) hmac.update(chunk as Buffer);
  const response = await fetch(`${url}${target}`, {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      'content-length': String(bytes),
      authorization: `Bearer ${keys.publishableKey}`,
      'x-timestamp': ts,
      'x-signature': hmac.digest('hex'),
    },
    body: createReadStream(file) as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit);
  const created = (await response.json()) as { id: string };
  if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${JSON.stringify(created)}`);
  const uploadSeconds = (performance.now() - started) / 1000;

  // RSS at each tenth of the rows processed: flat memory means these stay level as the rows go by.
  const byTenth: number[] = [];
  const progress = setInterval(() => {
    void db
      .select({ done: imports.rowsProcessed, total: imports.rowsTotal })
      .from(imports)
      .where(eq(imports.id, created.id))
      .then(([row]) => {
        if (!row?.total) return;
        const tenth = Math.floor((row.done / row.total) * 10);
        // With --expose-gc the sample is what the process keeps, not garbage not yet collected.
        (globalThis as { gc?: () => void }).gc?.();
        while (byTenth.length < tenth) byTenth.push(mb(process.memoryUsage().rss));
      });
  }, 250);
  await platform.worker.runDueJobs();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(progress);
  clearInterval(sampler);
  rmSync(file, { force: true });
  const [view] = await db.select().from(imports).where(eq(imports.id, created.id));
  return { rate: ROWS / seconds, seconds, uploadSeconds, megabytes: bytes / 1024 / 1024, view: view!, rssStartMb: mb(rssAtStart), peakMb: mb(peak), byTenth };
}

async function pool(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
}

// 2. The JSON API, concurrent signed clients.
async function apiRun() {
  const batch = orders('API', await clicks('api', API_ORDERS));
  const occurredAt = new Date().toISOString();
  const started = performance.now();
  await pool(batch.length, async (i) => {
    const o = batch[i]!;
    const l = o.lines[0]!;
    const body = {
      orderId: o.orderId,
      clickId: o.clickId,
      occurredAt,
      currency: 'NPR',
      amount: money(o.total),
      status: 'confirmed',
      items: [{ sku: l.sku, qty: l.qty, price: money(l.priceMinor) }],
    };
    const answer = await client.post('/api/v1/conversions', body);
    if (answer.status !== 201 || !answer.body.attributed) throw new Error(`conversion answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  });
  return { rate: API_ORDERS / ((performance.now() - started) / 1000) };
}

// 3. Raw SQL, one transaction per batch.
async function rawRun() {
  const batch = orders('RAW', await clicks('raw', RAW_ORDERS));
  const context = { merchantId, affiliateId, campaignId: campaign.id, rate: 800 };
  const started = performance.now();
  for (let i = 0; i < batch.length; i += BATCH) await writeOrdersRaw(db, context, batch.slice(i, i + BATCH));
  return { rate: RAW_ORDERS / ((performance.now() - started) / 1000) };
}

const baselineMb = mb(process.memoryUsage().rss);
const csv = await importRun();
const api = await apiRun();
const raw = await rawRun();

const [counts] = await queryRows<{ imported: bigint; attributed: bigint; commissions: bigint }>(
  db,
  sql`select count(distinct o.id) as imported, count(distinct v.id) filter (where v.attributed) as attributed, count(distinct c.id) as commissions
      from orders o join conversions v on v.order_ref = o.id left join commissions c on c.order_ref = o.id
      where o.merchant_id = ${merchantId} and o.order_id like 'CSV-%'`,
);
await app.close();
await scratch?.drop();

const failures: string[] = [];
if (csv.view.status !== 'completed' || csv.view.rowsSucceeded !== ROWS)
  failures.push(`import ${csv.view.status}: ${csv.view.rowsSucceeded} of ${ROWS} rows succeeded, ${csv.view.rowsFailed} failed`);
if (Number(counts!.imported) !== ROWS || Number(counts!.attributed) !== ROWS || Number(counts!.commissions) !== ROWS) {
  failures.push(
    `expected ${ROWS} attributed orders with commissions, found ${counts!.imported} orders, ${counts!.attributed} attributed, ${counts!.commissions} commissions`,
  );
}
const backend = scratch ? 'PostgreSQL' : 'PGlite (in memory)';
process.stdout.write(
  [
    `Order imports on ${backend} (baseline RSS ${baselineMb} MB)`,
    `  CSV import        ${csv.rate.toFixed(0).padStart(6)} rows/s   ${ROWS} rows, ${csv.megabytes.toFixed(1)} MB, ${csv.seconds.toFixed(1)} s (upload and header check ${csv.uploadSeconds.toFixed(1)} s)`,
    `                    RSS ${csv.rssStartMb} MB at the start, peak ${csv.peakMb} MB; at each tenth of the rows: ${csv.byTenth.join(', ')} MB`,
    `  JSON API          ${api.rate.toFixed(0).padStart(6)} orders/s ${API_ORDERS} orders, ${CONCURRENCY} concurrent signed clients`,
    `  raw SQL           ${raw.rate.toFixed(0).padStart(6)} orders/s ${RAW_ORDERS} orders, ${BATCH} per transaction`,
    `  import / API      ${(csv.rate / api.rate).toFixed(2)}×`,
    `  import / raw SQL  ${(csv.rate / raw.rate).toFixed(2)}`,
    failures.length ? `FAILED:\n  ${failures.join('\n  ')}` : 'OK: every row imported, attributed, with its commission',
  ].join('\n') + '\n',
);
process.exitCode = failures.length ? 1 : 0;
