import { randomBytes } from 'node:crypto';
import { and, eq, isNull, or, gt, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/client.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { newId } from '../../platform/ids.ts';
import { merchantColumns } from '../merchants/index.ts';
import { apiKeys, type ApiKeyRow } from './api-keys.tables.ts';

export interface IssuedKeyPair {
  id: string;
  publishableKey: string;
  signingSecret: string;
}

export const modeName = (livemode: boolean): 'test' | 'live' => (livemode ? 'live' : 'test');

/**
 * Create a key pair; the signing secret is returned here once and stored only sealed. `shown: false`
 * marks a secret nobody has seen yet, which the merchant may then reveal exactly once.
 */
export async function issueKeyPair(
  executor: Executor,
  secrets: SecretBox,
  merchantId: string,
  livemode: boolean,
  options: { shown?: boolean } = {},
): Promise<IssuedKeyPair> {
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
    secretShownAt: options.shown === false ? null : sql`now()`,
  });
  return { id, publishableKey, signingSecret };
}

export interface VerifiedKey {
  key: ApiKeyRow;
  signingSecret: string;
  merchantStatus: string;
}

export interface KeyStoreOptions {
  /** How long a cached lookup is trusted; a revocation in another process takes effect within this. */
  cacheSeconds: number;
  /** Bound on cached lookups, so a flood of made-up keys cannot grow memory without limit. */
  maxEntries?: number;
  /** Cache age and key expiry are reckoned on it. */
  clock: Clock;
}

const LAST_USED_EVERY_MS = 60_000;

/**
 * Finds usable keys by publishable key, with a short in-process cache so a burst of API calls does
 * not hit the database for every request. Revocation in this process drops the entry at once;
 * other processes notice within the cache time.
 */
export function createKeyStore(db: Db, secrets: SecretBox, options: KeyStoreOptions) {
  const ttlMs = options.cacheSeconds * 1000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { value: VerifiedKey | null; at: number }>();
  const lastUsedWritten = new Map<string, number>();

  async function load(publishableKey: string, now: number): Promise<VerifiedKey | null> {
    const [row] = await db
      .select({ key: apiKeys, merchantStatus: merchantColumns.status })
      .from(apiKeys)
      .innerJoin(merchantColumns, eq(merchantColumns.id, apiKeys.merchantId))
      .where(and(eq(apiKeys.publishableKey, publishableKey), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, new Date(now)))));
    if (!row) return null;
    return { key: row.key, merchantStatus: row.merchantStatus, signingSecret: secrets.open(row.key.secretSealed) };
  }

  function remember(publishableKey: string, value: VerifiedKey | null, at: number): void {
    cache.delete(publishableKey);
    // Maps iterate in insertion order: the first entry is the oldest.
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(publishableKey, { value, at });
  }

  return {
    async find(publishableKey: string): Promise<VerifiedKey | null> {
      const now = options.clock.now();
      const cached = cache.get(publishableKey);
      let value: VerifiedKey | null;
      if (cached && now - cached.at < ttlMs) {
        value = cached.value;
      } else {
        value = await load(publishableKey, now);
        if (ttlMs > 0) remember(publishableKey, value, now);
      }
      // A rotated-out key stops at its expiry even while cached.
      if (value?.key.expiresAt && value.key.expiresAt.getTime() <= now) return null;
      return value;
    },
    forget(publishableKey: string): void {
      cache.delete(publishableKey);
    },
    /** The merchant's standing changed (suspended, reinstated): its keys are looked up afresh. */
    forgetMerchant(merchantId: string): void {
      for (const [publishableKey, entry] of cache) if (entry.value?.key.merchantId === merchantId) cache.delete(publishableKey);
    },
    /** Record use at most once a minute per key: enough for "last used", cheap on the hot path. */
    touch(keyId: string): void {
      const now = Date.now();
      if (now - (lastUsedWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
      lastUsedWritten.set(keyId, now);
      void db
        .update(apiKeys)
        .set({ lastUsedAt: sql`now()` })
        .where(eq(apiKeys.id, keyId))
        .catch(() => lastUsedWritten.delete(keyId));
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
