import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { modeName } from './api-keys.service.ts';
import { apiKeys } from './api-keys.tables.ts';

/**
 * Show the signing secret of a pair that nobody has seen yet (pairs issued when an admin approved the
 * merchant). The update marks it shown in the same statement, so it can be revealed only once.
 */
export async function revealApiKeySecret(db: Db, secrets: SecretBox, merchantId: string, keyId: string, actorUserId: string | null) {
  return inTransaction(db, async (tx) => {
    const [key] = await tx
      .update(apiKeys)
      .set({ secretShownAt: sql`now()` })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.merchantId, merchantId), isNull(apiKeys.secretShownAt), isNull(apiKeys.revokedAt)))
      .returning();
    if (!key) {
      const [existing] = await tx
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, keyId), eq(apiKeys.merchantId, merchantId)));
      if (!existing) throw notFound('API key');
      throw new AppError('CONFLICT', 'This signing secret was already shown (or the key is revoked); rotate the key to get a new secret');
    }
    await recordAudit(tx, {
      actorUserId,
      action: 'api_key.secret_revealed',
      subjectType: 'api_key',
      subjectId: keyId,
      details: { merchantId, mode: modeName(key.livemode) },
    });
    return { key, signingSecret: secrets.open(key.secretSealed) };
  });
}
