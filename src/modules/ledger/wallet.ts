import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { formatMoney } from '../../platform/money.ts';
import type { LedgerAccount } from './ledger.tables.ts';
import { ledgerEntries } from './ledger.tables.ts';

export interface WalletBalances {
  currency: string;
  pending: bigint;
  payable: bigint;
  paid: bigint;
}

/** An affiliate's balances per currency, each the sum of its entries. Live mode only: test money never shows. */
export async function walletBalances(db: Executor, affiliateId: string): Promise<WalletBalances[]> {
  const rows = await db
    .select({ currency: ledgerEntries.currency, account: ledgerEntries.account, total: sql<string>`sum(${ledgerEntries.amount})::text` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.affiliateId, affiliateId), eq(ledgerEntries.livemode, true)))
    .groupBy(ledgerEntries.currency, ledgerEntries.account);
  const byCurrency = new Map<string, WalletBalances>();
  for (const row of rows) {
    const wallet = byCurrency.get(row.currency) ?? { currency: row.currency, pending: 0n, payable: 0n, paid: 0n };
    wallet[row.account as LedgerAccount] = BigInt(row.total);
    byCurrency.set(row.currency, wallet);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export async function affiliateWallet(db: Executor, affiliateId: string, recent = 20) {
  const balances = await walletBalances(db, affiliateId);
  const entries = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.affiliateId, affiliateId), eq(ledgerEntries.livemode, true)))
    .orderBy(desc(ledgerEntries.seq))
    .limit(recent);
  return {
    livemode: true as const,
    balances: balances.map((b) => ({ currency: b.currency, pending: formatMoney(b.pending, b.currency), payable: formatMoney(b.payable, b.currency), paid: formatMoney(b.paid, b.currency) })),
    recentEntries: entries.map((e) => ({
      id: e.id,
      account: e.account,
      kind: e.kind,
      amount: formatMoney(e.amount, e.currency),
      currency: e.currency,
      commissionId: e.commissionId,
      payoutId: e.payoutId,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
