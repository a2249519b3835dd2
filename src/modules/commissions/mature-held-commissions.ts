import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { orders } from '../orders/orders.tables.ts';
import { transitionCommission } from './change-commission.ts';
import { commissions } from './commissions.tables.ts';

export const MATURE_JOB = 'commissions.mature';

export interface MaturationResult {
  approved: number;
  /** Hold ended, but risk flagged them: they wait for an admin decision. */
  waitingForReview: number;
}

/**
 * HOLD → APPROVED for every commission whose hold has ended and that risk did not flag (or an admin
 * cleared). Batches are claimed with SKIP LOCKED, so several workers never approve one twice and an
 * order update in flight is never waited on.
 */
export async function matureHeldCommissions(db: Db, options: { now?: Date; batchSize?: number } = {}): Promise<MaturationResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 200;
  let approved = 0;
  for (;;) {
    const done = await inTransaction(db, async (tx) => {
      const due = await tx
        .select({ commission: commissions, orderId: orders.orderId })
        .from(commissions)
        .innerJoin(orders, eq(orders.id, commissions.orderRef))
        .where(and(eq(commissions.status, 'hold'), lte(commissions.holdUntil, now), inArray(commissions.reviewStatus, ['not_required', 'approved'])))
        .orderBy(asc(commissions.holdUntil))
        .limit(batchSize)
        .for('update', { of: commissions, skipLocked: true });
      for (const row of due) {
        await transitionCommission(tx, { ...row.commission, orderId: row.orderId }, 'approved', { actor: 'system', reason: 'hold_ended' });
      }
      return due.length;
    });
    approved += done;
    if (done < batchSize) break;
  }
  const [waiting] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(commissions)
    .where(and(eq(commissions.status, 'hold'), lte(commissions.holdUntil, now), eq(commissions.reviewStatus, 'required')));
  return { approved, waitingForReview: waiting?.count ?? 0 };
}
