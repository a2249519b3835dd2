import { and, eq, inArray, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyMerchantReviewed } from '../email/index.ts';
import { merchants } from './merchants.tables.ts';
import { MERCHANT_REVIEW_TRANSITIONS } from './review-transitions.ts';

/** Turn down a merchant application; the reason is shown to the merchant and kept in the audit log. */
export async function rejectMerchant(db: Db, merchantId: string, reviewerId: string | null, reason: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [merchant] = await tx
      .update(merchants)
      .set({ status: 'REJECTED', reviewedAt: sql`now()`, reviewedBy: reviewerId, rejectionReason: reason })
      .where(and(eq(merchants.id, merchantId), inArray(merchants.status, [...MERCHANT_REVIEW_TRANSITIONS.REJECTED])))
      .returning({ id: merchants.id });
    if (!merchant) {
      const [existing] = await tx.select({ status: merchants.status }).from(merchants).where(eq(merchants.id, merchantId));
      if (!existing) throw notFound('Merchant');
      throw new AppError('INVALID_TRANSITION', `Only a merchant pending review can be rejected; this one is ${existing.status}`);
    }
    await recordAudit(tx, { actorUserId: reviewerId, action: 'merchant.rejected', subjectType: 'merchant', subjectId: merchantId, details: { reason } });
    await notifyMerchantReviewed(tx, merchantId, { approved: false, reason });
  });
}
