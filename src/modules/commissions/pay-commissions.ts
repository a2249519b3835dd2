import { inTransaction, type Db, type Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { transitionCommission } from './change-commission.ts';
import { lockCommission, type CommissionRecord } from './commission-record.ts';

/**
 * PAYABLE → PAID for the commissions a payout carried, in the payout's transaction. Each moves its
 * amount from the payable to the paid balance; the entries carry the payout id. A commission
 * reversed while the payout was open is skipped and returned in `skipped` (the payout claws it back).
 */
export async function payCommissions(
  tx: Tx,
  input: { affiliateId: string; commissionIds: string[]; payoutId: string; actor: string },
): Promise<{ paid: CommissionRecord[]; skipped: CommissionRecord[] }> {
  const paid: CommissionRecord[] = [];
  const skipped: CommissionRecord[] = [];
  for (const id of [...new Set(input.commissionIds)].sort()) {
    const commission = await lockCommission(tx, id);
    if (!commission || commission.affiliateId !== input.affiliateId || !commission.livemode)
      throw new AppError('NOT_FOUND', `Commission ${id} not found for this affiliate`);
    if (commission.status !== 'payable') {
      skipped.push(commission);
      continue;
    }
    paid.push(
      await transitionCommission(
        tx,
        commission,
        'paid',
        { actor: input.actor, reason: 'payout_completed' },
        { paidAmount: commission.amount, payoutId: input.payoutId },
      ),
    );
  }
  return { paid, skipped };
}

/** PAYABLE → PAID, all or nothing, outside a payout (tests of the commission lifecycle use it). */
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
        await transitionCommission(
          tx,
          commission,
          'paid',
          { actor: input.actor, reason: 'payout_completed' },
          { paidAmount: commission.amount, payoutId: input.payoutId },
        ),
      );
    }
    return out;
  });
}
