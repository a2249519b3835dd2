/**
 * Report latency: signed GET /api/v1/reports/summary, /timeseries (90 days) and /affiliates over real
 * HTTP, read from the roll-ups, against the same figures computed straight from the raw clicks,
 * conversions, orders and commissions in the same run (SQL only, no HTTP, which flatters the raw side).
 *
 *   node --import tsx bench/reports.ts                          embedded PGlite in a temporary directory
 *   TEST_DATABASE_URL=postgres://… node --import tsx bench/reports.ts   PostgreSQL (scratch database)
 *
 * BENCH_CLICKS (default 10,000,000) and BENCH_ORDERS (default 200,000) over 90 days for the measured
 * merchant, plus a tenth as much for each of two other merchants beside it; BENCH_REQUESTS (default
 * 100) per report, BENCH_RAW_REQUESTS (default 10) per raw query. Rows are seeded with SQL in chunks,
 * through the roll-up triggers (not timed). Exits non-zero if a report disagrees with the raw figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { buildApp } from '../src/app.ts';
import { approveMerchant, signUpMerchant } from '../src/modules/accounts/accounts.service.ts';
import { ensureClickPartitions } from '../src/modules/tracking/click-partitions.ts';
import { loadConfig } from '../src/platform/config.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { formatMoney } from '../src/platform/money.ts';
import { newUuid } from '../src/platform/ids.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { todayIn } from '../src/modules/reports/report-range.ts';
import { createScratchDatabase } from '../test/support/database.ts';

const CLICKS = Number(process.env.BENCH_CLICKS ?? 10_000_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const RAW_REQUESTS = Number(process.env.BENCH_RAW_REQUESTS ?? 10);
const DAYS = 90;
const AFFILIATES = 200;
const LINKS_PER_AFFILIATE = 5;
const CHUNK = 500_000;
const TZ = 'Asia/Kathmandu';
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

const scratch = adminUrl ? await createScratchDatabase(adminUrl) : undefined;
const dataDir = scratch ? undefined : mkdtempSync(path.join(tmpdir(), 'influencemart-reports-bench-'));
const config = loadConfig(
  { LOG_LEVEL: 'silent' },
  {
    dataDir: dataDir ?? 'memory://',
    databaseUrl: scratch?.url,
    masterKey: '00'.repeat(32),
    port: 0,
    host: '127.0.0.1',
    runWorkers: false,
    rateLimitPerMinute: 0,
  },
);
const log = pino({ level: 'silent' });
const platform = await openPlatform(config, log);
const db = platform.db;
const run = (statement: string) => db.execute(sql.raw(statement));
const q = (value: string) => `'${value.replace(/'/g, "''")}'`;

// Affiliates are rows only (no password hashing): the bench never signs them in.
const affiliateIds = Array.from({ length: AFFILIATES }, (_, i) => `aff_bench_${i}`);
await run(
  `insert into users (id, email, password_hash, role) select 'usr_bench_' || g, 'bench-aff-' || g || '@example.com', 'x', 'affiliate' from generate_series(0, ${AFFILIATES - 1}) g`,
);
await run(
  `insert into affiliates (id, user_id, display_name) select 'aff_bench_' || g, 'usr_bench_' || g, 'Creator ' || g from generate_series(0, ${AFFILIATES - 1}) g`,
);
const affiliateArray = `array[${affiliateIds.map(q).join(',')}]`;

async function merchant(name: string) {
  const { merchantId } = await signUpMerchant(db, {
    email: `${name}@example.com`,
    password: 'correct horse battery',
    businessName: name,
    domains: [`${name}.example.com`],
  });
  const keys = await approveMerchant(db, platform.secrets, merchantId, null);
  const campaigns = [newUuid(), newUuid(), newUuid()];
  for (const [i, id] of campaigns.entries()) {
    const code = `CMP-${name.slice(-3).toUpperCase().padEnd(3, 'X')}${String.fromCharCode(65 + i)}XX`;
    await run(
      `insert into campaigns (id, merchant_id, livemode, campaign_code, title, status, cookie_duration_days) values (${q(id)}, ${q(merchantId)}, true, ${q(code)}, 'Bench ${i}', 'ACTIVE', 30)`,
    );
  }
  return { name, merchantId, keys, campaigns };
}
type Merchant = Awaited<ReturnType<typeof merchant>>;

// Clicks and orders spread evenly over the last 90 days; the roll-up triggers run as they would for
// flushed click batches and order writes (one statement per chunk).
const span = `interval '${DAYS} days'`;
const at = (g: string, n: number) => `now() - ${span} + (${span} * (${g}::double precision / ${n}))`;
const pick = (array: string, g: string, n: number) => `(${array})[1 + (${g}) % ${n}]`;

async function seedClicks(m: Merchant, count: number) {
  const campaigns = `array[${m.campaigns.map((c) => `${q(c)}::uuid`).join(',')}]`;
  for (let start = 1; start <= count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK - 1);
    await run(`insert into clicks (id, link_id, affiliate_id, merchant_id, livemode, campaign_id, clicked_at, ip_hash, sub_ids, attributable)
      select 'clk_${m.name}_' || g, 'lnk_${m.name}_' || (g % ${AFFILIATES * LINKS_PER_AFFILIATE}), ${pick(affiliateArray, `g % ${AFFILIATES * LINKS_PER_AFFILIATE}`, AFFILIATES)},
        ${q(m.merchantId)}, true, ${pick(campaigns, 'g', 3)}, ${at('g', count)}, md5(g::text),
        case when g % 4 = 0 then jsonb_build_object('sub1', 'sub' || (g % 7)) else '{}'::jsonb end, g % 20 <> 0
      from generate_series(${start}, ${end}) g`);
  }
}

async function seedOrders(m: Merchant, count: number) {
  const campaigns = `array[${m.campaigns.map((c) => `${q(c)}::uuid`).join(',')}]`;
  const affiliate = pick(affiliateArray, 'g', AFFILIATES);
  for (let start = 1; start <= count; start += CHUNK) {
    const range = `generate_series(${start}, ${Math.min(count, start + CHUNK - 1)}) g`;
    // One order in twenty is refunded, one in ten is not attributed.
    await run(`insert into orders (id, merchant_id, livemode, order_id, status, fulfilment_status, amount, refunded_amount, currency, occurred_at)
      select 'ord_${m.name}_' || g, ${q(m.merchantId)}, true, 'B-' || g, case when g % 20 = 0 then 'refunded' else 'delivered' end, 'delivered',
        100000 + g % 50000, case when g % 20 = 0 then 100000 + g % 50000 else 0 end, 'NPR', ${at('g', count)} from ${range}`);
    await run(`insert into conversions (id, merchant_id, livemode, order_ref, attributed, unattributed_reason, affiliate_id, campaign_id, link_id, occurred_at)
      select 'cv_${m.name}_' || g, ${q(m.merchantId)}, true, 'ord_${m.name}_' || g, g % 10 <> 0, case when g % 10 = 0 then 'NO_CLICK_ID' end,
        case when g % 10 <> 0 then ${affiliate} end, ${pick(campaigns, 'g', 3)},
        'lnk_${m.name}_' || (g % ${AFFILIATES * LINKS_PER_AFFILIATE}), ${at('g', count)} from ${range}`);
    await run(`insert into commissions (id, merchant_id, livemode, conversion_id, order_ref, affiliate_id, campaign_id, currency, original_amount, amount, status, rate_type, rate_value, rate_source)
      select 'com_${m.name}_' || g, ${q(m.merchantId)}, true, 'cv_${m.name}_' || g, 'ord_${m.name}_' || g, ${affiliate}, ${pick(campaigns, 'g', 3)}, 'NPR',
        10000 + g % 5000, 10000 + g % 5000, case when g % 20 = 0 then 'reversed' when g % 3 = 0 then 'approved' else 'pending' end, 'PERCENTAGE', 1000, 'campaign'
      from ${range} where g % 10 <> 0`);
  }
}

const seedStarted = performance.now();
for (let back = 0; back <= 4; back++) await ensureClickPartitions(db, new Date(Date.now() - back * 30 * 86_400_000));
const measured = await merchant('bench-main');
for (const other of ['bench-other-a', 'bench-other-b']) {
  const m = await merchant(other);
  await seedClicks(m, Math.round(CLICKS / 10));
  await seedOrders(m, Math.round(ORDERS / 10));
}
await seedClicks(measured, CLICKS);
await seedOrders(measured, ORDERS);
if (scratch) await run('analyze');
const seedSeconds = Math.round((performance.now() - seedStarted) / 1000);

const to = todayIn(TZ);
const query = { from: new Date(Date.parse(`${to}T00:00:00Z`) - (DAYS - 1) * 86_400_000).toISOString().slice(0, 10), to, tz: TZ };

// The raw baseline: the same figures from the raw rows, with the same definitions (attributable clicks;
// attributed conversions and their net revenue; commission except reversed and rejected).
const m = q(measured.merchantId);
const window = (column: string) =>
  `${column} >= (${q(query.from)}::date)::timestamp at time zone ${q(TZ)} and ${column} < (${q(query.to)}::date + 1)::timestamp at time zone ${q(TZ)}`;
const day = (column: string) => `((${column} at time zone ${q(TZ)})::date)::text`;
const rawClicks = (
  key: string,
) => `select ${key} as key, count(*) filter (where attributable) as clicks, 0::bigint as conversions, 0::bigint as revenue, 0::bigint as commission
  from clicks where merchant_id = ${m} and livemode and ${window('clicked_at')} group by 1`;
const rawConversions = (
  key: string,
) => `select ${key} as key, 0::bigint, count(*), sum(report_order_revenue(o.amount, o.refunded_amount, o.status)) filter (where o.currency = 'NPR'), 0::bigint
  from conversions c join orders o on o.id = c.order_ref where c.merchant_id = ${m} and c.livemode and c.attributed and ${window('c.occurred_at')} group by 1`;
const rawCommissions = (
  key: string,
) => `select ${key} as key, 0::bigint, 0::bigint, 0::bigint, sum(k.amount) filter (where k.status not in ('reversed', 'rejected') and k.currency = 'NPR')
  from commissions k join conversions c on c.id = k.conversion_id where k.merchant_id = ${m} and k.livemode and ${window('c.occurred_at')} group by 1`;
const rawReport = (keys: [string, string, string], tail = '') =>
  queryRows<{ key: string; clicks: string; conversions: string; revenue: string; commission: string }>(
    db,
    sql.raw(`select key, sum(clicks)::text as clicks, sum(conversions)::text as conversions, coalesce(sum(revenue), 0)::text as revenue, coalesce(sum(commission), 0)::text as commission
      from (${rawClicks(keys[0])} union all ${rawConversions(keys[1])} union all ${rawCommissions(keys[2])}) as raw group by key ${tail}`),
  );
const raw = {
  summary: () => rawReport(["''", "''", "''"]),
  timeseries: () => rawReport([day('clicked_at'), day('c.occurred_at'), day('c.occurred_at')], 'order by key'),
  affiliates: () => rawReport(['affiliate_id', 'c.affiliate_id', 'k.affiliate_id'], 'order by sum(commission) desc nulls last, sum(clicks) desc, key limit 10'),
};

const app = await buildApp(platform, { logger: log });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const client = new InfluencemartClient({ baseUrl: url, ...measured.keys.live });
const api = {
  summary: () => client.reports.getSummary(query),
  timeseries: () => client.reports.getTimeseries(query),
  affiliates: () => client.reports.getAffiliates({ ...query, limit: 10 }),
};

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
async function measure(fn: () => Promise<unknown>, times: number) {
  await fn(); // warm-up, not counted
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await fn();
    ms.push(performance.now() - started);
  }
  return { p50: Number(percentile(ms, 50).toFixed(1)), p95: Number(percentile(ms, 95).toFixed(1)) };
}

// The reports must agree with the raw figures before their speed means anything.
const [summary, rawSummary] = [await api.summary(), (await raw.summary())[0]!];
const [series, rawSeries] = [await api.timeseries(), await raw.timeseries()];
const [top, rawTop] = [await api.affiliates(), await raw.affiliates()];
const mismatches: string[] = [];
const agree = (
  what: string,
  report: { clicks: number; conversions: number; revenue: string; commission: string },
  row: { clicks: string; conversions: string; revenue: string; commission: string } | undefined,
) => {
  const expected = row
    ? [Number(row.clicks), Number(row.conversions), formatMoney(BigInt(row.revenue), 'NPR'), formatMoney(BigInt(row.commission), 'NPR')]
    : [0, 0, '0.00', '0.00'];
  const got = [report.clicks, report.conversions, report.revenue, report.commission];
  if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${what}: report ${JSON.stringify(got)} raw ${JSON.stringify(expected)}`);
};
agree('summary', summary, rawSummary);
const rawByDay = new Map(rawSeries.map((r) => [r.key, r]));
for (const entry of series.data) agree(`day ${entry.date}`, entry, rawByDay.get(entry.date));
for (const [i, entry] of top.data.entries())
  agree(
    `affiliate #${i + 1}`,
    entry,
    rawTop.find((r) => r.key === entry.affiliateId),
  );

const results: Record<string, { report: { p50: number; p95: number }; raw: { p50: number; p95: number }; ratio: number }> = {};
for (const name of ['summary', 'timeseries', 'affiliates'] as const) {
  const report = await measure(api[name], REQUESTS);
  const baseline = await measure(raw[name], RAW_REQUESTS);
  results[name] = { report, raw: baseline, ratio: Number((baseline.p50 / report.p50).toFixed(1)) };
}

const backend = scratch ? 'postgres' : 'pglite';
const [buckets] = await queryRows<{ n: string; merchant: string; affiliate: string }>(
  db,
  sql`select (select count(*) from report_buckets)::text as n, (select count(*) from report_merchant_totals)::text as merchant,
    (select count(*) from report_affiliate_totals)::text as affiliate`,
);
console.log(
  `Reports bench on ${backend}: ${CLICKS} clicks and ${ORDERS} orders over ${DAYS} days for one merchant (two others beside it), seeded in ${seedSeconds} s, ${buckets!.n} quarter-hour buckets, ${buckets!.merchant} merchant and ${buckets!.affiliate} affiliate totals rows (all merchants)`,
);
for (const [name, r] of Object.entries(results)) {
  console.log(
    `  ${name.padEnd(10)} report p50 ${r.report.p50} ms p95 ${r.report.p95} ms (${REQUESTS} requests)   raw p50 ${r.raw.p50} ms p95 ${r.raw.p95} ms (${RAW_REQUESTS})   raw/report ×${r.ratio}`,
  );
}
console.log(
  JSON.stringify({
    backend,
    clicks: CLICKS,
    orders: ORDERS,
    days: DAYS,
    requests: REQUESTS,
    rawRequests: RAW_REQUESTS,
    seedSeconds,
    rollupRows: Number(buckets!.n),
    merchantTotalsRows: Number(buckets!.merchant),
    affiliateTotalsRows: Number(buckets!.affiliate),
    results,
    mismatches: mismatches.length,
  }),
);
for (const line of mismatches.slice(0, 10)) console.error(`mismatch ${line}`);

await app.close(); // closes the database too
await scratch?.drop();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
if (mismatches.length > 0) process.exit(1);
