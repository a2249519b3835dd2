import { describe, expect, it } from 'vitest';
import { COMMISSION_STATUSES, type CommissionStatus } from './commissions.tables.ts';
import { assertCommissionTransition, canTransitionCommission } from './commission-states.ts';

const allowed: Array<[CommissionStatus, CommissionStatus]> = [
  ['pending', 'hold'],
  ['pending', 'reversed'],
  ['pending', 'rejected'],
  ['hold', 'approved'],
  ['hold', 'reversed'],
  ['hold', 'rejected'],
  ['approved', 'payable'],
  ['approved', 'reversed'],
  ['payable', 'paid'],
  ['payable', 'reversed'],
  ['paid', 'reversed'],
];

describe('commission state machine', () => {
  for (const from of COMMISSION_STATUSES) {
    for (const to of COMMISSION_STATUSES) {
      const ok = allowed.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
        expect(canTransitionCommission(from, to)).toBe(ok);
        if (ok) expect(() => assertCommissionTransition(from, to)).not.toThrow();
        else expect(() => assertCommissionTransition(from, to)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
      });
    }
  }

  it('has no way out of reversed or rejected', () => {
    for (const to of COMMISSION_STATUSES) {
      expect(canTransitionCommission('reversed', to)).toBe(false);
      expect(canTransitionCommission('rejected', to)).toBe(false);
    }
  });
});
