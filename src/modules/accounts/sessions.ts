import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { SessionPrincipal } from '../../platform/auth/route-auth.types.ts';
import { SESSION_COOKIE, sessionRolesOf } from '../../platform/auth/route-principals.ts';
import { affiliateColumns } from '../affiliates/index.ts';
import { merchantColumns } from '../merchants/index.ts';
import { sessions, users } from './accounts.tables.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, ttlHours: number): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}

export async function findSession(db: Db, token: string): Promise<SessionPrincipal | null> {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      role: users.role,
      csrfToken: sessions.csrfToken,
      merchantId: merchantColumns.id,
      affiliateId: affiliateColumns.id,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(merchantColumns, eq(merchantColumns.userId, users.id))
    .leftJoin(affiliateColumns, eq(affiliateColumns.userId, users.id))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, sql`now()`)));
  return row ?? null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Authenticate a dashboard request: session cookie, role, and the CSRF token on every write. */
export async function authenticateSession(db: Db, request: FastifyRequest): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await findSession(db, token) : null;
  if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in first: this needs a dashboard session');
  const roles = sessionRolesOf(request.routeOptions.config.principals ?? []);
  if (!roles.includes(session.role)) throw new AppError('FORBIDDEN', `This needs a ${roles.join(' or ')} account`);
  // The cookie alone proves nothing on a write: a cross-site form would send it too.
  if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers['x-csrf-token'], session.csrfToken)) {
    throw new AppError('CSRF_FAILED', 'Send the csrfToken from the login response in the X-CSRF-Token header');
  }
  request.session = session;
}
