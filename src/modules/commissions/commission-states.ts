import { AppError } from '../../platform/errors.ts';
import type { CommissionStatus } from './commissions.tables.ts';

/**
 * The commission state machine (SPEC §2), declared once. Every status change goes through
 * `assertCommissionTransition`; nothing else decides what may follow what.
 */
export const COMMISSION_TRANSITIONS: Readonly<Record<CommissionStatus, readonly CommissionStatus[]>> = {
  // Reported, not delivered yet. Cancelled/returned/refunded → reversed; an admin may reject a flagged one.
  pending: ['hold', 'reversed', 'rejected'],
  // Delivered, inside the return window. Matures to approved, or an admin rejects it.
  hold: ['approved', 'reversed', 'rejected'],
  // Kept; waits for the merchant to settle it.
  approved: ['payable', 'reversed'],
  // Settled; sits in the payable balance until a payout includes it.
  payable: ['paid', 'reversed'],
  // Paid out; a later reversal is a clawback.
  paid: ['reversed'],
  reversed: [],
  rejected: [],
};

export function canTransitionCommission(from: CommissionStatus, to: CommissionStatus): boolean {
  return COMMISSION_TRANSITIONS[from].includes(to);
}

export function assertCommissionTransition(from: CommissionStatus, to: CommissionStatus): void {
  if (!canTransitionCommission(from, to)) {
    throw new AppError('INVALID_TRANSITION', `A ${from} commission cannot become ${to}`, [
      { field: 'status', code: 'INVALID_TRANSITION', message: `${from} → ${to} is not allowed`, from, to },
    ]);
  }
}

/** Statuses in which the commission still counts: refunds shrink it, cancellations reverse it. */
export const LIVE_COMMISSION_STATUSES: readonly CommissionStatus[] = ['pending', 'hold', 'approved', 'payable', 'paid'];

export const isLiveCommission = (status: CommissionStatus) => LIVE_COMMISSION_STATUSES.includes(status);
