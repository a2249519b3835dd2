import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { campaigns } from './campaigns.tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Titles of these campaigns, by id (for reports owned by other modules); ids that are not uuids are skipped. */
export async function campaignTitles(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id) => UUID.test(id));
  if (wanted.length === 0) return new Map();
  const rows = await executor.select({ id: campaigns.id, title: campaigns.title }).from(campaigns).where(inArray(campaigns.id, wanted));
  return new Map(rows.map((row) => [row.id, row.title]));
}
