import type { ErrorCode } from '../../platform/errors.ts';
import type { FulfilmentStatus, OrderStatus } from './orders.tables.ts';

/** Statuses a merchant can ask for; `partially_refunded` is where a partial refund leaves an order. */
export const REQUESTABLE_ORDER_STATUSES = ['pending', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded'] as const;
export type RequestedOrderStatus = (typeof REQUESTABLE_ORDER_STATUSES)[number];

/** Statuses an order may be reported with for the first time. */
export const INITIAL_ORDER_STATUSES = ['pending', 'confirmed', 'shipped', 'delivered'] as const;

type Stage = FulfilmentStatus | 'cancelled' | 'returned' | 'refunded';

/**
 * The order state machine (SPEC §2), declared once: from each stage, where an update may go.
 * A partially refunded order is at the stage its goods reached. Going back (delivered → pending)
 * or out of a final stage is refused; a refund is always possible while money is left.
 */
export const ORDER_TRANSITIONS: Readonly<Record<Stage, readonly RequestedOrderStatus[]>> = {
  pending: ['confirmed', 'shipped', 'delivered', 'cancelled', 'refunded'],
  confirmed: ['shipped', 'delivered', 'cancelled', 'refunded'],
  shipped: ['delivered', 'cancelled', 'returned', 'refunded'],
  delivered: ['returned', 'refunded'],
  cancelled: ['refunded'],
  returned: ['refunded'],
  refunded: [],
};

export interface OrderState {
  status: OrderStatus;
  fulfilmentStatus: FulfilmentStatus;
  amount: bigint;
  refundedAmount: bigint;
}

/** What the change does to the order's commission. */
export type CommissionEffect = 'none' | 'start_hold' | 'reverse' | 'reduce';

export type OrderTransition =
  | { ok: true; noop: true }
  | {
      ok: true;
      noop: false;
      status: OrderStatus;
      fulfilmentStatus: FulfilmentStatus;
      /** Refunded by this update. */
      refund: bigint;
      refundedAmount: bigint;
      effect: CommissionEffect;
    }
  | { ok: false; code: ErrorCode; message: string };

export const stageOf = (order: Pick<OrderState, 'status' | 'fulfilmentStatus'>): Stage =>
  order.status === 'partially_refunded' ? order.fulfilmentStatus : order.status;

const isFulfilment = (status: RequestedOrderStatus): status is FulfilmentStatus =>
  status === 'pending' || status === 'confirmed' || status === 'shipped' || status === 'delivered';

/**
 * Plan one status update. `refundAmount` is what this update refunds (omitted: everything not yet
 * refunded). Repeating the current stage is a no-op, so a merchant may resend an update safely.
 */
export function planOrderTransition(order: OrderState, requested: RequestedOrderStatus, refundAmount?: bigint): OrderTransition {
  const stage = stageOf(order);
  if (requested !== 'refunded' && refundAmount !== undefined) {
    return { ok: false, code: 'UNPROCESSABLE', message: 'refundAmount is only allowed with status "refunded"' };
  }
  if (requested === stage && requested !== 'refunded') return { ok: true, noop: true };
  if (!ORDER_TRANSITIONS[stage].includes(requested)) {
    return { ok: false, code: 'INVALID_TRANSITION', message: `An order that is ${order.status} cannot become ${requested}` };
  }
  if (requested === 'refunded') {
    const remainder = order.amount - order.refundedAmount;
    const refund = refundAmount ?? remainder;
    if (remainder === 0n) return { ok: false, code: 'INVALID_TRANSITION', message: 'This order has been refunded in full already' };
    if (refund <= 0n) return { ok: false, code: 'UNPROCESSABLE', message: 'refundAmount must be greater than zero' };
    if (refund > remainder) return { ok: false, code: 'REFUND_EXCEEDS_REMAINDER', message: 'refundAmount is more than what is left to refund on this order' };
    const full = refund === remainder;
    const closed = stage === 'cancelled' || stage === 'returned';
    return {
      ok: true,
      noop: false,
      // A cancelled or returned order stays so until the last of its money is refunded.
      status: full ? 'refunded' : closed ? stage : 'partially_refunded',
      fulfilmentStatus: order.fulfilmentStatus,
      refund,
      refundedAmount: order.refundedAmount + refund,
      effect: full ? 'reverse' : 'reduce',
    };
  }
  if (isFulfilment(requested)) {
    return {
      ok: true,
      noop: false,
      status: requested,
      fulfilmentStatus: requested,
      refund: 0n,
      refundedAmount: order.refundedAmount,
      effect: requested === 'delivered' ? 'start_hold' : 'none',
    };
  }
  // cancelled or returned
  return {
    ok: true,
    noop: false,
    status: requested,
    fulfilmentStatus: order.fulfilmentStatus,
    refund: 0n,
    refundedAmount: order.refundedAmount,
    effect: 'reverse',
  };
}
