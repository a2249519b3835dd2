import { inTransaction, type Db, type Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { transitionCommission } from './change-commission.ts';
import { lockCommission, type CommissionRecord } from './commission-record.ts';

/**
 * APPROVED → PAYABLE for commissions the merchant has paid for, in the caller's transaction (billing
 * calls this when a statement is paid in full). Commissions reversed since they were billed are
 * skipped: the merchant gets them back as a credit on the next statement.
 */
export async function settleBilledCommissions(
  tx: Tx,
  input: { merchantId: string; commissionIds: string[]; actor: string; reason: string },
): Promise<CommissionRecord[]> {
  const out: CommissionRecord[] = [];
  // Sorted ids: concurrent settlements lock in the same order and cannot deadlock.
  for (const id of [...new Set(input.commissionIds)].sort()) {
    const commission = await lockCommission(tx, id, { merchantId: input.merchantId, livemode: true });
    if (!commission || commission.status !== 'approved') continue;
    out.push(await transitionCommission(tx, commission, 'payable', { actor: input.actor, reason: input.reason }));
  }
  return out;
}

/**
 * APPROVED → PAYABLE, all or nothing: one commission that is not approved, or not the merchant's,
 * fails the whole settlement.
 */
export async function markCommissionsPayable(
  db: Db,
  input: { merchantId: string; livemode: boolean; commissionIds: string[]; actor: string; reason?: string },
): Promise<CommissionRecord[]> {
  return inTransaction(db, async (tx) => {
    const out: CommissionRecord[] = [];
    for (const id of [...new Set(input.commissionIds)].sort()) {
      const commission = await lockCommission(tx, id, { merchantId: input.merchantId, livemode: input.livemode });
      if (!commission) throw new AppError('NOT_FOUND', `Commission ${id} not found`);
      out.push(await transitionCommission(tx, commission, 'payable', { actor: input.actor, reason: input.reason ?? 'merchant_settled' }));
    }
    return out;
  });
}
