import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { merchants, type MerchantStatus } from './merchants.tables.ts';
import { MERCHANT_STANDING_TRANSITIONS } from './review-transitions.ts';

/**
 * Suspend an approved store: its API keys stop authenticating and its links keep redirecting
 * buyers but mint no attributable clicks (both read the merchant's status). The reason is shown to
 * the merchant. Callers announce the change so cached links forget the store at once.
 */
export async function suspendMerchant(db: Db, merchantId: string, adminUserId: string, reason: string): Promise<void> {
  await changeStanding(db, merchantId, adminUserId, 'SUSPENDED', reason);
}

/** Lift a suspension: keys and links work again. */
export async function reinstateMerchant(db: Db, merchantId: string, adminUserId: string): Promise<void> {
  await changeStanding(db, merchantId, adminUserId, 'APPROVED', null);
}

async function changeStanding(db: Db, merchantId: string, adminUserId: string, to: keyof typeof MERCHANT_STANDING_TRANSITIONS, reason: string | null) {
  const from: MerchantStatus = MERCHANT_STANDING_TRANSITIONS[to];
  await inTransaction(db, async (tx) => {
    const [changed] = await tx
      .update(merchants)
      .set({ status: to, suspensionReason: reason, reviewedAt: sql`now()`, reviewedBy: adminUserId })
      .where(and(eq(merchants.id, merchantId), eq(merchants.status, from)))
      .returning({ id: merchants.id });
    if (!changed) {
      const [existing] = await tx.select({ status: merchants.status }).from(merchants).where(eq(merchants.id, merchantId));
      if (!existing) throw notFound('Merchant');
      throw new AppError(
        'INVALID_TRANSITION',
        `Only a ${from.toLowerCase()} merchant can be ${to === 'SUSPENDED' ? 'suspended' : 'reinstated'}; this one is ${existing.status}`,
      );
    }
    const action = to === 'SUSPENDED' ? 'merchant.suspended' : 'merchant.reinstated';
    await recordAudit(tx, { actorUserId: adminUserId, action, subjectType: 'merchant', subjectId: merchantId, details: reason ? { reason } : {} });
  });
}
