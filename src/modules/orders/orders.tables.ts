import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/merchants.tables.ts';

export const ORDER_STATUSES = ['pending', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded', 'partially_refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** How far the goods got; a partially refunded order keeps moving along these. */
export const FULFILMENT_STATUSES = ['pending', 'confirmed', 'shipped', 'delivered'] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

/** An order a merchant reported, attributed or not: the lifecycle commissions follow. */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    livemode: boolean('livemode').notNull(),
    /** The merchant's own order id, as reported. */
    orderId: text('order_id').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    fulfilmentStatus: text('fulfilment_status', { enum: FULFILMENT_STATUSES }).notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    refundedAmount: bigint('refunded_amount', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    currency: text('currency').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Deduplication: the same order reported twice (any process, any key) is one order.
    uniqueIndex('orders_merchant_order_idx').on(t.merchantId, t.livemode, t.orderId),
    // Serves the merchant's order list (filters status, date range), newest first.
    index('orders_merchant_occurred_idx').on(t.merchantId, t.livemode, t.occurredAt),
    // Serves the amount-outlier risk check (recent orders of a merchant in one currency).
    index('orders_merchant_currency_idx').on(t.merchantId, t.livemode, t.currency, t.createdAt),
    check('orders_status_check', sql`status in ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded', 'partially_refunded')`),
    check('orders_fulfilment_check', sql`fulfilment_status in ('pending', 'confirmed', 'shipped', 'delivered')`),
    check('orders_amount_check', sql`amount > 0 and refunded_amount >= 0 and refunded_amount <= amount`),
    check('orders_currency_check', sql`currency ~ '^[A-Z]{3}$'`),
  ],
);

/** The order's lines as reported; commission lines are computed from these. */
export const orderItems = pgTable(
  'order_items',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    qty: integer('qty').notNull(),
    unitPrice: bigint('unit_price', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] }), check('order_items_amounts_check', sql`qty > 0 and unit_price >= 0 and line_no >= 0`)],
);

/** Every status change of an order, append-only (a trigger refuses updates and deletes). */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    fromStatus: text('from_status', { enum: ORDER_STATUSES }),
    toStatus: text('to_status', { enum: ORDER_STATUSES }).notNull(),
    /** Amount refunded by this update (refunds only). */
    refundAmount: bigint('refund_amount', { mode: 'bigint' }),
    /** When it happened at the merchant (reported), as opposed to when we recorded it. */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the order's history and the ledger verification's refund sum.
    index('order_events_order_idx').on(t.orderId, t.id),
    check('order_events_refund_check', sql`refund_amount is null or refund_amount > 0`),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
