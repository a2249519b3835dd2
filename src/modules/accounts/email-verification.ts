import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { queueEmail } from '../email/index.ts';
import { users } from './accounts.tables.ts';
import { issueAccountToken, recentTokenCount, redeemAccountToken, retireAccountTokens } from './account-tokens.ts';

/** Verification emails one account may ask for per hour. */
const VERIFICATION_EMAILS_PER_HOUR = 5;

export interface VerificationDeps {
  secrets: SecretBox;
  config: Pick<Config, 'emailVerificationTtlHours'>;
}

/** Queue a verification link for the user, in the caller's transaction (the sign-up's). */
export async function sendVerificationEmail(tx: Executor, deps: VerificationDeps, userId: string, baseUrl: string): Promise<void> {
  const token = await issueAccountToken(tx, userId, 'email_verification', deps.config.emailVerificationTtlHours * 3600);
  const url = `${baseUrl}/verify-email?token=${token}`;
  await queueEmail(tx, {
    userId,
    kind: 'email_verification',
    params: { ttlHours: String(deps.config.emailVerificationTtlHours) },
    sealedParams: deps.secrets.seal(JSON.stringify({ url })),
  });
}

/** A signed-in user asks for a new link; an address already verified needs none. */
export async function resendVerificationEmail(db: Db, deps: VerificationDeps, userId: string, baseUrl: string): Promise<{ alreadyVerified: boolean }> {
  return inTransaction(db, async (tx) => {
    const [user] = await tx.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).for('update');
    if (!user || user.verifiedAt) return { alreadyVerified: true };
    if ((await recentTokenCount(tx, userId, 'email_verification', 3600)) >= VERIFICATION_EMAILS_PER_HOUR) {
      throw new AppError('TOO_MANY_ATTEMPTS', 'Too many verification emails this hour; use the latest one or try again later', [], { 'Retry-After': '3600' });
    }
    await sendVerificationEmail(tx, deps, userId, baseUrl);
    return { alreadyVerified: false };
  });
}

/** Follow a verification link: the token is used up and the address is verified. */
export async function verifyEmail(db: Db, token: string): Promise<{ email: string }> {
  return inTransaction(db, async (tx) => {
    const userId = await redeemAccountToken(tx, token, 'email_verification');
    await retireAccountTokens(tx, userId, 'email_verification');
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    return { email: user?.email ?? '' };
  });
}
