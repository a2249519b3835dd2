/**
 * Catalog throughput: one 5000-item upsert through the real signed API (HTTP, signature check,
 * idempotency record, per-item validation, the set-based write, the per-item report), against
 * inserting the same 5000 rows with one raw multi-row INSERT … VALUES statement in the same run.
 *
 *   node --import tsx bench/catalog.ts                 embedded PGlite (in memory)
 *   TEST_DATABASE_URL=postgres://… node --import tsx bench/catalog.ts   (or DATABASE_URL)
 *                                                      PostgreSQL: a scratch database is created and dropped
 * BENCH_ROUNDS (default 5) sets the rounds; each figure is the median.
 */
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { buildApp } from '../src/app.ts';
import { approveMerchant, signUpMerchant } from '../src/modules/accounts/accounts.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { createScratchDatabase } from '../test/support/database.ts';

const ITEMS = 5000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

const scratch = adminUrl ? await createScratchDatabase(adminUrl) : undefined;
const config = loadConfig(
  { LOG_LEVEL: 'silent' },
  { dataDir: 'memory://', databaseUrl: scratch?.url, masterKey: '00'.repeat(32), port: 0, host: '127.0.0.1', runWorkers: false },
);
const log = pino({ level: 'silent' });
const platform = await openPlatform(config, log);
const app = await buildApp(platform, { logger: log });
const url = await app.listen({ port: 0, host: '127.0.0.1' });

async function merchant(name: string) {
  const domain = `${name}.example.com`;
  const { merchantId } = await signUpMerchant(platform.db, {
    email: `${name}@example.com`,
    password: 'correct horse battery',
    businessName: name,
    domains: [domain],
  });
  const keys = await approveMerchant(platform.db, platform.secrets, merchantId, null);
  return { merchantId, domain, client: new InfluencemartClient({ baseUrl: url, ...keys.test, maxRetries: 0 }) };
}

const items = (domain: string, prefix: string, price: string) =>
  Array.from({ length: ITEMS }, (_, i) => ({
    externalProductId: `${prefix}-${String(i).padStart(5, '0')}`,
    name: `Product ${i} with a realistic name`,
    description: 'A reasonably short description of the product, as catalogs have.',
    productUrl: `https://${domain}/products/${prefix.toLowerCase()}-${i}`,
    imageUrl: `https://cdn.${domain}/img/${i}.jpg`,
    category: ['Electronics', 'Fashion', 'Grocery', 'Home'][i % 4]!,
    brand: 'Acme',
    price,
    currency: 'NPR',
    stockStatus: 'IN_STOCK',
    commissionType: 'PERCENTAGE',
    commissionValue: '10',
  }));

async function timedUpsert(client: InfluencemartClient, body: { products: unknown[] }, expect: 'created' | 'updated'): Promise<number> {
  const started = performance.now();
  const response = await client.post('/api/v1/products/upsert', body);
  const elapsed = performance.now() - started;
  if (response.status !== 202 || response.body[expect] !== ITEMS)
    throw new Error(`upsert answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  return elapsed;
}

/** The same rows as one raw multi-row INSERT … VALUES statement (literals: 5000 rows would exceed 65 535 parameters). */
async function timedRawInsert(merchantId: string, rows: ReturnType<typeof items>): Promise<number> {
  const values = rows
    .map(
      (r) =>
        `(gen_random_uuid(), ${quote(merchantId)}, false, ${quote(r.externalProductId)}, ${quote(r.name)}, ${quote(r.description)}, ${quote(r.productUrl)}, ${quote(r.imageUrl)}, ` +
        `${quote(r.category)}, ${quote(r.brand)}, ${BigInt(r.price.replace('.', ''))}, 'NPR', 'IN_STOCK', 'PERCENTAGE', 1000, 'ACTIVE')`,
    )
    .join(',\n');
  const statement = `insert into products (id, merchant_id, livemode, external_product_id, name, description, product_url, image_url, category, brand, price, currency, stock_status, commission_type, commission_value, status) values ${values}`;
  const started = performance.now();
  await platform.db.execute(sql.raw(statement));
  return performance.now() - started;
}

const api = await merchant('bench-api');
const raw = await merchant('bench-raw');
// Warm-up: JIT, prepared code paths and the first allocations are not what is measured.
await timedUpsert(api.client, { products: items(api.domain, 'WARM', '1.00') }, 'created');
await timedRawInsert(raw.merchantId, items(raw.domain, 'WARM', '1.00'));

const created: number[] = [];
const updated: number[] = [];
const baseline: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const prefix = `R${round}`;
  created.push(await timedUpsert(api.client, { products: items(api.domain, prefix, '2999.00') }, 'created'));
  updated.push(await timedUpsert(api.client, { products: items(api.domain, prefix, '2799.00') }, 'updated'));
  baseline.push(await timedRawInsert(raw.merchantId, items(raw.domain, prefix, '2999.00')));
}

const base = median(baseline);
const report = {
  backend: scratch ? 'postgres' : 'pglite',
  items: ITEMS,
  rounds: ROUNDS,
  rawInsertMs: Math.round(base),
  apiUpsertCreateMs: Math.round(median(created)),
  apiUpsertUpdateMs: Math.round(median(updated)),
  createRatio: Number((median(created) / base).toFixed(2)),
  updateRatio: Number((median(updated) / base).toFixed(2)),
};
console.log(`Catalog bench on ${report.backend}: ${ITEMS} products per call, median of ${ROUNDS} rounds`);
console.log(`  raw multi-row INSERT (baseline)   ${report.rawInsertMs} ms`);
console.log(`  API upsert, all new               ${report.apiUpsertCreateMs} ms   ×${report.createRatio} baseline`);
console.log(`  API upsert, all existing          ${report.apiUpsertUpdateMs} ms   ×${report.updateRatio} baseline`);
console.log(JSON.stringify(report));

await app.close();
await scratch?.drop();
