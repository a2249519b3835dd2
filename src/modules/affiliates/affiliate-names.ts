import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { affiliates } from './affiliates.tables.ts';

/** Display names of these affiliates, by id (for reports and lists owned by other modules). */
export async function affiliateDisplayNames(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: affiliates.id, displayName: affiliates.displayName })
    .from(affiliates)
    .where(inArray(affiliates.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}
