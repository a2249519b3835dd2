import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { transitionCommission } from './change-commission.ts';
import { lockCommission, type CommissionRecord } from './commission-record.ts';

/**
 * PAYABLE → PAID for the commissions a completed payout included (payouts call this). Each moves its
 * amount from the payable to the paid balance; the entries carry the payout id.
 */
export async function markCommissionsPaid(
  db: Db,
  input: { affiliateId: string; livemode: boolean; commissionIds: string[]; payoutId: string; actor: string },
): Promise<CommissionRecord[]> {
  return inTransaction(db, async (tx) => {
    const out: CommissionRecord[] = [];
    for (const id of [...new Set(input.commissionIds)].sort()) {
      const commission = await lockCommission(tx, id);
      if (!commission || commission.affiliateId !== input.affiliateId || commission.livemode !== input.livemode) {
        throw new AppError('NOT_FOUND', `Commission ${id} not found for this affiliate`);
      }
      out.push(
        await transitionCommission(tx, commission, 'paid', { actor: input.actor, reason: 'payout_completed' }, { paidAmount: commission.amount, payoutId: input.payoutId }),
      );
    }
    return out;
  });
}
