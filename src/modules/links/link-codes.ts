import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { links } from './links.tables.ts';

/** Short codes of these links, by id (for reports owned by other modules). */
export async function linkCodes(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id) => id !== '');
  if (wanted.length === 0) return new Map();
  const rows = await executor.select({ id: links.id, code: links.code }).from(links).where(inArray(links.id, wanted));
  return new Map(rows.map((row) => [row.id, row.code]));
}
