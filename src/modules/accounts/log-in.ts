import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { users } from './accounts.tables.ts';
import { reserveLoginAttempt, settleSuccessfulLogin } from './login-throttle.ts';
import type { ThrottlePolicy } from './login-throttle-policy.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';

type ThrottleConfig = Pick<
  Config,
  'loginMaxFailuresPerEmail' | 'loginMaxFailuresPerIp' | 'loginLockoutSeconds' | 'loginLockoutMaxSeconds' | 'loginFailureWindowSeconds'
>;

export function throttlePolicies(config: ThrottleConfig): { email: ThrottlePolicy; ip: ThrottlePolicy } {
  const shared = {
    lockoutSeconds: config.loginLockoutSeconds,
    lockoutMaxSeconds: config.loginLockoutMaxSeconds,
    windowSeconds: config.loginFailureWindowSeconds,
  };
  return { email: { ...shared, maxFailures: config.loginMaxFailuresPerEmail }, ip: { ...shared, maxFailures: config.loginMaxFailuresPerIp } };
}

/**
 * Check an email and password, throttled per email and per client IP against password guessing.
 * Every attempt is counted before the (slow) password check; success takes it back.
 */
export async function logIn(
  deps: { db: Db; secrets: SecretBox; config: ThrottleConfig },
  input: { email: string; password: string; ip: string },
): Promise<{ userId: string }> {
  const email = input.email.trim().toLowerCase();
  const policies = throttlePolicies(deps.config);
  const emailSubject = `email:${email}`;
  const ipSubject = `ip:${deps.secrets.keyedHash(input.ip)}`;
  const reservation = await reserveLoginAttempt(deps.db, [
    { subject: emailSubject, policy: policies.email },
    { subject: ipSubject, policy: policies.ip },
  ]);
  if (!reservation.ok) {
    throw new AppError('TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts; try again in ${reservation.retryAfterSeconds} s`, [], {
      'Retry-After': String(reservation.retryAfterSeconds),
    });
  }
  const [user] = await deps.db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  // Verify against a decoy hash for unknown emails so both cases take the same time.
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
  await settleSuccessfulLogin(
    deps.db,
    emailSubject,
    reservation.reserved.filter((r) => r.subject === ipSubject),
  );
  return { userId: user.id };
}
