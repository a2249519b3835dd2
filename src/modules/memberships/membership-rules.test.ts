import { describe, expect, it } from 'vitest';
import type { MembershipStatus } from './memberships.tables.ts';
import { describeCommission, isPubliclyListed, nextMembershipStatus, type MembershipAction } from './membership-rules.ts';

const now = new Date('2026-05-01T00:00:00Z');
const listed = { livemode: true, publicListing: true, status: 'ACTIVE' as const, approvalRequired: false, approvedAt: null, endDate: null };

describe('isPubliclyListed', () => {
  it.each([
    ['an active, opted-in campaign without approval requirement', {}, true],
    ['an approved campaign that requires approval', { approvalRequired: true, approvedAt: now }, true],
    ['a campaign still waiting for admin approval', { approvalRequired: true, approvedAt: null }, false],
    ['a private campaign', { publicListing: false }, false],
    ['a paused campaign', { status: 'PAUSED' as const }, false],
    ['a draft campaign', { status: 'DRAFT' as const }, false],
    ['an archived campaign', { status: 'ARCHIVED' as const }, false],
    ['a campaign past its end date', { endDate: new Date('2026-04-30T23:59:59Z') }, false],
    ['a campaign ending later', { endDate: new Date('2026-06-01T00:00:00Z') }, true],
    ['a test-mode campaign', { livemode: false }, false],
  ])('%s → %s', (_what, overrides, expected) => {
    expect(isPubliclyListed({ ...listed, ...overrides }, now)).toBe(expected);
  });
});

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
