import { describe, expect, it } from 'vitest';
import { lockoutSeconds, reserveAttempt, type ThrottlePolicy, type ThrottleState } from './login-throttle-policy.ts';

const policy: ThrottlePolicy = { maxFailures: 5, lockoutSeconds: 60, lockoutMaxSeconds: 3600, windowSeconds: 3600 };
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('lockoutSeconds', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 60],
    [6, 120],
    [7, 240],
    [10, 1920],
    [11, 3600],
    [500, 3600],
  ])('after failure %i → %i s', (failures, seconds) => expect(lockoutSeconds(failures, policy)).toBe(seconds));
});

describe('reserveAttempt', () => {
  it('counts attempts and locks when the limit is reached', () => {
    let state: ThrottleState | null = null;
    for (let i = 1; i <= 4; i++) {
      const r = reserveAttempt(state, at(i), policy);
      expect(r.allowed).toBe(true);
      if (!r.allowed) return;
      expect(r.next).toEqual({ failures: i, lastFailureAt: at(i), lockedUntil: null });
      state = r.next;
    }
    const fifth = reserveAttempt(state, at(5), policy);
    expect(fifth).toEqual({ allowed: true, next: { failures: 5, lastFailureAt: at(5), lockedUntil: at(65) } });
  });

  it('refuses while locked, with the seconds left rounded up', () => {
    const locked: ThrottleState = { failures: 5, lastFailureAt: at(0), lockedUntil: at(60) };
    expect(reserveAttempt(locked, at(0), policy)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(reserveAttempt(locked, new Date(at(59).getTime() + 500), policy)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('doubles the lockout for each failure after one has expired', () => {
    const expired: ThrottleState = { failures: 5, lastFailureAt: at(0), lockedUntil: at(60) };
    const next = reserveAttempt(expired, at(61), policy);
    expect(next).toEqual({ allowed: true, next: { failures: 6, lastFailureAt: at(61), lockedUntil: at(61 + 120) } });
  });

  it('forgets failures after a quiet window', () => {
    const old: ThrottleState = { failures: 9, lastFailureAt: at(0), lockedUntil: at(960) };
    expect(reserveAttempt(old, at(3600), policy)).toEqual({ allowed: true, next: { failures: 1, lastFailureAt: at(3600), lockedUntil: null } });
    expect(reserveAttempt(old, at(3599), policy)).toMatchObject({ allowed: true, next: { failures: 10 } });
  });
});
