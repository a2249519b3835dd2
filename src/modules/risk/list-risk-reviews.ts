import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { formatMoney } from '../../platform/money.ts';
import { commissions } from '../commissions/commissions.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { orders } from '../orders/orders.tables.ts';
import { riskAssessments } from './risk.tables.ts';

/** Flagged commissions waiting for an admin decision, oldest first. */
export async function listRiskReviews(db: Db, query: PageQuery & { livemode: boolean }, now = new Date()) {
  const where = and(eq(commissions.reviewStatus, 'required'), inArray(commissions.status, ['pending', 'hold']), eq(commissions.livemode, query.livemode));
  const { limit, offset } = pageWindow(query);
  const rows = await db
    .select({
      c: commissions,
      orderId: orders.orderId,
      merchantName: merchants.businessName,
      score: riskAssessments.score,
      reasons: riskAssessments.reasons,
      signals: riskAssessments.signals,
    })
    .from(commissions)
    .innerJoin(orders, eq(orders.id, commissions.orderRef))
    .innerJoin(merchants, eq(merchants.id, commissions.merchantId))
    .leftJoin(riskAssessments, eq(riskAssessments.conversionId, commissions.conversionId))
    .where(where)
    .orderBy(asc(commissions.createdAt), asc(commissions.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ total: count() }).from(commissions).where(where);
  return toPage(
    query,
    rows.map(({ c, orderId, merchantName, score, reasons, signals }) => ({
      commissionId: c.id,
      orderId,
      merchantId: c.merchantId,
      merchantName,
      affiliateRef: c.affiliateId,
      livemode: c.livemode,
      status: c.status,
      amount: formatMoney(c.amount, c.currency),
      currency: c.currency,
      holdUntil: c.holdUntil?.toISOString() ?? null,
      holdEnded: c.status === 'hold' && c.holdUntil !== null && c.holdUntil <= now,
      risk: { score: score ?? c.riskScore, reasons: reasons ?? [], signals: signals ?? {} },
      createdAt: c.createdAt.toISOString(),
    })),
    total?.total ?? 0,
  );
}
