import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { affiliates, type AffiliateChannel, type SocialHandles } from './affiliates.tables.ts';

/** Display names of these affiliates, by id (for reports and lists owned by other modules). */
export async function affiliateDisplayNames(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: affiliates.id, displayName: affiliates.displayName })
    .from(affiliates)
    .where(inArray(affiliates.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/** What a merchant sees of an affiliate who asked to join or was invited. */
export interface AffiliateCard {
  id: string;
  displayName: string;
  channels: AffiliateChannel[];
  website: string | null;
  socialHandles: SocialHandles;
}

/** These affiliates' public profiles, by id. */
export async function affiliateCards(executor: Executor, ids: readonly string[]): Promise<Map<string, AffiliateCard>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({
      id: affiliates.id,
      displayName: affiliates.displayName,
      channels: affiliates.channels,
      website: affiliates.website,
      socialHandles: affiliates.socialHandles,
    })
    .from(affiliates)
    .where(inArray(affiliates.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}
