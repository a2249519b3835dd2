import { describe, expect, it } from 'vitest';
import type { MembershipStatus } from './memberships.tables.ts';
import { describeCommission, nextMembershipStatus, type MembershipAction } from './membership-rules.ts';

describe('nextMembershipStatus', () => {
  // [current, action, approvalRequired, expected status or refusal]
  const table: Array<[MembershipStatus | null, MembershipAction, boolean, MembershipStatus | 'NOT_FOUND' | 'INVALID_TRANSITION']> = [
    [null, 'JOIN', false, 'APPROVED'],
    [null, 'JOIN', true, 'PENDING'],
    ['INVITED', 'JOIN', true, 'APPROVED'],
    ['PENDING', 'JOIN', true, 'PENDING'],
    ['APPROVED', 'JOIN', false, 'APPROVED'],
    ['REJECTED', 'JOIN', true, 'INVALID_TRANSITION'],
    [null, 'INVITE', true, 'INVITED'],
    ['REJECTED', 'INVITE', true, 'INVITED'],
    ['PENDING', 'INVITE', true, 'APPROVED'],
    ['APPROVED', 'INVITE', true, 'APPROVED'],
    ['INVITED', 'INVITE', true, 'INVITED'],
    ['PENDING', 'APPROVE', true, 'APPROVED'],
    ['REJECTED', 'APPROVE', true, 'APPROVED'],
    ['INVITED', 'APPROVE', true, 'INVALID_TRANSITION'],
    [null, 'APPROVE', true, 'NOT_FOUND'],
    ['PENDING', 'REJECT', true, 'REJECTED'],
    ['INVITED', 'REJECT', true, 'REJECTED'],
    ['APPROVED', 'REJECT', true, 'INVALID_TRANSITION'],
    [null, 'REJECT', true, 'NOT_FOUND'],
  ];
  it.each(table)('%s + %s (approvalRequired %s) → %s', (current, action, approvalRequired, expected) => {
    const result = nextMembershipStatus(current, action, { approvalRequired });
    expect(result.ok ? result.status : result.reason).toBe(expected);
  });

  it('says whether anything changed', () => {
    expect(nextMembershipStatus('PENDING', 'JOIN', { approvalRequired: true })).toMatchObject({ changed: false });
    expect(nextMembershipStatus(null, 'JOIN', { approvalRequired: true })).toMatchObject({ changed: true });
  });
});

describe('commission display', () => {
  it('formats fixed commissions as money and reports none when unset', () => {
    expect(describeCommission('FIXED', 25000, 'NPR')).toEqual({ type: 'FIXED', value: '250.00', currency: 'NPR' });
    expect(describeCommission('PERCENTAGE', 1250, 'NPR')).toEqual({ type: 'PERCENTAGE', value: '12.5', currency: 'NPR' });
    expect(describeCommission(null, null, 'NPR')).toBeNull();
  });
});
