import { describe, expect, it } from 'vitest';
import { assertPayoutTransition, PAYOUT_TRANSITIONS } from './payout-states.ts';
import { PAYOUT_STATUSES } from './payouts.tables.ts';

describe('payout state machine', () => {
  const allowed = [
    'requested→approved',
    'requested→rejected',
    'requested→cancelled',
    'approved→processing',
    'approved→rejected',
    'processing→paid',
    'processing→failed',
  ];
  for (const from of PAYOUT_STATUSES) {
    for (const to of PAYOUT_STATUSES) {
      const pair = `${from}→${to}`;
      it(`${pair} is ${allowed.includes(pair) ? 'allowed' : 'refused with INVALID_TRANSITION'}`, () => {
        if (allowed.includes(pair)) expect(() => assertPayoutTransition(from, to)).not.toThrow();
        else expect(() => assertPayoutTransition(from, to)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
      });
    }
  }
  it('every final state is final', () => {
    for (const s of ['paid', 'rejected', 'cancelled', 'failed'] as const) expect(PAYOUT_TRANSITIONS[s]).toEqual([]);
  });
});
