import { and, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/client.ts';
import { formatMoney } from '../../platform/money.ts';
import { formatCommissionValue } from './commission-rule.ts';
import { orders } from '../orders/orders.tables.ts';
import type { CommissionView } from './commissions.schemas.ts';
import { commissions, type CommissionRow } from './commissions.tables.ts';

/** A commission row with its order's external id, which every view and event shows. */
export type CommissionRecord = CommissionRow & { orderId: string };

const withOrderId = { commission: commissions, orderId: orders.orderId };

/**
 * Lock a commission row for a change; concurrent changes to the same commission wait here.
 * Scoped by merchant and mode when the caller acts for a merchant.
 */
export async function lockCommission(tx: Tx, id: string, scope?: { merchantId: string; livemode: boolean }): Promise<CommissionRecord | null> {
  const [row] = await tx
    .select(withOrderId)
    .from(commissions)
    .innerJoin(orders, eq(orders.id, commissions.orderRef))
    .where(and(eq(commissions.id, id), ...(scope ? [eq(commissions.merchantId, scope.merchantId), eq(commissions.livemode, scope.livemode)] : [])))
    .for('update', { of: commissions });
  return row ? { ...row.commission, orderId: row.orderId } : null;
}

export async function lockCommissionOfOrder(tx: Tx, orderRef: string): Promise<CommissionRecord | null> {
  const [row] = await tx
    .select(withOrderId)
    .from(commissions)
    .innerJoin(orders, eq(orders.id, commissions.orderRef))
    .where(eq(commissions.orderRef, orderRef))
    .for('update', { of: commissions });
  return row ? { ...row.commission, orderId: row.orderId } : null;
}

export async function findCommission(executor: Executor, id: string): Promise<CommissionRecord | null> {
  const [row] = await executor.select(withOrderId).from(commissions).innerJoin(orders, eq(orders.id, commissions.orderRef)).where(eq(commissions.id, id));
  return row ? { ...row.commission, orderId: row.orderId } : null;
}

export function commissionView(c: CommissionRecord): CommissionView {
  return {
    id: c.id,
    orderId: c.orderId,
    conversionId: c.conversionId,
    affiliateRef: c.affiliateId,
    campaignId: c.campaignId,
    livemode: c.livemode,
    status: c.status,
    amount: formatMoney(c.amount, c.currency),
    originalAmount: formatMoney(c.originalAmount, c.currency),
    currency: c.currency,
    rate: { type: c.rateType, value: formatCommissionValue(c.rateType, c.rateValue, c.currency), source: c.rateSource },
    holdUntil: c.holdUntil?.toISOString() ?? null,
    paidAmount: c.paidAmount === null ? null : formatMoney(c.paidAmount, c.currency),
    payoutId: c.payoutId,
    risk: { score: c.riskScore, reviewStatus: c.reviewStatus },
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
