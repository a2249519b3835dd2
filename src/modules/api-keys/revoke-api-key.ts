import { and, eq, isNull, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { modeName } from './api-keys.service.ts';
import { apiKeys, type ApiKeyRow } from './api-keys.tables.ts';

/** Stop a key pair at once. Another merchant's key is simply not found. */
export async function revokeApiKey(db: Db, merchantId: string, keyId: string, actorUserId: string | null): Promise<ApiKeyRow> {
  return inTransaction(db, async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.merchantId, merchantId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!revoked) {
      const [existing] = await tx
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, keyId), eq(apiKeys.merchantId, merchantId)));
      if (!existing) throw notFound('API key');
      throw new AppError('INVALID_TRANSITION', 'This API key is already revoked');
    }
    await recordAudit(tx, {
      actorUserId,
      action: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: keyId,
      details: { merchantId, mode: modeName(revoked.livemode) },
    });
    return revoked;
  });
}
