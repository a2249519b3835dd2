import { lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { MAX_CLOCK_SKEW_SECONDS } from '../../platform/auth/request-signature.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { acceptedSignatures } from './api-keys.tables.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A signed request that changes state is accepted once: its signature is remembered for the key
 * until its timestamp leaves the skew window, and the same signature again is `409 REQUEST_REPLAYED`.
 * The insert is exclusive across processes (primary key). Reads may repeat.
 * Call after the signature has been verified.
 */
export async function refuseReplays(db: Db, request: FastifyRequest): Promise<void> {
  if (READS.has(request.method) || !request.merchant) return;
  const signature = String(request.headers['x-signature']).toLowerCase();
  const timestamp = Number(request.headers['x-timestamp']);
  const claimed = await db
    .insert(acceptedSignatures)
    .values({ keyId: request.merchant.keyId, signature, expiresAt: new Date((timestamp + MAX_CLOCK_SKEW_SECONDS) * 1000) })
    .onConflictDoNothing()
    .returning({ keyId: acceptedSignatures.keyId });
  if (claimed.length === 0) {
    throw new AppError(
      'REQUEST_REPLAYED',
      'This signed request was already accepted; sign every request with a fresh X-Timestamp (and use X-Idempotency-Key to retry safely)',
    );
  }
}

/** Forget signatures whose timestamps have left the skew window by `now` (the platform's clock). */
export async function purgeExpiredSignatures(db: Db, now: Date): Promise<void> {
  await db.delete(acceptedSignatures).where(lt(acceptedSignatures.expiresAt, now));
}
