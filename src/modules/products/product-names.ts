import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { products } from './products.tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names of these products, by id (for reports owned by other modules); ids that are not uuids are skipped. */
export async function productNames(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id) => UUID.test(id));
  if (wanted.length === 0) return new Map();
  const rows = await executor.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
