import { sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { recordAudit } from '../audit/index.ts';
import { lockPayoutOrThrow, transitionPayout, voidPayout } from './change-payout.ts';
import type { PayoutRow } from './payouts.tables.ts';

/** The affiliate cancels a payout while it is still requested; the money returns to payable. */
export async function cancelPayout(db: Db, affiliateId: string, id: string): Promise<PayoutRow> {
  return inTransaction(db, async (tx) => voidPayout(tx, await lockPayoutOrThrow(tx, id, affiliateId), 'cancelled', { reason: 'cancelled by the affiliate' }));
}

/** The admin approves a requested payout after the safety review. */
export async function approvePayout(db: Db, id: string, adminUserId: string): Promise<PayoutRow> {
  return inTransaction(db, async (tx) => {
    const approved = await transitionPayout(tx, await lockPayoutOrThrow(tx, id), 'approved', {
      reviewedBy: `admin:${adminUserId}`,
      reviewedAt: sql`now()` as never,
    });
    await recordAudit(tx, { actorUserId: adminUserId, action: 'payout.approved', subjectType: 'payout', subjectId: id });
    return approved;
  });
}

/** The admin rejects a requested or approved payout, with a reason the affiliate sees; the money returns to payable. */
export async function rejectPayout(db: Db, id: string, reason: string, adminUserId: string): Promise<PayoutRow> {
  return inTransaction(db, async (tx) => {
    const rejected = await voidPayout(tx, await lockPayoutOrThrow(tx, id), 'rejected', {
      reason,
      reviewedBy: `admin:${adminUserId}`,
      reviewedAt: sql`now()` as never,
    });
    await recordAudit(tx, { actorUserId: adminUserId, action: 'payout.rejected', subjectType: 'payout', subjectId: id, details: { reason } });
    return rejected;
  });
}
