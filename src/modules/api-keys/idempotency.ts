import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { idempotencyKeys } from './api-keys.tables.ts';

/** How long a claim protects an in-flight request before a retry may take it over. */
const CLAIM_SECONDS = 60;
/** Keys are kept at least this long (SPEC: ≥ 24 h). */
export const IDEMPOTENCY_RETENTION_HOURS = 48;

interface Claim {
  merchantId: string;
  livemode: boolean;
  key: string;
}

const claims = new WeakMap<FastifyRequest, Claim>();

/** What "the same request" means for a key: method, path with query, and the exact body bytes. */
export const idempotencyRequestHasher = (method: string, url: string) => createHash('sha256').update(`${method} ${url}\n`);

export const idempotencyRequestHash = (method: string, url: string, rawBody: string) => idempotencyRequestHasher(method, url).update(rawBody).digest('hex');

/** A body spooled to disk (a CSV import) was hashed the same way as it arrived. */
const requestHash = (request: FastifyRequest) =>
  request.spooledBody?.idempotencyHash ?? idempotencyRequestHash(request.method, request.url, request.rawBody ?? '');

function keyFrom(request: FastifyRequest): string | undefined {
  const raw = request.headers['x-idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined) return undefined;
  if (key.length === 0 || key.length > 255) {
    throw new AppError('VALIDATION_FAILED', 'X-Idempotency-Key must be 1 to 255 characters', [
      { field: 'header.x-idempotency-key', code: 'INVALID_LENGTH', message: 'must be 1 to 255 characters' },
    ]);
  }
  return key;
}

/**
 * Runs after validation (a request that fails validation stores nothing) and before the handler.
 * The first request with a key claims it with an insert that the primary key makes exclusive
 * across processes; later ones replay the stored answer, or are told it is still in progress.
 */
export async function claimIdempotencyKey(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<'replayed' | undefined> {
  const principal = request.merchant;
  const key = keyFrom(request);
  if (!principal || key === undefined) return undefined;
  const hash = requestHash(request);
  const scope = and(eq(idempotencyKeys.merchantId, principal.merchantId), eq(idempotencyKeys.livemode, principal.livemode), eq(idempotencyKeys.key, key));

  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      merchantId: principal.merchantId,
      livemode: principal.livemode,
      key,
      requestHash: hash,
      status: 'in_progress',
      lockedUntil: sql`now() + make_interval(secs => ${CLAIM_SECONDS})`,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) {
    claims.set(request, { merchantId: principal.merchantId, livemode: principal.livemode, key });
    return undefined;
  }

  const [existing] = await db.select().from(idempotencyKeys).where(scope);
  // Gone between the insert and this read: the first request just failed and released the key.
  if (!existing)
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this X-Idempotency-Key is being processed; retry shortly', [], { 'Retry-After': '1' });
  if (existing.requestHash !== hash) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This X-Idempotency-Key was already used with a different request (method, path or body); use a new key for a new request',
    );
  }
  if (existing.status === 'completed') {
    void reply
      .status(existing.responseStatus ?? 200)
      .header('Idempotent-Replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(existing.responseBody ?? '');
    return 'replayed';
  }
  // In progress: take it over only if the claim has lapsed (its process died).
  const takenOver = await db
    .update(idempotencyKeys)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${CLAIM_SECONDS})` })
    .where(and(scope, eq(idempotencyKeys.status, 'in_progress'), lt(idempotencyKeys.lockedUntil, sql`now()`)))
    .returning({ key: idempotencyKeys.key });
  if (takenOver.length === 0) {
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this X-Idempotency-Key is being processed; retry shortly', [], { 'Retry-After': '1' });
  }
  claims.set(request, { merchantId: principal.merchantId, livemode: principal.livemode, key });
  return undefined;
}

/**
 * Store the answer before it is sent, so a retry that arrives after the response always replays.
 * Server errors and validation failures release the key instead: the request may be retried as new.
 */
export async function completeIdempotencyKey(db: Db, request: FastifyRequest, statusCode: number, payload: unknown): Promise<void> {
  const claim = claims.get(request);
  if (!claim) return;
  claims.delete(request);
  const scope = and(eq(idempotencyKeys.merchantId, claim.merchantId), eq(idempotencyKeys.livemode, claim.livemode), eq(idempotencyKeys.key, claim.key));
  if (statusCode >= 500 || statusCode === 400 || typeof payload !== 'string') {
    await db.delete(idempotencyKeys).where(scope);
    return;
  }
  await db.update(idempotencyKeys).set({ status: 'completed', responseStatus: statusCode, responseBody: payload }).where(scope);
}

export async function purgeExpiredIdempotencyKeys(db: Db): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS})`));
}
