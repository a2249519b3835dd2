import type { LedgerMovement } from './ledger-movements.ts';
import type { LedgerAccount } from './ledger.tables.ts';

/**
 * A payout moves money like a two-phase transfer. Requesting it reserves its amount (payable →
 * processing); paying it posts it; rejecting, cancelling or failing it voids the reservation. These
 * are the payout's own entries (no commission); the commissions it pays move payable → paid with
 * their own entries, in the same transaction as the posting.
 */
export type PayoutChange =
  | { kind: 'reserve'; amount: bigint }
  | { kind: 'release'; amount: bigint }
  | {
      kind: 'post';
      amount: bigint;
      /** The clawbacks this payout nets: paying it settles them. */
      netted: bigint;
      /** What it carried for commissions reversed or refunded while it was open: paid anyway, so clawed back. */
      shortfall: bigint;
      withheld: bigint;
    };

export function payoutMovements(change: PayoutChange): LedgerMovement[] {
  const out: LedgerMovement[] = [];
  const push = (account: LedgerAccount, amount: bigint, kind: LedgerMovement['kind']) => {
    if (amount !== 0n) out.push({ account, amount, kind });
  };
  switch (change.kind) {
    case 'reserve':
      push('payable', -change.amount, 'payout_reserved');
      push('processing', change.amount, 'payout_reserved');
      break;
    case 'release':
      push('processing', -change.amount, 'payout_released');
      push('payable', change.amount, 'payout_released');
      break;
    case 'post':
      // The reservation ends; the commissions' own payable → paid entries follow.
      push('processing', -change.amount, 'payout_posted');
      push('payable', change.amount, 'payout_posted');
      push('payable', change.netted, 'clawback_netted');
      push('paid', -change.netted, 'clawback_netted');
      // The payable leg is a new clawback a later payout nets; the paid leg records that it was paid.
      push('payable', -change.shortfall, 'clawback');
      push('paid', change.shortfall, 'clawback');
      push('paid', -change.withheld, 'withholding');
      break;
  }
  return out;
}

export type PayoutLedgerState = 'open' | 'void' | 'paid';

export interface PayoutMoney {
  state: PayoutLedgerState;
  amount: bigint;
  netted: bigint;
  shortfall: bigint;
  withheld: bigint;
}

/** What a payout's own entries must sum to in each balance, from its state alone. */
export function expectedPayoutBalances(p: PayoutMoney): Record<LedgerAccount, bigint> {
  switch (p.state) {
    case 'open':
      return { pending: 0n, payable: -p.amount, processing: p.amount, paid: 0n };
    case 'void':
      return { pending: 0n, payable: 0n, processing: 0n, paid: 0n };
    case 'paid':
      return { pending: 0n, payable: p.netted - p.shortfall, processing: 0n, paid: p.shortfall - p.netted - p.withheld };
  }
}
