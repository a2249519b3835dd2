import { describe, expect, it } from 'vitest';
import { planOrderTransition, REQUESTABLE_ORDER_STATUSES, type OrderState, type RequestedOrderStatus } from './order-status.ts';

const order = (status: OrderState['status'], fulfilmentStatus: OrderState['fulfilmentStatus'] = 'pending', refundedAmount = 0n): OrderState => ({
  status,
  fulfilmentStatus,
  amount: 10000n,
  refundedAmount,
});

// Every (current stage, requested status) pair and its outcome: a status, 'noop' or the error code.
const matrix: Record<string, Record<RequestedOrderStatus, string>> = {
  pending: {
    pending: 'noop',
    confirmed: 'confirmed',
    shipped: 'shipped',
    delivered: 'delivered',
    cancelled: 'cancelled',
    returned: 'INVALID_TRANSITION',
    refunded: 'refunded',
  },
  confirmed: {
    pending: 'INVALID_TRANSITION',
    confirmed: 'noop',
    shipped: 'shipped',
    delivered: 'delivered',
    cancelled: 'cancelled',
    returned: 'INVALID_TRANSITION',
    refunded: 'refunded',
  },
  shipped: {
    pending: 'INVALID_TRANSITION',
    confirmed: 'INVALID_TRANSITION',
    shipped: 'noop',
    delivered: 'delivered',
    cancelled: 'cancelled',
    returned: 'returned',
    refunded: 'refunded',
  },
  delivered: {
    pending: 'INVALID_TRANSITION',
    confirmed: 'INVALID_TRANSITION',
    shipped: 'INVALID_TRANSITION',
    delivered: 'noop',
    cancelled: 'INVALID_TRANSITION',
    returned: 'returned',
    refunded: 'refunded',
  },
  cancelled: {
    pending: 'INVALID_TRANSITION',
    confirmed: 'INVALID_TRANSITION',
    shipped: 'INVALID_TRANSITION',
    delivered: 'INVALID_TRANSITION',
    cancelled: 'noop',
    returned: 'INVALID_TRANSITION',
    refunded: 'refunded',
  },
  returned: {
    pending: 'INVALID_TRANSITION',
    confirmed: 'INVALID_TRANSITION',
    shipped: 'INVALID_TRANSITION',
    delivered: 'INVALID_TRANSITION',
    cancelled: 'INVALID_TRANSITION',
    returned: 'noop',
    refunded: 'refunded',
  },
  refunded: {
    pending: 'INVALID_TRANSITION',
    confirmed: 'INVALID_TRANSITION',
    shipped: 'INVALID_TRANSITION',
    delivered: 'INVALID_TRANSITION',
    cancelled: 'INVALID_TRANSITION',
    returned: 'INVALID_TRANSITION',
    refunded: 'INVALID_TRANSITION',
  },
};

const stateFor = (stage: string): OrderState =>
  stage === 'refunded'
    ? order('refunded', 'delivered', 10000n)
    : ['cancelled', 'returned'].includes(stage)
      ? order(stage as 'cancelled', 'shipped')
      : order(stage as 'pending', stage as 'pending');

describe('order transitions', () => {
  for (const [stage, row] of Object.entries(matrix)) {
    for (const requested of REQUESTABLE_ORDER_STATUSES) {
      const expected = row[requested];
      it(`${stage} → ${requested}: ${expected}`, () => {
        const plan = planOrderTransition(stateFor(stage), requested);
        if (expected === 'noop') expect(plan).toEqual({ ok: true, noop: true });
        else if (expected === 'INVALID_TRANSITION') expect(plan).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
        else expect(plan).toMatchObject({ ok: true, noop: false, status: expected });
      });
    }
  }

  it('starts the hold only on delivery', () => {
    expect(planOrderTransition(order('shipped', 'shipped'), 'delivered')).toMatchObject({ effect: 'start_hold', fulfilmentStatus: 'delivered' });
    expect(planOrderTransition(order('pending'), 'shipped')).toMatchObject({ effect: 'none' });
  });

  it('reverses on cancel and return', () => {
    expect(planOrderTransition(order('confirmed', 'confirmed'), 'cancelled')).toMatchObject({ effect: 'reverse', status: 'cancelled' });
    expect(planOrderTransition(order('delivered', 'delivered'), 'returned')).toMatchObject({ effect: 'reverse', status: 'returned' });
  });

  describe('refunds', () => {
    it('refunds the remainder when no amount is given', () => {
      expect(planOrderTransition(order('delivered', 'delivered', 2500n), 'refunded')).toMatchObject({
        status: 'refunded',
        refund: 7500n,
        refundedAmount: 10000n,
        effect: 'reverse',
      });
    });
    it('leaves the order partially_refunded for less than the remainder', () => {
      expect(planOrderTransition(order('delivered', 'delivered'), 'refunded', 2500n)).toMatchObject({
        status: 'partially_refunded',
        fulfilmentStatus: 'delivered',
        refund: 2500n,
        refundedAmount: 2500n,
        effect: 'reduce',
      });
    });
    it('a refund of exactly the remainder is full', () => {
      expect(planOrderTransition(order('partially_refunded', 'delivered', 2500n), 'refunded', 7500n)).toMatchObject({ status: 'refunded', effect: 'reverse' });
    });
    it('refuses more than the remainder', () => {
      expect(planOrderTransition(order('partially_refunded', 'delivered', 2500n), 'refunded', 7501n)).toMatchObject({
        ok: false,
        code: 'REFUND_EXCEEDS_REMAINDER',
      });
    });
    it('refuses a zero refund', () => {
      expect(planOrderTransition(order('delivered', 'delivered'), 'refunded', 0n)).toMatchObject({ ok: false, code: 'UNPROCESSABLE' });
    });
    it('refuses refundAmount with another status', () => {
      expect(planOrderTransition(order('pending'), 'shipped', 100n)).toMatchObject({ ok: false, code: 'UNPROCESSABLE' });
    });
    it('a partially refunded order keeps moving from the stage its goods reached', () => {
      const partial = order('partially_refunded', 'shipped', 1000n);
      expect(planOrderTransition(partial, 'delivered')).toMatchObject({ ok: true, status: 'delivered', effect: 'start_hold', refundedAmount: 1000n });
      expect(planOrderTransition(partial, 'confirmed')).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
      expect(planOrderTransition(partial, 'shipped')).toEqual({ ok: true, noop: true });
      expect(planOrderTransition(order('partially_refunded', 'delivered', 1000n), 'cancelled')).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    });
    it('a cancelled order stays cancelled until refunded in full', () => {
      expect(planOrderTransition(order('cancelled', 'confirmed'), 'refunded', 100n)).toMatchObject({ status: 'cancelled', refundedAmount: 100n });
      expect(planOrderTransition(order('cancelled', 'confirmed', 100n), 'refunded')).toMatchObject({ status: 'refunded', refund: 9900n });
    });
  });
});
