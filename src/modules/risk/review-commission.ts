import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordReviewDecision, transitionCommission } from '../commissions/index.ts';
import { lockCommission, type CommissionRecord } from '../commissions/index.ts';

function assertWaiting(commission: CommissionRecord | null): CommissionRecord {
  if (!commission) throw notFound('Commission');
  if (commission.reviewStatus !== 'required' || (commission.status !== 'pending' && commission.status !== 'hold')) {
    throw new AppError(
      'INVALID_TRANSITION',
      `This commission is not waiting for a risk review (it is ${commission.status}, review ${commission.reviewStatus})`,
    );
  }
  return commission;
}

/**
 * An admin clears a flagged commission. If its hold has already ended it is approved now;
 * otherwise it matures like any other when the hold ends.
 */
export async function approveRiskReview(db: Db, commissionId: string, adminUserId: string, now = new Date()): Promise<CommissionRecord> {
  return inTransaction(db, async (tx) => {
    const commission = assertWaiting(await lockCommission(tx, commissionId));
    const ctx = { actor: `admin:${adminUserId}`, reason: 'risk_review_approved' };
    if (commission.status === 'hold' && commission.holdUntil && commission.holdUntil <= now) {
      return transitionCommission(tx, commission, 'approved', ctx, { reviewStatus: 'approved' });
    }
    return recordReviewDecision(tx, commission, 'approved', ctx);
  });
}

/** An admin rejects a flagged commission: it leaves the affiliate's pending balance for good. */
export async function rejectRiskReview(db: Db, commissionId: string, adminUserId: string, note?: string): Promise<CommissionRecord> {
  return inTransaction(db, async (tx) => {
    const commission = assertWaiting(await lockCommission(tx, commissionId));
    return transitionCommission(
      tx,
      commission,
      'rejected',
      { actor: `admin:${adminUserId}`, reason: note ? `risk_review_rejected: ${note}` : 'risk_review_rejected' },
      { reviewStatus: 'rejected' },
    );
  });
}
