import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { conversions } from '../conversions/conversions.tables.ts';
import { orders } from '../orders/orders.tables.ts';
import { riskAssessments } from './risk.tables.ts';
import { needsReview } from './score-conversion-risk.ts';

/**
 * The risk check of one of the merchant's attributed orders: score, the reasons behind it and the
 * threshold it was judged against. Unattributed orders are never scored: not found, like another tenant's.
 */
export async function findOrderRiskOrThrow(executor: Executor, { merchantId, livemode }: Tenant, orderId: string) {
  const [row] = await executor
    .select({ score: riskAssessments.score, reasons: riskAssessments.reasons, threshold: riskAssessments.threshold, assessedAt: riskAssessments.createdAt })
    .from(orders)
    .innerJoin(conversions, eq(conversions.orderRef, orders.id))
    .innerJoin(riskAssessments, eq(riskAssessments.conversionId, conversions.id))
    .where(and(eq(orders.merchantId, merchantId), eq(orders.livemode, livemode), eq(orders.orderId, orderId)));
  if (!row) throw notFound('Risk assessment of this order');
  return {
    orderId,
    score: row.score,
    reasons: row.reasons,
    threshold: row.threshold,
    reviewRequired: needsReview(row.score, row.threshold),
    assessedAt: row.assessedAt.toISOString(),
  };
}
