import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/client.ts';
import { proportionOf } from '../../platform/money.ts';
import { expectedLineAmounts } from '../commissions/index.ts';
import {
  commissionEvents,
  commissionLines,
  commissions,
  type CommissionEventRow,
  type CommissionLineRow,
  type CommissionStatus,
} from '../commissions/commissions.tables.ts';
import { isLiveCommission } from '../commissions/index.ts';
import { orders } from '../orders/orders.tables.ts';
import { expectedBalances } from './ledger-movements.ts';
import { LEDGER_ACCOUNTS, ledgerEntries, type LedgerAccount } from './ledger.tables.ts';
import { verifyPayouts } from './verify-payouts.ts';

export interface LedgerMismatch {
  check: string;
  commissionId?: string;
  affiliateId?: string;
  payoutId?: string;
  detail: string;
}

export interface LedgerReport {
  ok: boolean;
  checked: { commissions: number; entries: number; wallets: number; orders: number; payouts: number };
  mismatches: LedgerMismatch[];
}

type WalletKey = string;
const walletKey = (affiliateId: string, livemode: boolean, currency: string, account: LedgerAccount): WalletKey =>
  `${affiliateId}|${livemode}|${currency}|${account}`;

/**
 * Recompute everything the ledger claims from first principles and report every disagreement:
 * each commission's lines from their base and rate, its amount from the order's refunds, its
 * history chain, its entries per balance from its state; every wallet balance as the sum of what
 * its commissions should hold; every order's refunded total from its history.
 */
