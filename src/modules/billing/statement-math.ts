import { percentageOf } from '../../platform/money.ts';

export interface BilledCommission {
  /** What the earlier statement billed for it. */
  billed: bigint;
  /** What it is worth now (zero once reversed or rejected). */
  current: bigint;
  /** The fee rate of the statement that billed it, in hundredths of a percent. */
  feePercent: number;
  /** Credits already given for it (commission and fee together). */
  credited: bigint;
}

/**
 * The credit a statement owes back for a commission reversed or refunded after it was billed: the
 * part of the commission no longer owed plus the fee charged on that part, less what earlier
 * credits already returned. Never negative: a commission only ever shrinks.
 */
export function creditFor(c: BilledCommission): bigint {
  const returned = c.billed - c.current;
  if (returned <= 0n) return 0n;
  const owed = returned + percentageOf(returned, c.feePercent);
  return owed > c.credited ? owed - c.credited : 0n;
}

export interface StatementTotals {
  commissionCount: number;
  commissionTotal: bigint;
  platformFee: bigint;
  credits: bigint;
  total: bigint;
}

/** The fee is `feePercent` of the commission lines, rounded down; `total = commissions + fee − credits`. */
export function statementTotals(commissionCount: number, commissionTotal: bigint, credits: bigint[], feePercent: number): StatementTotals {
  const creditTotal = credits.reduce((sum, a) => sum + a, 0n);
  const platformFee = percentageOf(commissionTotal, feePercent);
  return { commissionCount, commissionTotal, platformFee, credits: creditTotal, total: commissionTotal + platformFee - creditTotal };
}

export type BillingPeriod = 'weekly' | 'monthly';

/** The start of the billing period `now` falls in (UTC): Monday 00:00 for weekly, the 1st for monthly. */
export function periodStartOf(now: Date, period: BillingPeriod): Date {
  if (period === 'monthly') return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const day = (now.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
}
