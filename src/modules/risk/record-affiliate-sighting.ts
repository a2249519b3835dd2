import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { affiliateIpSightings } from './risk.tables.ts';

/** A sighting is written at most this often per affiliate and address. */
const REFRESH_MS = 10 * 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * Remembers the keyed hash of each address an affiliate uses the dashboard from, so a click from
 * the same address converting can be flagged as self-referral. Click tracking hashes the visitor
 * address with the same `secrets.keyedHash`, so the two compare without either storing an IP.
 * The in-memory throttle only saves writes; losing it is harmless.
 */
export function createSightingRecorder(db: Db, secrets: SecretBox) {
  const lastWritten = new Map<string, number>();
  return async function recordAffiliateSighting(affiliateId: string, ip: string, now = Date.now()): Promise<void> {
    const ipHash = secrets.keyedHash(ip);
    const key = `${affiliateId}|${ipHash}`;
    const last = lastWritten.get(key);
    if (last !== undefined && now - last < REFRESH_MS) return;
    if (lastWritten.size >= MAX_REMEMBERED) lastWritten.clear();
    lastWritten.set(key, now);
    await db
      .insert(affiliateIpSightings)
      .values({ affiliateId, ipHash })
      .onConflictDoUpdate({ target: [affiliateIpSightings.affiliateId, affiliateIpSightings.ipHash], set: { lastSeenAt: sql`now()` } });
  };
}
