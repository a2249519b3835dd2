import { describe, expect, it } from 'vitest';
import { creditFor, periodStartOf, statementTotals } from './statement-math.ts';

describe('statementTotals', () => {
  it('charges the fee on the commission lines, rounded down, and subtracts credits', () => {
    expect(statementTotals(2, 1249n, [300n], 250)).toEqual({ commissionCount: 2, commissionTotal: 1249n, platformFee: 31n, credits: 300n, total: 980n });
  });
  it('with no fee the total is the commissions less the credits', () => {
    expect(statementTotals(1, 500n, [], 0)).toMatchObject({ platformFee: 0n, total: 500n });
    expect(statementTotals(0, 0n, [700n], 0)).toMatchObject({ commissionCount: 0, total: -700n });
  });
});

describe('creditFor', () => {
  it('returns a reversed commission with the fee charged on it', () => {
    expect(creditFor({ billed: 1000n, current: 0n, feePercent: 1000, credited: 0n })).toBe(1100n);
  });
  it('returns only the refunded part after a partial refund, then the rest after a reversal', () => {
    const first = creditFor({ billed: 1000n, current: 600n, feePercent: 1000, credited: 0n });
    expect(first).toBe(440n);
    expect(creditFor({ billed: 1000n, current: 0n, feePercent: 1000, credited: first })).toBe(660n);
  });
  it('owes nothing for a commission still worth what was billed, or already credited', () => {
    expect(creditFor({ billed: 1000n, current: 1000n, feePercent: 500, credited: 0n })).toBe(0n);
    expect(creditFor({ billed: 1000n, current: 0n, feePercent: 0, credited: 1000n })).toBe(0n);
  });
});

describe('periodStartOf', () => {
  it('weekly periods start on Monday, monthly on the 1st (UTC)', () => {
    expect(periodStartOf(new Date('2026-12-09T10:00:00Z'), 'weekly').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(periodStartOf(new Date('2026-12-06T23:00:00Z'), 'weekly').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(periodStartOf(new Date('2026-12-09T10:00:00Z'), 'monthly').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
