import type { BodyOf, ItemOf, ResponseOf } from '../../../api.ts';

/** Orders as the shared `/api/v1/orders` routes answer for them. */
export type Order = ItemOf<'/api/v1/orders', 'get'>;
export type OrderDetail = ResponseOf<'/api/v1/orders/{orderId}', 'get'>;
export type OrderStatus = Order['status'];
/** The statuses a merchant may move an order to. */
export type RequestableOrderStatus = BodyOf<'/api/v1/orders/{orderId}', 'patch'>['status'];

// Records rather than lists, so a status added on the server is a type error here until it is listed.
const ORDER_STATUS: Record<OrderStatus, true> = {
  pending: true,
  confirmed: true,
  shipped: true,
  delivered: true,
  cancelled: true,
  returned: true,
  refunded: true,
  partially_refunded: true,
};
const REQUESTABLE: Record<RequestableOrderStatus, true> = {
  pending: true,
  confirmed: true,
  shipped: true,
  delivered: true,
  cancelled: true,
  returned: true,
  refunded: true,
};

export const ORDER_STATUSES = Object.keys(ORDER_STATUS) as OrderStatus[];
export const REQUESTABLE_ORDER_STATUSES = Object.keys(REQUESTABLE) as RequestableOrderStatus[];

export const isOrderStatus = (value: string): value is OrderStatus => value in ORDER_STATUS;
export const isRequestableOrderStatus = (value: string): value is RequestableOrderStatus => value in REQUESTABLE;
