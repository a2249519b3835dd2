import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { loginThrottles } from './accounts.tables.ts';
import { reserveAttempt, type ThrottlePolicy, type ThrottleState } from './login-throttle-policy.ts';

export interface ThrottleSubject {
  subject: string;
  policy: ThrottlePolicy;
}

export type LoginReservation = { ok: true; reserved: Array<{ subject: string; state: ThrottleState }> } | { ok: false; retryAfterSeconds: number };

/**
 * Count a login attempt against every subject, or refuse it if any of them is locked. Row locks
 * (taken in a fixed order, so two logins never deadlock) make the count exact across processes.
 */
export async function reserveLoginAttempt(db: Db, subjects: ThrottleSubject[], now = new Date()): Promise<LoginReservation> {
  const ordered = [...subjects].sort((a, b) => a.subject.localeCompare(b.subject));
  return inTransaction(db, async (tx) => {
    await tx
      .insert(loginThrottles)
      .values(ordered.map(({ subject }) => ({ subject, failures: 0, lastFailureAt: now })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(loginThrottles)
      .where(
        inArray(
          loginThrottles.subject,
          ordered.map((s) => s.subject),
        ),
      )
      .orderBy(asc(loginThrottles.subject))
      .for('update');
    const bySubject = new Map(rows.map((row) => [row.subject, row]));
    const reserved: Array<{ subject: string; state: ThrottleState }> = [];
    let refusedFor = 0;
    for (const { subject, policy } of ordered) {
      const row = bySubject.get(subject);
      const state = row && row.failures > 0 ? row : null;
      const reservation = reserveAttempt(state, now, policy);
      if (!reservation.allowed) refusedFor = Math.max(refusedFor, reservation.retryAfterSeconds);
      else reserved.push({ subject, state: reservation.next });
    }
    if (refusedFor > 0) return { ok: false, retryAfterSeconds: refusedFor };
    for (const { subject, state } of reserved) {
      await tx.update(loginThrottles).set(state).where(eq(loginThrottles.subject, subject));
    }
    return { ok: true, reserved };
  });
}

/**
 * A successful login clears its email's failures, and gives back the attempt it counted against
 * shared subjects (its IP) — lifting the lockout only if this very attempt set it.
 */
export async function settleSuccessfulLogin(db: Db, cleared: string, refunded: Array<{ subject: string; state: ThrottleState }>): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.delete(loginThrottles).where(eq(loginThrottles.subject, cleared));
    for (const { subject, state } of refunded) {
      await tx
        .update(loginThrottles)
        .set({
          failures: sql`greatest(${loginThrottles.failures} - 1, 0)`,
          lockedUntil: state.lockedUntil
            ? sql`case when ${loginThrottles.lockedUntil} = ${state.lockedUntil.toISOString()}::timestamptz then null else ${loginThrottles.lockedUntil} end`
            : sql`${loginThrottles.lockedUntil}`,
        })
        .where(eq(loginThrottles.subject, subject));
    }
  });
}

/** Forget throttles that have been quiet for longer than any window and are not locked. */
export async function purgeLoginThrottles(db: Db, olderThanSeconds: number): Promise<void> {
  await db
    .delete(loginThrottles)
    .where(
      and(
        lt(loginThrottles.lastFailureAt, sql`now() - make_interval(secs => ${olderThanSeconds})`),
        sql`(${loginThrottles.lockedUntil} is null or ${loginThrottles.lockedUntil} < now())`,
      ),
    );
}
