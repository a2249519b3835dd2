import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { apiKeys } from './api-keys.tables.ts';
import type { IssuedKeyPair } from './api-keys.service.ts';

/**
 * The newest unrevoked test pair of a merchant, secret included. Only the demo uses it: the demo
 * merchant's password is public anyway, and `serve --demo` must print keys that work on every start,
 * not only the first. Never call it for a real merchant (secrets are shown once, decision 0005).
 */
export async function readDemoTestKeyPair(db: Db, secrets: SecretBox, merchantId: string): Promise<IssuedKeyPair | null> {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.merchantId, merchantId), eq(apiKeys.livemode, false), isNull(apiKeys.revokedAt), isNull(apiKeys.expiresAt)))
    .orderBy(desc(apiKeys.createdAt))
    .limit(1);
  return key ? { id: key.id, publishableKey: key.publishableKey, signingSecret: secrets.open(key.secretSealed) } : null;
}
