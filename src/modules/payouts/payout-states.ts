import { AppError } from '../../platform/errors.ts';
import type { PayoutStatus } from './payouts.tables.ts';

/**
 * The payout state machine (SPEC §6), declared once. Rejected, cancelled and failed payouts give
 * their money back to the payable balance; paid is final.
 */
export const PAYOUT_TRANSITIONS: Readonly<Record<PayoutStatus, readonly PayoutStatus[]>> = {
  // Waiting for the admin's safety review; the affiliate may still cancel.
  requested: ['approved', 'rejected', 'cancelled'],
  // Reviewed; waits for a batch of its rail. Still rejectable until it is in one.
  approved: ['processing', 'rejected'],
  // In a batch being paid through the rail.
  processing: ['paid', 'failed'],
  paid: [],
  rejected: [],
  cancelled: [],
  failed: [],
};

export function assertPayoutTransition(from: PayoutStatus, to: PayoutStatus): void {
  if (!PAYOUT_TRANSITIONS[from].includes(to)) {
    throw new AppError('INVALID_TRANSITION', `A ${from} payout cannot become ${to}`, [
      { field: 'status', code: 'INVALID_TRANSITION', message: `${from} → ${to} is not allowed`, from, to },
    ]);
  }
}

/** States whose money is back in the payable balance. */
export const VOID_PAYOUT_STATUSES: readonly PayoutStatus[] = ['rejected', 'cancelled', 'failed'];
