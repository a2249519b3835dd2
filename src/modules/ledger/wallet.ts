import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { formatMoney } from '../../platform/money.ts';
import { commissions } from '../commissions/commissions.tables.ts';
import { orders } from '../orders/orders.tables.ts';
import { getPlatformSettings } from '../platform-settings/index.ts';
import type { LedgerAccount } from './ledger.tables.ts';
import { ledgerEntries } from './ledger.tables.ts';

export interface WalletBalances {
  currency: string;
  pending: bigint;
  payable: bigint;
  processing: bigint;
  paid: bigint;
}

const emptyWallet = (currency: string): WalletBalances => ({ currency, pending: 0n, payable: 0n, processing: 0n, paid: 0n });

/** An affiliate's balances per currency, each the sum of its entries. Live mode only: test money never shows. */
export async function walletBalances(db: Executor, affiliateId: string): Promise<WalletBalances[]> {
  const rows = await db
    .select({ currency: ledgerEntries.currency, account: ledgerEntries.account, total: sql<string>`sum(${ledgerEntries.amount})::text` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.affiliateId, affiliateId), eq(ledgerEntries.livemode, true)))
    .groupBy(ledgerEntries.currency, ledgerEntries.account);
  const byCurrency = new Map<string, WalletBalances>();
  for (const row of rows) {
    const wallet = byCurrency.get(row.currency) ?? emptyWallet(row.currency);
    wallet[row.account as LedgerAccount] = BigInt(row.total);
    byCurrency.set(row.currency, wallet);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The payable balance of one currency, read inside the caller's transaction. */
export async function payableBalance(db: Executor, affiliateId: string, currency: string): Promise<bigint> {
  return (await walletBalances(db, affiliateId)).find((w) => w.currency === currency)?.payable ?? 0n;
}

/** Entries that take settled money back: refunds and reversals after settlement, and clawbacks after payment. */
const ADJUSTMENT_KINDS = ['commission_reduced', 'commission_reversed', 'clawback'] as const;

export async function affiliateWallet(db: Executor, affiliateId: string, recent = 20) {
  const balances = await walletBalances(db, affiliateId);
  const mine = and(eq(ledgerEntries.affiliateId, affiliateId), eq(ledgerEntries.livemode, true));
  const entries = await db.select().from(ledgerEntries).where(mine).orderBy(desc(ledgerEntries.seq)).limit(recent);
  const adjustments = await db
    .select({ entry: ledgerEntries, orderId: orders.orderId })
    .from(ledgerEntries)
    .leftJoin(commissions, eq(commissions.id, ledgerEntries.commissionId))
    .leftJoin(orders, eq(orders.id, commissions.orderRef))
    .where(and(mine, eq(ledgerEntries.account, 'payable'), inArray(ledgerEntries.kind, [...ADJUSTMENT_KINDS])))
    .orderBy(desc(ledgerEntries.seq))
    .limit(100);
  const entryView = (e: typeof ledgerEntries.$inferSelect) => ({
    id: e.id,
    account: e.account,
    kind: e.kind,
    amount: formatMoney(e.amount, e.currency),
    currency: e.currency,
    commissionId: e.commissionId,
    payoutId: e.payoutId,
    createdAt: e.createdAt.toISOString(),
  });
  const settings = await getPlatformSettings(db);
  return {
    livemode: true as const,
    minimumPayout: formatMoney(settings.minimumPayout, settings.currency),
    balances: balances.map((b) => ({
      currency: b.currency,
      pending: formatMoney(b.pending, b.currency),
      payable: formatMoney(b.payable, b.currency),
      processing: formatMoney(b.processing, b.currency),
      paid: formatMoney(b.paid, b.currency),
    })),
    recentEntries: entries.map(entryView),
    adjustments: adjustments.map((a) => ({ ...entryView(a.entry), orderId: a.orderId })),
  };
}
