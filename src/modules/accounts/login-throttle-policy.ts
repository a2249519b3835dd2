/**
 * Login throttling rules, free of I/O. Each subject (an email, a client IP) has a count of failed
 * attempts. An attempt is counted *before* its password is checked, so a burst of parallel guesses
 * cannot slip past the limit; a successful attempt is then taken back (see log-in.ts).
 */
export interface ThrottlePolicy {
  /** Attempts allowed before a lockout. */
  maxFailures: number;
  /** The first lockout; it doubles with each further failure. */
  lockoutSeconds: number;
  lockoutMaxSeconds: number;
  /** Failures are forgotten after this long without a new one. */
  windowSeconds: number;
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export type Reservation = { allowed: true; next: ThrottleState } | { allowed: false; retryAfterSeconds: number };

/** Lockout after the `failures`-th failure: none below the limit, then base × 2^(failures − limit), capped. */
export function lockoutSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.maxFailures) return 0;
  const doublings = Math.min(failures - policy.maxFailures, 30);
  return Math.min(policy.lockoutMaxSeconds, policy.lockoutSeconds * 2 ** doublings);
}

/**
 * Count one more attempt, or refuse it while the subject is locked. The attempt that reaches the
 * limit locks the subject already, so parallel attempts behind it are refused.
 */
export function reserveAttempt(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): Reservation {
  if (state?.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000)) };
  }
  const forgotten = !state || now.getTime() - state.lastFailureAt.getTime() >= policy.windowSeconds * 1000;
  const failures = (forgotten ? 0 : state.failures) + 1;
  const lockout = lockoutSeconds(failures, policy);
  return {
    allowed: true,
    next: { failures, lastFailureAt: now, lockedUntil: lockout > 0 ? new Date(now.getTime() + lockout * 1000) : null },
  };
}
