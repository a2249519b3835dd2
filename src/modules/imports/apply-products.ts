import type { Db } from '../../platform/db/client.ts';
import { writeProducts } from '../products/index.ts';
import { IMPORT_COLUMNS } from './import-columns.ts';
import { failed, type ApplyBatch, type RecordResult, type StagedRecord } from './import-batch.ts';

const REQUIRED = new Set(IMPORT_COLUMNS.products.required);

/** A ProductInput from a row: an empty optional cell is null (clears the field, as null does in the API). */
function productItem(record: StagedRecord): Record<string, string | null> {
  const item: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(record.values)) {
    if (value !== '') item[field] = value;
    else if (!REQUIRED.has(field)) item[field] = null;
  }
  return item;
}

/** `products[3].price` → `price` */
const columnOf = (field: string) => field.replace(/^products\[\d+\]\.?/, '');

/** Product rows go through the catalog's upsert engine (the same one as PUT /api/v1/products). */
export const applyProducts: ApplyBatch = async (tx, tenant, groups) => {
  const results: RecordResult[] = [];
  const readable: StagedRecord[] = [];
  for (const record of groups.flat()) {
    if (record.readErrors) results.push(...failed([record], () => record.readErrors!));
    else readable.push(record);
  }
  if (readable.length === 0) return results;
  const written = await writeProducts(tx as unknown as Db, tenant, readable.map(productItem), { mode: 'upsert' });
  const errorsByIndex = new Map(written.errors.map((error) => [error.index, error]));
  const lineOfId = new Map<string, number>();
  readable.forEach((record, index) => {
    const error = errorsByIndex.get(index);
    const id = record.values.externalProductId ?? '';
    if (!error) {
      if (!lineOfId.has(id)) lineOfId.set(id, record.line);
      return void results.push({ seq: record.seq, outcome: 'succeeded', errors: null });
    }
    if (error.code === 'DUPLICATE_IN_REQUEST') {
      const message = `externalProductId ${id} already appears on line ${lineOfId.get(id) ?? '?'} of this file`;
      return void results.push({ seq: record.seq, outcome: 'failed', errors: [{ column: 'externalProductId', code: error.code, message }] });
    }
    const errors = error.details?.length
      ? error.details.map((detail) => ({ column: detail.field ? columnOf(detail.field) : '', code: detail.code ?? error.code, message: detail.message }))
      : [{ column: error.code === 'UNKNOWN_CAMPAIGN' ? 'campaignId' : '', code: error.code, message: error.message }];
    results.push({ seq: record.seq, outcome: 'failed', errors });
  });
  return results;
};