export async function verifyLedger(db: Executor, options: { batchSize?: number } = {}): Promise<LedgerReport> {
  const batchSize = options.batchSize ?? 500;
  const mismatches: LedgerMismatch[] = [];
  const expectedWallets = new Map<WalletKey, bigint>();
  let checkedCommissions = 0;
  let after = '';
  for (;;) {
    const batch = await db
      .select({ c: commissions, orderAmount: orders.amount, orderRefunded: orders.refundedAmount })
      .from(commissions)
      .innerJoin(orders, eq(orders.id, commissions.orderRef))
      .where(gt(commissions.id, after))
      .orderBy(asc(commissions.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.c.id;
    const ids = batch.map((row) => row.c.id);
    const lines = groupBy(
      await db.select().from(commissionLines).where(inArray(commissionLines.commissionId, ids)).orderBy(asc(commissionLines.lineNo)),
      (l) => l.commissionId,
    );
    const events = groupBy(
      await db.select().from(commissionEvents).where(inArray(commissionEvents.commissionId, ids)).orderBy(asc(commissionEvents.id)),
      (e) => e.commissionId,
    );
    const sums = await db
      .select({ commissionId: ledgerEntries.commissionId, account: ledgerEntries.account, total: sql<string>`sum(${ledgerEntries.amount})::text` })
      .from(ledgerEntries)
      .where(inArray(ledgerEntries.commissionId, ids))
      .groupBy(ledgerEntries.commissionId, ledgerEntries.account);
    const actual = new Map(sums.map((s) => [`${s.commissionId}|${s.account}`, BigInt(s.total)]));

    for (const { c, orderAmount, orderRefunded } of batch) {
      checkedCommissions++;
      const fail = (check: string, detail: string) => mismatches.push({ check, commissionId: c.id, affiliateId: c.affiliateId, detail });
      checkLines(c, lines.get(c.id) ?? [], fail);
      if (isLiveCommission(c.status)) {
        const expected = proportionOf(c.originalAmount, orderAmount - orderRefunded, orderAmount);
        if (c.amount !== expected) fail('commission_amount', `amount ${c.amount} but the order's refunds leave ${expected} of ${c.originalAmount}`);
      }
      checkHistory(c, events.get(c.id) ?? [], fail);
      const expected = expectedBalances(c);
      for (const account of LEDGER_ACCOUNTS) {
        const got = actual.get(`${c.id}|${account}`) ?? 0n;
        if (got !== expected[account]) fail('commission_entries', `${account} entries sum to ${got}, its state says ${expected[account]}`);
        const key = walletKey(c.affiliateId, c.livemode, c.currency, account);
        expectedWallets.set(key, (expectedWallets.get(key) ?? 0n) + expected[account]);
      }
    }
  }

  // Entries must belong to the commission's affiliate, merchant, mode and currency.
  const strays = await queryRows<{ id: string; commission_id: string; affiliate_id: string }>(
    db,
    sql`select e.id, e.commission_id, e.affiliate_id from ledger_entries e join commissions c on c.id = e.commission_id
        where e.affiliate_id <> c.affiliate_id or e.merchant_id <> c.merchant_id or e.livemode <> c.livemode or e.currency <> c.currency`,
  );
  for (const s of strays)
    mismatches.push({
      check: 'entry_owner',
      commissionId: s.commission_id,
      affiliateId: s.affiliate_id,
      detail: `entry ${s.id} does not match its commission`,
    });

  // A payout's own entries (no commission): checked against the payout's state.
  const payoutCount = await verifyPayouts(
    db,
    (affiliateId, livemode, currency, account, amount) => {
      const key = walletKey(affiliateId, livemode, currency, account);
      expectedWallets.set(key, (expectedWallets.get(key) ?? 0n) + amount);
    },
    mismatches,
  );

  // Every wallet balance, as the sum of its entries, against what its commissions say it must be.
  const wallets = await db
    .select({
      affiliateId: ledgerEntries.affiliateId,
      livemode: ledgerEntries.livemode,
      currency: ledgerEntries.currency,
      account: ledgerEntries.account,
      total: sql<string>`sum(${ledgerEntries.amount})::text`,
      entries: sql<string>`count(*)::text`,
    })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.affiliateId, ledgerEntries.livemode, ledgerEntries.currency, ledgerEntries.account);
  const seen = new Set<WalletKey>();
  let entryCount = 0;
  for (const w of wallets) {
    const key = walletKey(w.affiliateId, w.livemode, w.currency, w.account);
    seen.add(key);
    entryCount += Number(w.entries);
    const expected = expectedWallets.get(key) ?? 0n;
    if (BigInt(w.total) !== expected) {
      mismatches.push({
        check: 'wallet_balance',
        affiliateId: w.affiliateId,
        detail: `${w.livemode ? 'live' : 'test'} ${w.currency} ${w.account} balance is ${w.total}, its commissions say ${expected}`,
      });
    }
  }
  for (const [key, expected] of expectedWallets) {
    if (!seen.has(key) && expected !== 0n) {
      const [affiliateId, livemode, currency, account] = key.split('|');
      mismatches.push({
        check: 'wallet_balance',
        affiliateId,
        detail: `${livemode === 'true' ? 'live' : 'test'} ${currency} ${account} has no entries, its commissions say ${expected}`,
      });
    }
  }

  // Orders: the refunded total is the sum of the refunds in their history.
  const refundDrift = await queryRows<{ order_id: string; refunded_amount: bigint; history: bigint }>(
    db,
    sql`select o.id as order_id, o.refunded_amount, coalesce(sum(e.refund_amount), 0)::bigint as history
        from orders o left join order_events e on e.order_id = o.id
        group by o.id, o.refunded_amount having o.refunded_amount <> coalesce(sum(e.refund_amount), 0)`,
  );
  for (const r of refundDrift)
    mismatches.push({ check: 'order_refunds', detail: `order ${r.order_id} says ${r.refunded_amount} refunded, its history ${r.history}` });

  // An attributed conversion always has its commission.
  const missing = await queryRows<{ id: string }>(
    db,
    sql`select v.id from conversions v left join commissions c on c.conversion_id = v.id where v.attributed and c.id is null`,
  );
  for (const m of missing) mismatches.push({ check: 'missing_commission', detail: `attributed conversion ${m.id} has no commission` });

  const [orderCount] = await queryRows<{ n: bigint | string }>(db, sql`select count(*) as n from orders`);
  return {
    ok: mismatches.length === 0,
    checked: { commissions: checkedCommissions, entries: entryCount, wallets: wallets.length, orders: Number(orderCount?.n ?? 0), payouts: payoutCount },
    mismatches,
  };
}

type Fail = (check: string, detail: string) => void;

function checkLines(c: typeof commissions.$inferSelect, lines: CommissionLineRow[], fail: Fail): void {
  if (lines.length === 0) return fail('commission_lines', 'has no lines');
  let total = 0n;
  const ordered = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  const expectedAmounts = expectedLineAmounts(
    ordered.map((line) => ({ type: line.rateType, value: line.rateValue, source: line.rateSource, baseAmountMinor: line.baseAmount, quantity: line.qty })),
  );
  for (const [index, line] of ordered.entries()) {
    const expected = expectedAmounts[index];
    if (line.amount !== expected) fail('commission_lines', `line ${line.lineNo} is ${line.amount}, its base and rate give ${expected}`);
    total += line.amount;
  }
  if (total !== c.originalAmount) fail('commission_total', `original amount ${c.originalAmount} but the lines sum to ${total}`);
}

function checkHistory(c: typeof commissions.$inferSelect, events: CommissionEventRow[], fail: Fail): void {
  const [first] = events;
  if (!first || first.fromStatus !== null || first.toStatus !== 'pending' || first.amountAfter !== c.originalAmount) {
    return fail('commission_history', 'does not start with its creation as pending at the original amount');
  }
  let status: CommissionStatus = first.toStatus;
  let amount = first.amountAfter;
  for (const e of events.slice(1)) {
    if (e.fromStatus !== status || e.amountBefore !== amount) return fail('commission_history', `event ${e.id} does not follow from ${status} at ${amount}`);
    if (e.kind !== 'status' && e.toStatus !== status) return fail('commission_history', `event ${e.id} changes the status without being a status change`);
    status = e.toStatus;
    amount = e.amountAfter;
  }
  if (status !== c.status || amount !== c.amount) fail('commission_history', `history ends at ${status} ${amount}, the commission is ${c.status} ${c.amount}`);
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
