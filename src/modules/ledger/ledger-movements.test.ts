import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canTransitionCommission, COMMISSION_TRANSITIONS } from '../commissions/index.ts';
import type { CommissionStatus } from '../commissions/commissions.tables.ts';
import { expectedBalances, ledgerMovements, type CommissionChange } from './ledger-movements.ts';

const sum = (movements: ReturnType<typeof ledgerMovements>) => {
  const totals = { pending: 0n, payable: 0n, processing: 0n, paid: 0n };
  for (const m of movements) totals[m.account] += m.amount;
  return totals;
};

describe('ledgerMovements', () => {
  const cases: Array<{ name: string; change: CommissionChange; expected: Array<[string, bigint, string]> }> = [
    { name: 'a new commission credits pending', change: { kind: 'created', amount: 249n }, expected: [['pending', 249n, 'commission_earned']] },
    { name: 'a zero commission writes nothing', change: { kind: 'created', amount: 0n }, expected: [] },
    { name: 'pending → hold stays in pending', change: { kind: 'transition', from: 'pending', to: 'hold', amount: 249n }, expected: [] },
    { name: 'hold → approved stays in pending', change: { kind: 'transition', from: 'hold', to: 'approved', amount: 249n }, expected: [] },
    {
      name: 'approved → payable moves pending to payable',
      change: { kind: 'transition', from: 'approved', to: 'payable', amount: 249n },
      expected: [
        ['pending', -249n, 'commission_settled'],
        ['payable', 249n, 'commission_settled'],
      ],
    },
    {
      name: 'payable → paid moves payable to paid',
      change: { kind: 'transition', from: 'payable', to: 'paid', amount: 249n },
      expected: [
        ['payable', -249n, 'commission_paid'],
        ['paid', 249n, 'commission_paid'],
      ],
    },
    {
      name: 'hold → reversed debits pending',
      change: { kind: 'transition', from: 'hold', to: 'reversed', amount: 249n },
      expected: [['pending', -249n, 'commission_reversed']],
    },
    {
      name: 'pending → rejected debits pending',
      change: { kind: 'transition', from: 'pending', to: 'rejected', amount: 100n },
      expected: [['pending', -100n, 'commission_reversed']],
    },
    {
      name: 'payable → reversed debits payable',
      change: { kind: 'transition', from: 'payable', to: 'reversed', amount: 249n },
      expected: [['payable', -249n, 'commission_reversed']],
    },
    {
      name: 'paid → reversed is a clawback from payable',
      change: { kind: 'transition', from: 'paid', to: 'reversed', amount: 249n },
      expected: [['payable', -249n, 'clawback']],
    },
    {
      name: 'a refund while held reduces pending',
      change: { kind: 'adjustment', status: 'hold', before: 249n, after: 124n },
      expected: [['pending', -125n, 'commission_reduced']],
    },
    {
      name: 'a refund while payable reduces payable',
      change: { kind: 'adjustment', status: 'payable', before: 249n, after: 124n },
      expected: [['payable', -125n, 'commission_reduced']],
    },
    {
      name: 'a refund after payment is a clawback',
      change: { kind: 'adjustment', status: 'paid', before: 249n, after: 124n },
      expected: [['payable', -125n, 'clawback']],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(ledgerMovements(c.change).map((m) => [m.account, m.amount, m.kind])).toEqual(c.expected);
    });
  }

  it('folding the movements of any valid history gives the expected balances', () => {
    const step = fc.oneof(
      fc.constant<'advance'>('advance'),
      fc.constant<'reverse'>('reverse'),
      fc.constant<'reject'>('reject'),
      fc.integer({ min: 1, max: 99 }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10_000_000n }), fc.array(step, { maxLength: 12 }), (start, steps) => {
        let status: CommissionStatus = 'pending';
        let amount = start;
        let paidAmount: bigint | null = null;
        const totals = sum(ledgerMovements({ kind: 'created', amount }));
        const apply = (change: CommissionChange) => {
          const moved = sum(ledgerMovements(change));
          totals.pending += moved.pending;
          totals.payable += moved.payable;
          totals.processing += moved.processing;
          totals.paid += moved.paid;
        };
        for (const s of steps) {
          if (typeof s === 'number') {
            if (status === 'reversed' || status === 'rejected') continue;
            const after = (amount * BigInt(s)) / 100n;
            apply({ kind: 'adjustment', status, before: amount, after });
            amount = after;
            continue;
          }
          const forward: CommissionStatus | undefined = COMMISSION_TRANSITIONS[status].find((to) => to !== 'reversed' && to !== 'rejected');
          const to: CommissionStatus | undefined = s === 'advance' ? forward : s === 'reverse' ? 'reversed' : 'rejected';
          if (!to || !canTransitionCommission(status, to)) continue;
          apply({ kind: 'transition', from: status, to, amount });
          if (to === 'paid') paidAmount = amount;
          status = to;
        }
        expect(totals).toEqual(expectedBalances({ status, amount, paidAmount }));
      }),
      { numRuns: 500 },
    );
  });
});
