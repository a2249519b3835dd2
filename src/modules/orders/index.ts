// The orders module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
// First: conversions builds its schema from this list while loading, and may be reached from the
// exports below (orders and conversions import each other), so it must be evaluated before them.
export { INITIAL_ORDER_STATUSES } from './order-status.ts';
export { applyOrderStatus, changeOrderStatus } from './apply-order-status.ts';
export { OrderStatusBody } from './orders.schemas.ts';
export { findOrderDetail } from './order-view.ts';
export { createOrder } from './create-order.ts';
export type { NewOrder } from './create-order.ts';
export type { FulfilmentStatus } from './orders.tables.ts';
