import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../email/index.ts';
import { loginThrottles, sessions, users } from './accounts.tables.ts';
import { issueAccountToken, recentTokenCount, redeemAccountToken, retireAccountTokens } from './account-tokens.ts';
import { reserveLoginAttempt } from './login-throttle.ts';
import type { ThrottlePolicy } from './login-throttle-policy.ts';
import { hashPassword } from './passwords.ts';

/** Reset requests per address and per client IP; more within the hour answer 429 whether or not the account exists. */
const RESET_POLICIES: { email: ThrottlePolicy; ip: ThrottlePolicy } = {
  email: { maxFailures: 5, lockoutSeconds: 900, lockoutMaxSeconds: 3600, windowSeconds: 3600 },
  ip: { maxFailures: 20, lockoutSeconds: 900, lockoutMaxSeconds: 3600, windowSeconds: 3600 },
};
/** Reset emails one account is sent per hour at most; further requests are answered alike but send nothing. */
const RESET_EMAILS_PER_HOUR = 3;

interface ResetDeps {
  db: Db;
  secrets: SecretBox;
  config: Pick<Config, 'passwordResetTtlMinutes'>;
}

/**
 * Someone asks for a reset link for `email`. The answer never says whether that account exists:
 * the same 202 either way (and the same 429 once an address or IP asked too often).
 */
export async function requestPasswordReset(deps: ResetDeps, input: { email: string; ip: string; baseUrl: string }): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const reservation = await reserveLoginAttempt(deps.db, [
    { subject: `reset-email:${email}`, policy: RESET_POLICIES.email },
    { subject: `reset-ip:${deps.secrets.keyedHash(input.ip)}`, policy: RESET_POLICIES.ip },
  ]);
  if (!reservation.ok) {
    throw new AppError('TOO_MANY_ATTEMPTS', `Too many reset requests; try again in ${reservation.retryAfterSeconds} s`, [], {
      'Retry-After': String(reservation.retryAfterSeconds),
    });
  }
  await inTransaction(deps.db, async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (!user) return;
    if ((await recentTokenCount(tx, user.id, 'password_reset', 3600)) >= RESET_EMAILS_PER_HOUR) return;
    const token = await issueAccountToken(tx, user.id, 'password_reset', deps.config.passwordResetTtlMinutes * 60);
    const url = `${input.baseUrl}/reset-password?token=${token}`;
    await queueEmail(tx, {
      userId: user.id,
      kind: 'password_reset',
      params: { ttlMinutes: String(deps.config.passwordResetTtlMinutes) },
      sealedParams: deps.secrets.seal(JSON.stringify({ url })),
    });
  });
}

/**
 * Set a new password with a reset token: the token is used up (with every other open reset link of
 * the account), every session of the account ends, its login lockout is lifted, and — since the
 * link arrived by email — the address counts as verified.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await inTransaction(db, async (tx) => {
    const userId = await redeemAccountToken(tx, input.token, 'password_reset');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    await retireAccountTokens(tx, userId, 'password_reset');
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    if (user) await tx.delete(loginThrottles).where(eq(loginThrottles.subject, `email:${user.email.toLowerCase()}`));
    await recordAudit(tx, { actorUserId: userId, action: 'user.password_reset', subjectType: 'user', subjectId: userId });
  });
}
