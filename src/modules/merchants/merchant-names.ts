import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchants } from './merchants.tables.ts';

/** Business names of these merchants, by id (for reports owned by other modules). */
export async function merchantBusinessNames(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: merchants.id, name: merchants.businessName })
    .from(merchants)
    .where(inArray(merchants.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** These merchants' names and websites, by id (what an affiliate sees of the store behind a campaign). */
export async function merchantCards(executor: Executor, ids: readonly string[]): Promise<Map<string, { name: string; website: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: merchants.id, name: merchants.businessName, website: merchants.website })
    .from(merchants)
    .where(inArray(merchants.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, { name: row.name, website: row.website }]));
}
