import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { issueKeyPair, type IssuedKeyPair } from '../api-keys/index.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyMerchantReviewed } from '../email/index.ts';
import { merchantDomains, merchants } from './merchants.tables.ts';
import { MERCHANT_REVIEW_TRANSITIONS } from './review-transitions.ts';

export interface MerchantApproval {
  merchantId: string;
  test: IssuedKeyPair;
  live: IssuedKeyPair;
}

export interface ApproveOptions {
  /**
   * Whether the caller shows the signing secrets to the merchant now (the command line does). When an
   * admin approves in the dashboard the secrets are shown to nobody; the merchant reveals each once.
   */
  secretsShown?: boolean;
}

/**
 * Approve a merchant (and the domains it signed up with) and issue its test and live key pairs.
 * The signing secrets are in the result and nowhere else in the clear.
 */
export async function approveMerchant(
  db: Db,
  secrets: SecretBox,
  merchantId: string,
  reviewerId: string | null,
  options: ApproveOptions = {},
): Promise<MerchantApproval> {
  return inTransaction(db, async (tx) => {
    const [merchant] = await tx
      .update(merchants)
      .set({ status: 'APPROVED', reviewedAt: sql`now()`, reviewedBy: reviewerId, rejectionReason: null })
      .where(and(eq(merchants.id, merchantId), inArray(merchants.status, [...MERCHANT_REVIEW_TRANSITIONS.APPROVED])))
      .returning({ id: merchants.id });
    if (!merchant) {
      const [existing] = await tx.select({ status: merchants.status }).from(merchants).where(eq(merchants.id, merchantId));
      if (!existing) throw notFound('Merchant');
      throw new AppError('INVALID_TRANSITION', `Only a merchant pending review can be approved; this one is ${existing.status}`);
    }
    const domains = await tx
      .update(merchantDomains)
      .set({ status: 'APPROVED', reviewedAt: sql`now()`, reviewedBy: reviewerId })
      .where(and(eq(merchantDomains.merchantId, merchantId), eq(merchantDomains.status, 'PENDING')))
      .returning({ id: merchantDomains.id, domain: merchantDomains.domain });
    const shown = options.secretsShown ?? true;
    const test = await issueKeyPair(tx, secrets, merchantId, false, { shown });
    const live = await issueKeyPair(tx, secrets, merchantId, true, { shown });
    await recordAudit(tx, {
      actorUserId: reviewerId,
      action: 'merchant.approved',
      subjectType: 'merchant',
      subjectId: merchantId,
      details: { domains: domains.map((d) => d.domain), keyIds: [test.id, live.id] },
    });
    await notifyMerchantReviewed(tx, merchantId, { approved: true });
    return { merchantId, test, live };
  });
}
