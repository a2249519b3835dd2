/**
 * Money-out throughput, each figure against raw SQL doing the same writes in the same run:
 * - issuing one statement for 10,000 approved commissions (billing service: merchant lock, the
 *   unbilled and credit queries, statement row, 10,000 lines in chunks, the event) against one
 *   INSERT … SELECT of the lines plus the statement row;
 * - batching 1,000 approved payouts and exporting the rail file (service: SKIP LOCKED claim,
 *   per-payout state transition, audit, per-payout decryption, split rows, CSV) against one UPDATE
 *   plus one join, the same decryption and a plain CSV join.
 *
 *   node --import tsx bench/payouts.ts                        embedded PGlite (in memory)
 *   TEST_DATABASE_URL=postgres://… node --import tsx bench/payouts.ts   PostgreSQL (scratch database)
 * BENCH_ROUNDS (default 3) sets the rounds; each figure is the median. Rows are seeded with SQL
 * (not timed): the conversion path has its own bench.
 */
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { signUpAffiliate, approveMerchant, signUpMerchant } from '../src/modules/accounts/accounts.service.ts';
import { addPayoutMethod } from '../src/modules/affiliates/payout-methods.service.ts';
import { issueStatement } from '../src/modules/billing/issue-statement.ts';
import { createPayoutBatch, exportPayoutBatch } from '../src/modules/payouts/payout-batches.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { newId, newUuid } from '../src/platform/ids.ts';
import { formatMoney } from '../src/platform/money.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { createScratchDatabase } from '../test/support/database.ts';

const COMMISSIONS = 10_000;
const PAYOUTS = 1_000;
const AFFILIATES = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const q = (value: string) => `'${value.replace(/'/g, "''")}'`;

const scratch = adminUrl ? await createScratchDatabase(adminUrl) : undefined;
const config = loadConfig(
  { LOG_LEVEL: 'silent' },
  { dataDir: 'memory://', databaseUrl: scratch?.url, masterKey: '00'.repeat(32), port: 0, host: '127.0.0.1', runWorkers: false },
);
const platform = await openPlatform(config, pino({ level: 'silent' }));
const { db, secrets } = platform;
const run = (statement: string) => db.execute(sql.raw(statement));

async function merchantWithCampaign(name: string) {
  const { merchantId } = await signUpMerchant(db, {
    email: `${name}@example.com`,
    password: 'correct horse battery',
    businessName: name,
    domains: [`${name}.example.com`],
  });
  await approveMerchant(db, secrets, merchantId, null);
  const campaignId = newUuid();
  await run(
    `insert into campaigns (id, merchant_id, livemode, campaign_code, title, status, cookie_duration_days) values (${q(campaignId)}, ${q(merchantId)}, true, ${q(`CMP-${name === 'bench-api-merchant' ? 'BNCHAP' : 'BNCHRW'}`)}, 'Bench', 'ACTIVE', 30)`,
  );
  return { merchantId, campaignId };
}

const affiliateIds: string[] = [];
for (let i = 0; i < AFFILIATES; i++)
  affiliateIds.push((await signUpAffiliate(db, { email: `bench-aff-${i}@example.com`, password: 'correct horse battery' })).affiliateId);
const affiliateArray = `array[${affiliateIds.map(q).join(',')}]`;

/** 10,000 live approved commissions of one merchant, with their orders and conversions. */
async function seedApproved(m: { merchantId: string; campaignId: string }, tag: string) {
  const affiliate = `(${affiliateArray})[1 + g % ${AFFILIATES}]`;
  await run(`insert into orders (id, merchant_id, livemode, order_id, status, fulfilment_status, amount, currency, occurred_at, delivered_at)
    select 'ord_${tag}_' || g, ${q(m.merchantId)}, true, 'B-${tag}-' || g, 'delivered', 'delivered', 100000 + g, 'NPR', now() - interval '30 days', now() - interval '30 days' from generate_series(1, ${COMMISSIONS}) g`);
  await run(`insert into conversions (id, merchant_id, livemode, order_ref, attributed, affiliate_id, campaign_id, occurred_at)
    select 'cv_${tag}_' || g, ${q(m.merchantId)}, true, 'ord_${tag}_' || g, true, ${affiliate}, ${q(m.campaignId)}, now() - interval '30 days' from generate_series(1, ${COMMISSIONS}) g`);
  await run(`insert into commissions (id, merchant_id, livemode, conversion_id, order_ref, affiliate_id, campaign_id, currency, original_amount, amount, status, rate_type, rate_value, rate_source)
    select 'com_${tag}_' || g, ${q(m.merchantId)}, true, 'cv_${tag}_' || g, 'ord_${tag}_' || g, ${affiliate}, ${q(m.campaignId)}, 'NPR', 10000 + g / 10, 10000 + g / 10, 'approved', 'PERCENTAGE', 1000, 'campaign' from generate_series(1, ${COMMISSIONS}) g`);
}

const methodIds: Record<'ESEWA' | 'KHALTI', string[]> = { ESEWA: [], KHALTI: [] };
for (const [i, affiliateId] of affiliateIds.entries()) {
  for (const type of ['ESEWA', 'KHALTI'] as const) {
    const method = await addPayoutMethod(db, secrets, affiliateId, {
      type,
      accountHolderName: `Bench Affiliate ${String.fromCharCode(65 + i)}`,
      mobileNumber: `98${type === 'ESEWA' ? 1 : 2}0000${String(i).padStart(3, '0')}`,
    });
    methodIds[type].push(method.id);
  }
}

