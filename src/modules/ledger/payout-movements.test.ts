import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedPayoutBalances, payoutMovements, type PayoutChange, type PayoutLedgerState } from './payout-movements.ts';

const sum = (changes: PayoutChange[]) => {
  const totals = { pending: 0n, payable: 0n, processing: 0n, paid: 0n };
  for (const change of changes) for (const m of payoutMovements(change)) totals[m.account] += m.amount;
  return totals;
};

describe('payoutMovements', () => {
  it('a request reserves the amount: payable → processing', () => {
    expect(payoutMovements({ kind: 'reserve', amount: 1500n }).map((m) => [m.account, m.amount, m.kind])).toEqual([
      ['payable', -1500n, 'payout_reserved'],
      ['processing', 1500n, 'payout_reserved'],
    ]);
  });

  it('a void gives the reservation back', () => {
    expect(
      sum([
        { kind: 'reserve', amount: 1500n },
        { kind: 'release', amount: 1500n },
      ]),
    ).toEqual({ pending: 0n, payable: 0n, processing: 0n, paid: 0n });
  });

  it('posting nets clawbacks, claws back the shortfall and withholds tax as their own lines', () => {
    const kinds = payoutMovements({ kind: 'post', amount: 1000n, netted: 200n, shortfall: 50n, withheld: 150n }).map(
      (m) => `${m.kind}:${m.account}:${m.amount}`,
    );
    expect(kinds).toEqual([
      'payout_posted:processing:-1000',
      'payout_posted:payable:1000',
      'clawback_netted:payable:200',
      'clawback_netted:paid:-200',
      'clawback:payable:-50',
      'clawback:paid:50',
      'withholding:paid:-150',
    ]);
  });

  it('the entries of any payout history sum to what its final state expects', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        fc.constantFrom<PayoutLedgerState>('open', 'void', 'paid'),
        (amount, netted, shortfall, withheld, state) => {
          const changes: PayoutChange[] = [{ kind: 'reserve', amount }];
          if (state === 'void') changes.push({ kind: 'release', amount });
          if (state === 'paid') changes.push({ kind: 'post', amount, netted, shortfall, withheld });
          expect(sum(changes)).toEqual(expectedPayoutBalances({ state, amount, netted, shortfall, withheld }));
        },
      ),
    );
  });
});
