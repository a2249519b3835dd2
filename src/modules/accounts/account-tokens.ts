import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { accountTokens, type AccountTokenPurpose } from './accounts.tables.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new single-use token for `purpose`; only its hash is stored, the token itself goes into the email. */
export async function issueAccountToken(tx: Executor, userId: string, purpose: AccountTokenPurpose, ttlSeconds: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(accountTokens).values({ tokenHash: hashToken(token), userId, purpose, expiresAt: sql`now() + make_interval(secs => ${ttlSeconds})` });
  return token;
}

/**
 * Use a token once: the one UPDATE that marks it used decides, so two requests with the same token
 * cannot both succeed. Unknown, used and expired tokens all get the same answer.
 */
export async function redeemAccountToken(tx: Executor, token: string, purpose: AccountTokenPurpose): Promise<string> {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: accountTokens.userId });
  if (!row)
    throw new AppError('INVALID_TOKEN', 'This link is invalid, expired or already used; ask for a new one', [
      { field: 'token', code: 'INVALID_TOKEN', message: 'is invalid, expired or already used' },
    ]);
  return row.userId;
}

/** Retire every open token of a user for `purpose` (a reset used, an address verified). */
export async function retireAccountTokens(tx: Executor, userId: string, purpose: AccountTokenPurpose): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}

/** How many tokens for `purpose` a user was sent in the last `seconds`. */
export async function recentTokenCount(tx: Executor, userId: string, purpose: AccountTokenPurpose, seconds: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(accountTokens)
    .where(
      and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), gt(accountTokens.createdAt, sql`now() - make_interval(secs => ${seconds})`)),
    );
  return row?.n ?? 0;
}

/** Forget tokens a day after they expired or were used. */
export async function purgeAccountTokens(db: Db): Promise<void> {
  await db.delete(accountTokens).where(or(lt(accountTokens.expiresAt, sql`now() - interval '1 day'`), lt(accountTokens.usedAt, sql`now() - interval '1 day'`)));
}
