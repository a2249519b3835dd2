import { inTransaction, type Db } from '../../platform/db/client.ts';
import { tenantCampaignIds } from '../campaigns/index.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { findCatalogContext } from '../merchants/index.ts';
import { clearProductFields, clearsSomething, insertNewProducts, upsertProducts, type WrittenRow } from './product-bulk-sql.ts';
import { itemError, readProductItem, type ProductWrite } from './product-input.ts';
import type { BulkProductsResult, ItemError } from './products.schemas.ts';

export interface WriteProductsOptions {
  /** import: create only, an existing externalProductId fails its item. upsert: create or update. */
  mode: 'import' | 'upsert';
  /** The feed writing these items (null for the API); archiveMissing uses it. */
  sourceFeedId?: string | null;
}

/** Rows per statement. Any size works (one array parameter per column); this bounds each statement's work. */
const CHUNK_SIZE = 1000;

interface Accepted {
  index: number;
  item: ProductWrite;
}

/**
 * The catalog write engine behind import, upsert, single create and feed runs. Every item is
 * judged on its own (one bad item never blocks the good ones); the good ones are written in one
 * transaction with one statement per chunk. Items are written in externalProductId order so that
 * concurrent calls touching the same products lock them in the same order (no deadlocks).
 */
export async function writeProducts(db: Db, tenant: Tenant, items: readonly unknown[], options: WriteProductsOptions): Promise<BulkProductsResult> {
  const context = await findCatalogContext(tenant.merchantId, db);
  const errors: ItemError[] = [];
  const accepted: Accepted[] = [];
  const firstIndexOf = new Map<string, number>();

  items.forEach((raw, index) => {
    const read = readProductItem(raw, index, context);
    if (!read.ok) return void errors.push(read.error);
    const { externalProductId } = read.value;
    const first = firstIndexOf.get(externalProductId);
    if (first !== undefined) {
      return void errors.push(
        itemError(
          index,
          externalProductId,
          'DUPLICATE_IN_REQUEST',
          `externalProductId ${externalProductId} already appears at products[${first}] in this request`,
        ),
      );
    }
    firstIndexOf.set(externalProductId, index);
    accepted.push({ index, item: read.value });
  });

  const campaignIds = [...new Set(accepted.map((a) => a.item.campaignId).filter((id): id is string => typeof id === 'string'))];
  const known = await tenantCampaignIds(db, tenant, campaignIds);
  const writable = accepted.filter((a) => {
    const { campaignId } = a.item;
    if (typeof campaignId !== 'string' || known.has(campaignId)) return true;
    errors.push(
      itemError(a.index, a.item.externalProductId, 'UNKNOWN_CAMPAIGN', `products[${a.index}].campaignId is not one of your campaigns in this mode`, [
        { field: `products[${a.index}].campaignId`, code: 'UNKNOWN_CAMPAIGN', message: 'is not one of your campaigns in this mode' },
      ]),
    );
    return false;
  });
  writable.sort((a, b) => (a.item.externalProductId < b.item.externalProductId ? -1 : a.item.externalProductId > b.item.externalProductId ? 1 : 0));

  const written = new Map<string, WrittenRow>();
  const sourceFeedId = options.sourceFeedId ?? null;
  if (writable.length > 0) {
    await inTransaction(db, async (tx) => {
      for (let start = 0; start < writable.length; start += CHUNK_SIZE) {
        const chunk = writable.slice(start, start + CHUNK_SIZE).map((a) => a.item);
        const rows =
          options.mode === 'import' ? await insertNewProducts(tenant, chunk, sourceFeedId, tx) : await upsertProducts(tenant, chunk, sourceFeedId, tx);
        for (const row of rows) written.set(row.external_product_id, row);
        if (options.mode === 'upsert') await clearProductFields(tenant, chunk.filter(clearsSomething), tx);
      }
    });
  }

  const results: BulkProductsResult['results'] = items.map((raw, index) => ({
    index,
    externalProductId:
      typeof (raw as { externalProductId?: unknown } | null)?.externalProductId === 'string' ? (raw as { externalProductId: string }).externalProductId : null,
    outcome: 'failed' as const,
    id: null,
  }));
  let created = 0;
  let updated = 0;
  for (const { index, item } of writable) {
    const row = written.get(item.externalProductId);
    if (!row) {
      // Only an import leaves an item unwritten: its externalProductId already existed.
      errors.push(
        itemError(
          index,
          item.externalProductId,
          'ALREADY_EXISTS',
          `A product with externalProductId ${item.externalProductId} already exists; use upsert to update it`,
        ),
      );
      continue;
    }
    if (row.inserted) created++;
    else updated++;
    results[index] = { index, externalProductId: item.externalProductId, outcome: row.inserted ? 'created' : 'updated', id: row.id };
  }
  errors.sort((a, b) => a.index - b.index);
  return { received: items.length, created, updated, failed: errors.length, errors, results };
}