/** 1,000 approved payouts of one method; a tenth of them above the wallet limit, so they split. */
async function seedApprovedPayouts(method: 'ESEWA' | 'KHALTI', tag: string) {
  const methods = `array[${methodIds[method].map(q).join(',')}]`;
  const amount = `(case when g % 10 = 0 then 7500000 else 150000 + g end)`;
  await run(`insert into payouts (id, affiliate_id, currency, amount, withholding_percent, withheld_amount, net_amount, payout_method_id, method, status)
    select 'po_${tag}_' || g, (${affiliateArray})[1 + g % ${AFFILIATES}], 'NPR', ${amount}, 0, 0, ${amount}, (${methods})[1 + g % ${AFFILIATES}], '${method}', 'approved' from generate_series(1, ${PAYOUTS}) g`);
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const out = await fn();
  return [performance.now() - started, out];
}

/** The raw baseline of a statement: its row, then every line with one INSERT … SELECT. */
async function rawStatement(merchantId: string, number: number) {
  const id = newId('stm');
  const unbilled = `from commissions c join orders o on o.id = c.order_ref where c.merchant_id = ${q(merchantId)} and c.livemode and c.status = 'approved'
    and not exists (select 1 from statement_lines l where l.commission_id = c.id and l.kind = 'commission')`;
  const [sum] = await queryRows<{ n: number; total: string }>(db, sql.raw(`select count(*)::int as n, coalesce(sum(c.amount), 0)::text as total ${unbilled}`));
  await run(`insert into statements (id, merchant_id, number, currency, status, period_start, period_end, commission_count, commission_total, fee_percent, platform_fee, credits, total, issued_by)
    values (${q(id)}, ${q(merchantId)}, ${number}, 'NPR', 'issued', now(), now(), ${sum!.n}, ${sum!.total}, 0, 0, 0, ${sum!.total}, 'bench')`);
  await run(`insert into statement_lines (statement_id, line_no, kind, commission_id, order_id, affiliate_id, amount)
    select ${q(id)}, row_number() over (order by c.created_at, c.id), 'commission', c.id, o.order_id, c.affiliate_id, c.amount ${unbilled}`);
}

/** The raw baseline of a batch and its export: one UPDATE, one join, the same decryption, a plain CSV. */
async function rawBatch() {
  const id = newId('pob');
  await run(`insert into payout_batches (id, method, currency, count, total, created_by) values (${q(id)}, 'KHALTI', 'NPR', ${PAYOUTS}, 0, 'bench')`);
  await run(`update payouts set status = 'processing', batch_id = ${q(id)}, updated_at = now() where status = 'approved' and method = 'KHALTI'`);
  const rows = await queryRows<{ id: string; net_amount: string; account_holder_name: string; account_sealed: string }>(
    db,
    sql.raw(
      `select p.id, p.net_amount::text, m.account_holder_name, m.account_sealed from payouts p join payout_methods m on m.id = p.payout_method_id where p.batch_id = ${q(id)}`,
    ),
  );
  return rows.map((r) => [r.id, r.account_holder_name, secrets.open(r.account_sealed), formatMoney(BigInt(r.net_amount))].join(',')).join('\n');
}

const api = await merchantWithCampaign('bench-api-merchant');
const raw = await merchantWithCampaign('bench-raw-merchant');
const adminUserId = (
  await queryRows<{ id: string }>(
    db,
    sql`insert into users (id, email, password_hash, role) values (${newId('usr')}, 'bench-admin@example.com', 'x', 'admin') returning id`,
  )
)[0]!.id;

const statementMs: number[] = [];
const rawStatementMs: number[] = [];
const batchMs: number[] = [];
const rawBatchMs: number[] = [];
let exportRows = 0;
for (let round = 0; round <= ROUNDS; round++) {
  await seedApproved(api, `a${round}`);
  await seedApproved(raw, `r${round}`);
  await seedApprovedPayouts('ESEWA', `a${round}`);
  await seedApprovedPayouts('KHALTI', `r${round}`);
  const [s] = await timed(() => issueStatement(db, { merchantId: api.merchantId, currency: 'NPR', actor: 'system' }));
  const [rs] = await timed(() => rawStatement(raw.merchantId, round + 1));
  const [b, file] = await timed(async () => {
    const batch = await createPayoutBatch(db, 'ESEWA', { adminUserId });
    return exportPayoutBatch(db, secrets, batch.id, adminUserId);
  });
  const [rb] = await timed(() => rawBatch());
  exportRows = file.csv.trim().split('\n').length - 1;
  // Round 0 warms up (JIT, first allocations) and is not counted.
  if (round === 0) continue;
  statementMs.push(s);
  rawStatementMs.push(rs);
  batchMs.push(b);
  rawBatchMs.push(rb);
}

const report = {
  backend: scratch ? 'postgres' : 'pglite',
  rounds: ROUNDS,
  commissionsPerStatement: COMMISSIONS,
  statementMs: Math.round(median(statementMs)),
  rawStatementMs: Math.round(median(rawStatementMs)),
  statementRatio: Number((median(statementMs) / median(rawStatementMs)).toFixed(2)),
  payoutsPerBatch: PAYOUTS,
  exportRows,
  batchAndExportMs: Math.round(median(batchMs)),
  rawBatchAndExportMs: Math.round(median(rawBatchMs)),
  batchRatio: Number((median(batchMs) / median(rawBatchMs)).toFixed(2)),
};
console.log(`Money-out bench on ${report.backend}, median of ${ROUNDS} rounds`);
console.log(`  statement of ${COMMISSIONS} commissions   ${report.statementMs} ms   raw SQL ${report.rawStatementMs} ms   ×${report.statementRatio}`);
console.log(
  `  batch of ${PAYOUTS} payouts + export (${exportRows} rows)   ${report.batchAndExportMs} ms   raw SQL ${report.rawBatchAndExportMs} ms   ×${report.batchRatio}`,
);
console.log(JSON.stringify(report));

await platform.database.close();
await scratch?.drop();
