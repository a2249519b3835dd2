import { and, eq, sql } from 'drizzle-orm';
import type { TenantActor } from '../../platform/auth/resolve-principal.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { parseMoney, proportionOf } from '../../platform/money.ts';
import { adjustCommissionAmount, transitionCommission, type ChangeContext } from '../commissions/index.ts';
import { lockCommissionOfOrder } from '../commissions/index.ts';
import { isLiveCommission } from '../commissions/index.ts';
import { startHold } from '../commissions/index.ts';
import { findOrderDetail } from './order-view.ts';
import { planOrderTransition, type CommissionEffect, type OrderTransition } from './order-status.ts';
import type { OrderDetail, OrderStatusBody } from './orders.schemas.ts';
import { orderEvents, orders, type OrderRow } from './orders.tables.ts';

/**
 * Apply a merchant's order status update (SPEC §2, §10) and move the commission with it. The order
 * row is locked FOR UPDATE first, so concurrent updates to one order — from any process — apply one
 * after the other against the latest state.
 */
export async function applyOrderStatus(
  db: Db,
  principal: TenantActor,
  orderId: string,
  body: OrderStatusBody,
  platformHoldDays: number,
  now = new Date(),
): Promise<OrderDetail> {
  const scope = { merchantId: principal.merchantId, livemode: principal.livemode };
  return inTransaction(db, async (tx) => {
    await changeOrderStatus(tx, principal, orderId, body, platformHoldDays, { now });
    const detail = await findOrderDetail(tx, scope, orderId);
    if (!detail) throw notFound('Order');
    return detail;
  });
}

export interface ChangeOrderStatusOptions {
  now?: Date;
  /**
   * The update may be one applied before (a status file uploaded again): a full refund of a fully
   * refunded order, or a refund with the same amount and occurredAt as one on record, then changes
   * nothing instead of refunding again.
   */
  skipRepeatedRefund?: boolean;
}

/**
 * applyOrderStatus in the caller's transaction; whether the order changed (false for an update that
 * repeats the order's current state).
 */
export async function changeOrderStatus(
  tx: Tx,
  principal: TenantActor,
  orderId: string,
  body: OrderStatusBody,
  platformHoldDays: number,
  options: ChangeOrderStatusOptions = {},
): Promise<{ changed: boolean }> {
  if (body.refundAmount !== undefined && body.amount !== undefined && body.refundAmount !== body.amount) {
    throw validationError([{ field: 'amount', code: 'CONFLICTS', message: 'differs from refundAmount; send only refundAmount' }]);
  }
  const occurredAt = body.occurredAt ? new Date(body.occurredAt) : (options.now ?? new Date());
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.merchantId, principal.merchantId), eq(orders.livemode, principal.livemode), eq(orders.orderId, orderId)))
    .for('update');
  if (!order) throw notFound('Order');
  if (options.skipRepeatedRefund && (await isRepeatedRefund(tx, order, body))) return { changed: false };
  const refundText = body.refundAmount ?? body.amount;
  let refundAmount: bigint | undefined;
  if (refundText !== undefined) {
    const parsed = parseMoney(refundText, order.currency);
    if (!parsed.ok) throw validationError([{ field: 'refundAmount', code: parsed.error, message: parsed.message }]);
    refundAmount = parsed.value;
  }
  const plan = planOrderTransition(order, body.status, refundAmount);
  if (!plan.ok) throw new AppError(plan.code, plan.message, [{ field: 'status', code: plan.code, message: plan.message, from: order.status, to: body.status }]);
  if (plan.noop) return { changed: false };
  await applyPlan(tx, order, plan, body.status, occurredAt, platformHoldDays, principal.actor);
  return { changed: true };
}

async function isRepeatedRefund(tx: Tx, order: OrderRow, body: OrderStatusBody): Promise<boolean> {
  if (body.status !== 'refunded') return false;
  if (body.refundAmount === undefined) return order.status === 'refunded';
  if (body.occurredAt === undefined) return false;
  const amount = parseMoney(body.refundAmount, order.currency);
  if (!amount.ok) return false;
  const [event] = await tx
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.refundAmount, amount.value), eq(orderEvents.occurredAt, new Date(body.occurredAt))));
  return event !== undefined;
}

async function applyPlan(
  tx: Tx,
  order: OrderRow,
  plan: Extract<OrderTransition, { noop: false }>,
  requested: string,
  occurredAt: Date,
  platformHoldDays: number,
  actor: string,
): Promise<void> {
  const delivered = plan.effect === 'start_hold';
  await tx
    .update(orders)
    .set({
      status: plan.status,
      fulfilmentStatus: plan.fulfilmentStatus,
      refundedAmount: plan.refundedAmount,
      ...(delivered ? { deliveredAt: occurredAt } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(orders.id, order.id));
  await tx
    .insert(orderEvents)
    .values({ orderId: order.id, fromStatus: order.status, toStatus: plan.status, refundAmount: plan.refund > 0n ? plan.refund : null, occurredAt, actor });
  await moveCommission(tx, { ...order, refundedAmount: plan.refundedAmount }, plan.effect, occurredAt, platformHoldDays, {
    actor,
    reason: `order_${requested}`,
  });
}

async function moveCommission(
  tx: Tx,
  order: OrderRow,
  effect: CommissionEffect,
  occurredAt: Date,
  platformHoldDays: number,
  ctx: ChangeContext,
): Promise<void> {
  if (effect === 'none') return;
  const commission = await lockCommissionOfOrder(tx, order.id);
  if (!commission || !isLiveCommission(commission.status)) return;
  switch (effect) {
    case 'start_hold':
      if (commission.status === 'pending') await startHold(tx, commission, occurredAt, platformHoldDays, ctx);
      return;
    case 'reverse':
      await transitionCommission(tx, commission, 'reversed', ctx);
      return;
    case 'reduce': {
      // From the original and the total refunded so far, so repeated partial refunds never drift.
      const remaining = proportionOf(commission.originalAmount, order.amount - order.refundedAmount, order.amount);
      if (remaining < commission.amount) await adjustCommissionAmount(tx, commission, remaining, { ...ctx, reason: 'order_partially_refunded' });
      return;
    }
  }
}
