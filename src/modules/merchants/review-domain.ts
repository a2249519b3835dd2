import { and, eq, inArray, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { merchantDomains } from './merchants.tables.ts';
import { DOMAIN_REVIEW_TRANSITIONS, type DomainDecision } from './review-transitions.ts';

/** An admin approves or rejects a domain a merchant asked to sell on. */
export async function reviewDomain(db: Db, domainId: string, decision: DomainDecision, reviewerId: string | null, reason?: string) {
  return inTransaction(db, async (tx) => {
    const [domain] = await tx
      .update(merchantDomains)
      .set({ status: decision, reviewedAt: sql`now()`, reviewedBy: reviewerId, rejectionReason: decision === 'REJECTED' ? (reason ?? null) : null })
      .where(and(eq(merchantDomains.id, domainId), inArray(merchantDomains.status, [...DOMAIN_REVIEW_TRANSITIONS[decision]])))
      .returning();
    if (!domain) {
      const [existing] = await tx.select({ status: merchantDomains.status }).from(merchantDomains).where(eq(merchantDomains.id, domainId));
      if (!existing) throw notFound('Domain');
      throw new AppError('INVALID_TRANSITION', `This domain is already ${existing.status}`);
    }
    await recordAudit(tx, {
      actorUserId: reviewerId,
      action: decision === 'APPROVED' ? 'domain.approved' : 'domain.rejected',
      subjectType: 'merchant_domain',
      subjectId: domainId,
      details: { merchantId: domain.merchantId, domain: domain.domain, ...(reason ? { reason } : {}) },
    });
    return domain;
  });
}
