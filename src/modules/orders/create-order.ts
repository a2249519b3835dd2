import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { orderEvents, orderItems, orders, type FulfilmentStatus, type OrderRow } from './orders.tables.ts';

export interface NewOrder {
  merchantId: string;
  livemode: boolean;
  orderId: string;
  status: FulfilmentStatus;
  amount: bigint;
  currency: string;
  occurredAt: Date;
  items: readonly { sku: string; qty: number; unitPrice: bigint }[];
  /** Who reported it, for the order's first event. */
  actor: string;
}

/**
 * Store a reported order with its items and first event, in the caller's transaction. An order
 * reported before (the unique merchant, mode and orderId) is left as it is and only its id returned;
 * on PostgreSQL the insert waits for a concurrent first report to commit, so both never win.
 */
export async function createOrder(tx: Tx, input: NewOrder): Promise<{ created: true; order: OrderRow } | { created: false; id: string }> {
  const [order] = await tx
    .insert(orders)
    .values({
      id: newId('ord'),
      merchantId: input.merchantId,
      livemode: input.livemode,
      orderId: input.orderId,
      status: input.status,
      fulfilmentStatus: input.status,
      amount: input.amount,
      currency: input.currency,
      occurredAt: input.occurredAt,
      deliveredAt: input.status === 'delivered' ? input.occurredAt : null,
    })
    .onConflictDoNothing({ target: [orders.merchantId, orders.livemode, orders.orderId] })
    .returning();
  if (!order) {
    const [existing] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.merchantId, input.merchantId), eq(orders.livemode, input.livemode), eq(orders.orderId, input.orderId)));
    if (!existing) throw new Error('order vanished after a conflicting insert');
    return { created: false, id: existing.id };
  }
  if (input.items.length > 0) {
    await tx
      .insert(orderItems)
      .values(input.items.map((item, lineNo) => ({ orderId: order.id, lineNo, sku: item.sku, qty: item.qty, unitPrice: item.unitPrice })));
  }
  await tx.insert(orderEvents).values({ orderId: order.id, fromStatus: null, toStatus: input.status, occurredAt: input.occurredAt, actor: input.actor });
  return { created: true, order };
}
