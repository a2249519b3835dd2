import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { formatMoney } from '../../platform/money.ts';
import { commissionColumns, commissionView, type CommissionRow } from '../commissions/index.ts';
import { conversionColumns, type ConversionRow } from '../conversions/index.ts';
import type { OrderDetail, OrderView } from './orders.schemas.ts';
import { orderEvents, orderItems, orders, type OrderItemRow, type OrderRow } from './orders.tables.ts';

export interface OrderBundle {
  order: OrderRow;
  conversion: ConversionRow;
  commission: CommissionRow | null;
}

/** The columns every order view reads, joined once. */
export const orderBundleSelection = () => ({ order: orders, conversion: conversionColumns._.selectedFields, commission: commissionColumns._.selectedFields });

/** Views for a page of orders: their items come in one extra query. */
export async function orderViews(executor: Executor, bundles: OrderBundle[]): Promise<OrderView[]> {
  const ids = bundles.map((b) => b.order.id);
  const items = ids.length
    ? await executor.select().from(orderItems).where(inArray(orderItems.orderId, ids)).orderBy(asc(orderItems.orderId), asc(orderItems.lineNo))
    : [];
  const byOrder = new Map<string, OrderItemRow[]>();
  for (const item of items) byOrder.set(item.orderId, [...(byOrder.get(item.orderId) ?? []), item]);
  return bundles.map((b) => orderView(b, byOrder.get(b.order.id) ?? []));
}

export function orderView({ order, conversion, commission }: OrderBundle, items: OrderItemRow[]): OrderView {
  return {
    orderId: order.orderId,
    conversionId: conversion.id,
    livemode: order.livemode,
    status: order.status,
    amount: formatMoney(order.amount, order.currency),
    refundedAmount: formatMoney(order.refundedAmount, order.currency),
    currency: order.currency,
    occurredAt: order.occurredAt.toISOString(),
    deliveredAt: order.deliveredAt?.toISOString() ?? null,
    attributed: conversion.attributed,
    unattributedReason: conversion.unattributedReason,
    clickId: conversion.clickId,
    affiliateRef: conversion.affiliateId,
    items: items.map((item) => ({ sku: item.sku, qty: item.qty, price: formatMoney(item.unitPrice, order.currency) })),
    commission: commission ? commissionView({ ...commission, orderId: order.orderId }) : null,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/** One order of this merchant and mode, with its history; another tenant's order is simply not found. */
export async function findOrderDetail(executor: Executor, scope: { merchantId: string; livemode: boolean }, orderId: string): Promise<OrderDetail | null> {
  const [bundle] = await executor
    .select(orderBundleSelection())
    .from(orders)
    .innerJoin(conversionColumns, eq(conversionColumns.orderRef, orders.id))
    .leftJoin(commissionColumns, eq(commissionColumns.orderRef, orders.id))
    .where(and(eq(orders.merchantId, scope.merchantId), eq(orders.livemode, scope.livemode), eq(orders.orderId, orderId)));
  if (!bundle) return null;
  const [view] = await orderViews(executor, [bundle]);
  const history = await executor.select().from(orderEvents).where(eq(orderEvents.orderId, bundle.order.id)).orderBy(asc(orderEvents.id));
  return {
    ...view!,
    history: history.map((e) => ({
      from: e.fromStatus,
      to: e.toStatus,
      refundAmount: e.refundAmount === null ? null : formatMoney(e.refundAmount, bundle.order.currency),
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.createdAt.toISOString(),
    })),
  };
}
