/**
 * Conversion throughput: signed POST /api/v1/conversions over real HTTP (signature check,
 * idempotency record, validation, dedup insert, attribution, catalog lookup, commission lines,
 * risk assessment, commission history, ledger entry, domain events), new orders with 1–4 items,
 * against writing the same rows with raw SQL transactions in the same run. Then the retry storm:
 * 8 concurrent reports of each of N orders must leave exactly one conversion per order.
 *
 *   node --import tsx bench/conversions.ts                 embedded PGlite (in memory)
 *   DATABASE_URL=postgres://… node --import tsx bench/conversions.ts
 *                                                          PostgreSQL: a scratch database is created and dropped
 * BENCH_ORDERS (default 300 per round), BENCH_ROUNDS (default 3), BENCH_CONCURRENCY (default 16),
 * BENCH_RETRY_ORDERS (default 100). API and raw rounds alternate so load changes hit both; the
 * figures are medians over the rounds.
 * Exits non-zero if any order ends up with other than one conversion.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { InfluencemartClient, type ApiResponse } from '../sdk/src/index.ts';
import { buildApp } from '../src/app.ts';
import { approveMerchant, signUpAffiliate, signUpMerchant } from '../src/modules/accounts/accounts.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { createScratchDatabase } from '../test/support/database.ts';
import { insertCampaign, insertClick, insertProduct } from '../test/support/conversion-factories.ts';
import { writeOrdersRaw } from './raw-orders.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const RETRY_ORDERS = Number(process.env.BENCH_RETRY_ORDERS ?? 100);
const RETRIES = 8;
const adminUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

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
  email: 'bench@example.com',
  password: 'correct horse battery',
  businessName: 'Bench store',
  domains: ['bench.example.com'],
});
const keys = await approveMerchant(db, platform.secrets, merchantId, null);
const { affiliateId } = await signUpAffiliate(db, { email: 'bench-affiliate@example.com', password: 'correct horse battery' });
const campaign = await insertCampaign(db, { merchantId, livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 800 });
const SKUS = Array.from({ length: 50 }, (_, i) => `SKU-${i}`);
for (const [i, sku] of SKUS.entries()) {
  await insertProduct(db, {
    merchantId,
    livemode: true,
    externalProductId: sku,
    ...(i % 3 === 0 ? { commissionType: 'PERCENTAGE', commissionValue: 500 } : i % 3 === 1 ? { commissionType: 'FIXED', commissionValue: 2500 } : {}),
  });
}
const client = new InfluencemartClient({ baseUrl: url, ...keys.live, maxRetries: 5 });

/** A realistic order: 1–4 lines of catalog products (now and then an unknown SKU), shipping on top. */
function orderBody(orderId: string, clickId: string) {
  const lines = Array.from({ length: 1 + Math.floor(Math.random() * 4) }, () => ({
    sku: Math.random() < 0.1 ? `UNKNOWN-${Math.floor(Math.random() * 100)}` : SKUS[Math.floor(Math.random() * SKUS.length)]!,
    qty: 1 + Math.floor(Math.random() * 3),
    priceMinor: 500 + Math.floor(Math.random() * 500_000),
  }));
  const total = lines.reduce((sum, l) => sum + l.qty * l.priceMinor, 0) + 10_000;
  return {
    orderId,
    clickId,
    amount: (total / 100).toFixed(2),
    currency: 'NPR',
    status: 'confirmed',
    occurredAt: new Date().toISOString(),
    items: lines.map((l) => ({ sku: l.sku, qty: l.qty, price: (l.priceMinor / 100).toFixed(2) })),
    lines,
    total,
  };
}

async function pool(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
}

async function clicksFor(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await insertClick(db, campaign, affiliateId, { clickedAt: new Date(Date.now() - 30 * 60_000) }));
  return ids;
}

// Warm up JIT, caches and connections, outside the timings.
for (const clickId of await clicksFor(20)) {
  const { lines: _l, total: _t, ...body } = orderBody(`WARM-${randomUUID()}`, clickId);
  await client.post('/api/v1/conversions', body);
}

