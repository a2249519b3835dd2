import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { modeName } from './api-keys.service.ts';
import { apiKeys, type ApiKeyRow } from './api-keys.tables.ts';
import { keyStatus } from './key-status.ts';

/** What the dashboard may show of a key: never the secret, only its last characters. */
export function describeKey(key: ApiKeyRow, now: Date) {
  const mode = modeName(key.livemode);
  return {
    id: key.id,
    mode,
    publishableKey: key.publishableKey,
    secretHint: `sk_${mode}_…${key.secretHint}`,
    secretRevealable: key.secretShownAt === null && key.revokedAt === null,
    status: keyStatus(key, now),
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(db: Db, merchantId: string, query: PageQuery & { mode?: 'test' | 'live' | undefined }, now: Date) {
  const conditions: SQL[] = [eq(apiKeys.merchantId, merchantId)];
  if (query.mode) conditions.push(eq(apiKeys.livemode, query.mode === 'live'));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(query);
  const rows = await db.select().from(apiKeys).where(where).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(apiKeys).where(where);
  return toPage(
    query,
    rows.map((row) => describeKey(row, now)),
    total?.n ?? 0,
  );
}
