import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { lockMerchantForUpdate } from '../merchants/index.ts';
import { issueKeyPair, modeName, type IssuedKeyPair } from './api-keys.service.ts';
import { apiKeys } from './api-keys.tables.ts';

export interface Rotation {
  issued: IssuedKeyPair & { livemode: boolean; createdAt: Date };
  /** The pairs it replaces: they keep working until `expiresAt`. */
  retired: Array<{ id: string; publishableKey: string; expiresAt: Date }>;
}

/**
 * Issue a new key pair for one mode, live at once, and give every current pair of that mode a
 * grace period after which it stops (a pair already expiring keeps its earlier end).
 */
export async function rotateApiKey(
  deps: { db: Db; secrets: SecretBox; graceSeconds: number; now: Date },
  merchantId: string,
  livemode: boolean,
  actorUserId: string | null,
): Promise<Rotation> {
  return inTransaction(deps.db, async (tx) => {
    // Locking the merchant row makes two rotations of one merchant take turns.
    const merchant = await lockMerchantForUpdate(tx, merchantId);
    if (!merchant) throw notFound('Merchant');
    if (merchant.status !== 'APPROVED') throw new AppError('MERCHANT_NOT_APPROVED', 'API keys are available once the merchant account is approved');
    const graceEnd = new Date(deps.now.getTime() + deps.graceSeconds * 1000).toISOString();
    const retired = await tx
      .update(apiKeys)
      .set({ expiresAt: sql`least(coalesce(${apiKeys.expiresAt}, 'infinity'::timestamptz), ${graceEnd}::timestamptz)` })
      .where(
        and(
          eq(apiKeys.merchantId, merchantId),
          eq(apiKeys.livemode, livemode),
          isNull(apiKeys.revokedAt),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, deps.now)),
        ),
      )
      .returning({ id: apiKeys.id, publishableKey: apiKeys.publishableKey, expiresAt: apiKeys.expiresAt });
    const issued = await issueKeyPair(tx, deps.secrets, merchantId, livemode);
    const [created] = await tx.select({ createdAt: apiKeys.createdAt }).from(apiKeys).where(eq(apiKeys.id, issued.id));
    await recordAudit(tx, {
      actorUserId,
      action: 'api_key.rotated',
      subjectType: 'api_key',
      subjectId: issued.id,
      details: { merchantId, mode: modeName(livemode), retiredKeyIds: retired.map((r) => r.id), graceSeconds: deps.graceSeconds },
    });
    return {
      issued: { ...issued, livemode, createdAt: created!.createdAt },
      retired: retired.map((r) => ({ id: r.id, publishableKey: r.publishableKey, expiresAt: r.expiresAt! })),
    };
  });
}