// 1. Through the API.
const latencies: number[] = [];
async function apiRound(round: number): Promise<number> {
  const clickIds = await clicksFor(ORDERS);
  const started = performance.now();
  await pool(ORDERS, async (i) => {
    const { lines: _l, total: _t, ...body } = orderBody(`API-${round}-${i}-${randomUUID()}`, clickIds[i]!);
    const sent = performance.now();
    const response = await client.post('/api/v1/conversions', body);
    latencies.push(performance.now() - sent);
    if (response.status !== 201 || !response.body.attributed)
      throw new Error(`conversion answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  });
  return ORDERS / ((performance.now() - started) / 1000);
}

// 2. The same rows with raw SQL: one transaction per order (13 statements with BEGIN and COMMIT, the
// lines as multi-row inserts like the API's), no lookups, values computed up front.
const rawContext = { merchantId, affiliateId, campaignId: campaign.id, rate: 800 };
async function rawRound(round: number): Promise<number> {
  const clickIds = await clicksFor(ORDERS);
  const started = performance.now();
  await pool(ORDERS, async (i) => writeOrdersRaw(db, rawContext, [orderBody(`RAW-${round}-${i}-${randomUUID()}`, clickIds[i]!)]));
  return ORDERS / ((performance.now() - started) / 1000);
}

const apiRates: number[] = [];
const rawRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  apiRates.push(await apiRound(round));
  rawRates.push(await rawRound(round));
}
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

// 3. Retry storm: 8 concurrent reports of each order (half sharing one idempotency key, half with their own).
const retryClicks = await clicksFor(RETRY_ORDERS);
const failures: string[] = [];
const retryStarted = performance.now();
await pool(RETRY_ORDERS, async (i) => {
  const { lines: _l, total: _t, ...body } = orderBody(`RETRY-${i}-${randomUUID()}`, retryClicks[i]!);
  const sharedKey = randomUUID();
  const responses: ApiResponse[] = await Promise.all(
    Array.from({ length: RETRIES }, (_, r) => client.post('/api/v1/conversions', body, r % 2 === 0 ? sharedKey : randomUUID())),
  );
  const ids = new Set(responses.map((r) => r.body?.conversionId));
  const bad = responses.filter((r) => r.status !== 200 && r.status !== 201);
  if (bad.length > 0 || ids.size !== 1) failures.push(`${body.orderId}: statuses ${responses.map((r) => r.status).join(',')}, ${ids.size} conversion ids`);
});
const retrySeconds = (performance.now() - retryStarted) / 1000;
const [counts] = await queryRows<{ orders: bigint; conversions: bigint; commissions: bigint }>(
  db,
  sql`select count(distinct o.id) as orders, count(distinct v.id) as conversions, count(distinct c.id) as commissions
      from orders o left join conversions v on v.order_ref = o.id left join commissions c on c.order_ref = o.id
      where o.order_id like 'RETRY-%'`,
);
if (counts!.orders !== BigInt(RETRY_ORDERS) || counts!.conversions !== BigInt(RETRY_ORDERS) || counts!.commissions !== BigInt(RETRY_ORDERS)) {
  failures.push(`expected ${RETRY_ORDERS} orders, conversions and commissions, found ${counts!.orders}, ${counts!.conversions}, ${counts!.commissions}`);
}

await app.close();
await scratch?.drop();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
const apiRate = median(apiRates);
const rawRate = median(rawRates);
const backend = scratch ? 'PostgreSQL' : 'PGlite (in memory)';
process.stdout.write(
  [
    `Conversions on ${backend}: ${ROUNDS} rounds of ${ORDERS} orders each way, concurrency ${CONCURRENCY} (medians)`,
    `  signed API over HTTP   ${apiRate.toFixed(1)} conversions/s   (rounds ${apiRates.map((r) => r.toFixed(1)).join(', ')}; p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms)`,
    `  raw SQL transactions   ${rawRate.toFixed(1)} orders/s         (rounds ${rawRates.map((r) => r.toFixed(1)).join(', ')}; same rows, no lookups, no HTTP)`,
    `  ratio API / raw SQL    ${(apiRate / rawRate).toFixed(2)}`,
    `Retry storm: ${RETRY_ORDERS} orders × ${RETRIES} concurrent reports in ${retrySeconds.toFixed(1)} s → ${counts!.conversions} conversions, ${counts!.commissions} commissions`,
    failures.length ? `FAILED:\n  ${failures.slice(0, 20).join('\n  ')}` : 'OK: exactly one conversion per order',
  ].join('\n') + '\n',
);
process.exitCode = failures.length ? 1 : 0;
