import { describe, expect, it } from 'vitest';
import { canDecideDomain, canDecideMerchant } from './review-transitions.ts';

describe('merchant review transitions', () => {
  it.each([
    ['PENDING_REVIEW', 'APPROVED', true],
    ['PENDING_REVIEW', 'REJECTED', true],
    ['APPROVED', 'APPROVED', false],
    ['APPROVED', 'REJECTED', false],
    ['REJECTED', 'APPROVED', false],
    ['REJECTED', 'REJECTED', false],
    ['SUSPENDED', 'APPROVED', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => expect(canDecideMerchant(from, to)).toBe(allowed));
});

describe('domain review transitions', () => {
  it.each([
    ['PENDING', 'APPROVED', true],
    ['PENDING', 'REJECTED', true],
    ['APPROVED', 'REJECTED', true],
    ['REJECTED', 'APPROVED', true],
    ['APPROVED', 'APPROVED', false],
    ['REJECTED', 'REJECTED', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => expect(canDecideDomain(from, to)).toBe(allowed));
});
