import { randomBytes } from 'node:crypto';
import { and, eq, isNull, or, gt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { newId } from '../../platform/ids.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { apiKeys, type ApiKeyRow } from './api-keys.tables.ts';

export interface IssuedKeyPair {
  id: string;
  publishableKey: string;
  signingSecret: string;
}

const modeName = (livemode: boolean) => (livemode ? 'live' : 'test');

/** Create a key pair; the signing secret is returned here once and stored only sealed. */
export async function issueKeyPair(executor: Executor, secrets: SecretBox, merchantId: string, livemode: boolean): Promise<IssuedKeyPair> {
  const publishableKey = `pk_${modeName(livemode)}_${randomBytes(18).toString('base64url')}`;
  const signingSecret = `sk_${modeName(livemode)}_${randomBytes(32).toString('base64url')}`;
  const id = newId('key');
  await executor.insert(apiKeys).values({
    id,
    merchantId,
    livemode,
    publishableKey,
    secretSealed: secrets.seal(signingSecret),
    secretHint: signingSecret.slice(-4),
  });
  return { id, publishableKey, signingSecret };
}

export interface VerifiedKey {
  key: ApiKeyRow;
  signingSecret: string;
  merchantStatus: string;
}

const CACHE_TTL_MS = 10_000;
const LAST_USED_EVERY_MS = 60_000;

/**
 * Finds usable keys by publishable key, with a short in-process cache so a burst of API calls does
 * not hit the database for every request. Revocation in this process drops the entry at once;
 * other processes notice within the TTL.
 */
export function createKeyStore(db: Db, secrets: SecretBox) {
  const cache = new Map<string, { value: VerifiedKey | null; at: number }>();
  const lastUsedWritten = new Map<string, number>();

  async function load(publishableKey: string): Promise<VerifiedKey | null> {
    const [row] = await db
      .select({ key: apiKeys, merchantStatus: merchants.status })
      .from(apiKeys)
      .innerJoin(merchants, eq(merchants.id, apiKeys.merchantId))
      .where(and(eq(apiKeys.publishableKey, publishableKey), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`))));
    if (!row) return null;
    return { key: row.key, merchantStatus: row.merchantStatus, signingSecret: secrets.open(row.key.secretSealed) };
  }

  return {
    async find(publishableKey: string): Promise<VerifiedKey | null> {
      const cached = cache.get(publishableKey);
      const now = Date.now();
      let value = cached && now - cached.at < CACHE_TTL_MS ? cached.value : await load(publishableKey);
      if (!cached || now - cached.at >= CACHE_TTL_MS) cache.set(publishableKey, { value, at: now });
      // A rotated-out key stops at its expiry even while cached.
      if (value?.key.expiresAt && value.key.expiresAt.getTime() <= now) value = null;
      return value;
    },
    forget(publishableKey: string): void {
      cache.delete(publishableKey);
    },
    /** Record use at most once a minute per key: enough for "last used", cheap on the hot path. */
    touch(keyId: string): void {
      const now = Date.now();
      if (now - (lastUsedWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
      lastUsedWritten.set(keyId, now);
      void db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, keyId)).catch(() => lastUsedWritten.delete(keyId));
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
