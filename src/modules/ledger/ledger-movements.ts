import type { CommissionStatus } from '../commissions/commissions.tables.ts';
import type { LedgerAccount, LedgerKind } from './ledger.tables.ts';

/**
 * Which wallet balance a commission's money sits in, by status. Pending covers everything not yet
 * settled by the merchant (pending, hold, approved).
 */
export function accountOf(status: CommissionStatus): LedgerAccount | null {
  switch (status) {
    case 'pending':
    case 'hold':
    case 'approved':
      return 'pending';
    case 'payable':
      return 'payable';
    case 'paid':
      return 'paid';
    default:
      return null;
  }
}

export type CommissionChange =
  | { kind: 'created'; amount: bigint }
  | { kind: 'transition'; from: CommissionStatus; to: CommissionStatus; amount: bigint }
  | { kind: 'adjustment'; status: CommissionStatus; before: bigint; after: bigint };

export interface LedgerMovement {
  account: LedgerAccount;
  amount: bigint;
  kind: LedgerKind;
}

/**
 * The ledger entries one commission change writes. Money paid out is never taken back from the
 * paid balance: a reduction or reversal after payment debits the payable balance (a clawback),
 * which the next payout nets off.
 */
export function ledgerMovements(change: CommissionChange): LedgerMovement[] {
  const out: LedgerMovement[] = [];
  const push = (account: LedgerAccount, amount: bigint, kind: LedgerKind) => {
    if (amount !== 0n) out.push({ account, amount, kind });
  };
  switch (change.kind) {
    case 'created':
      push('pending', change.amount, 'commission_earned');
      break;
    case 'adjustment': {
      const reduction = change.before - change.after;
      const account = accountOf(change.status);
      if (account === 'paid') push('payable', -reduction, 'clawback');
      else if (account) push(account, -reduction, 'commission_reduced');
      break;
    }
    case 'transition': {
      const fromAccount = accountOf(change.from);
      const toAccount = accountOf(change.to);
      if (fromAccount === toAccount) break;
      if (change.to === 'reversed' || change.to === 'rejected') {
        if (fromAccount === 'paid') push('payable', -change.amount, 'clawback');
        else if (fromAccount) push(fromAccount, -change.amount, 'commission_reversed');
        break;
      }
      const kind: LedgerKind = toAccount === 'paid' ? 'commission_paid' : 'commission_settled';
      if (fromAccount) push(fromAccount, -change.amount, kind);
      if (toAccount) push(toAccount, change.amount, kind);
      break;
    }
  }
  return out;
}

export interface CommissionMoney {
  status: CommissionStatus;
  amount: bigint;
  /** Set once a payout included it. */
  paidAmount: bigint | null;
}

/**
 * What a commission's entries must sum to in each balance, from its state alone. Used to verify the
 * ledger from first principles.
 */
export function expectedBalances(c: CommissionMoney): Record<LedgerAccount, bigint> {
  const paid = c.paidAmount ?? 0n;
  switch (c.status) {
    case 'pending':
    case 'hold':
    case 'approved':
      return { pending: c.amount, payable: 0n, processing: 0n, paid: 0n };
    case 'payable':
      // A payout's reservation is the payout's own entry, so a reserved commission still reads payable here.
      return { pending: 0n, payable: c.amount, processing: 0n, paid: 0n };
    case 'paid':
      // Refunds after the payout were clawed back from payable.
      return { pending: 0n, payable: -(paid - c.amount), processing: 0n, paid };
    case 'reversed':
    case 'rejected':
      return { pending: 0n, payable: -paid, processing: 0n, paid };
  }
}
