import type { Db } from '../../platform/db/client.ts';
import type { ImportRowError } from './imports.tables.ts';
import { compileValidator } from '../../platform/http/validation.ts';
import { findClickInDatabase } from '../conversions/index.ts';
import { ConversionBody } from '../conversions/index.ts';
import { recordConversion } from '../conversions/index.ts';
import type { PlatformDefaults } from '../commissions/index.ts';
import { failed, inSavepoint, rowErrors, succeeded, type ApplyBatch, type RecordResult, type StagedRecord } from './import-batch.ts';

const validateConversion = compileValidator<ConversionBody>(ConversionBody);
const ORDER_FIELDS = ['orderId', 'clickId', 'occurredAt', 'currency', 'amount', 'status'] as const;
const ITEM_FIELDS = ['sku', 'qty', 'price'] as const;

interface BuiltOrder {
  body: Record<string, unknown>;
  /** The record each item came from, by item index. */
  itemRecords: StagedRecord[];
  conflicts: Map<StagedRecord, ImportRowError[]>;
}

/**
 * One order from its lines: order fields from the lines that fill them (they must agree), one item
 * per line that names a sku, qty or price.
 */
function buildOrder(records: StagedRecord[]): BuiltOrder {
  const body: Record<string, unknown> = {};
  const conflicts = new Map<StagedRecord, ImportRowError[]>();
  for (const field of ORDER_FIELDS) {
    let firstLine = 0;
    for (const record of records) {
      const value = record.values[field];
      if (value === undefined || value === '') continue;
      if (body[field] === undefined) {
        body[field] = value;
        firstLine = record.line;
      } else if (body[field] !== value) {
        const error = {
          column: field,
          code: 'CONFLICTING_VALUE',
          message: `is ${value} here but ${String(body[field])} on line ${firstLine} of the same order`,
        };
        conflicts.set(record, [...(conflicts.get(record) ?? []), error]);
      }
    }
  }
  const itemRecords = records.filter((record) => ITEM_FIELDS.some((field) => (record.values[field] ?? '') !== ''));
  if (itemRecords.length > 0) {
    body.items = itemRecords.map((record) => {
      const item: Record<string, unknown> = {};
      if (record.values.sku) item.sku = record.values.sku;
      const qty = record.values.qty;
      if (qty) item.qty = /^\d{1,9}$/.test(qty) ? Number(qty) : qty;
      if (record.values.price) item.price = record.values.price;
      return item;
    });
  }
  return { body, itemRecords, conflicts };
}

/** Each API error detail on the line it is about: an item's field on the item's line, the rest on the first line. */
function errorsByRecord(records: StagedRecord[], built: BuiltOrder, details: ImportRowError[], fields: string[]): Map<StagedRecord, ImportRowError[]> {
  const byRecord = new Map<StagedRecord, ImportRowError[]>();
  details.forEach((error, index) => {
    const match = /^items\[(\d+)\]\.?(.*)$/.exec(fields[index] ?? '');
    const record = (match ? built.itemRecords[Number(match[1])] : undefined) ?? records[0]!;
    byRecord.set(record, [...(byRecord.get(record) ?? []), { ...error, column: match ? match[2] || 'sku' : error.column }]);
  });
  return byRecord;
}

function failOrder(records: StagedRecord[], errors: Map<StagedRecord, ImportRowError[]>): RecordResult[] {
  const first = records.find((record) => errors.has(record)) ?? records[0]!;
  return failed(
    records,
    (record) => errors.get(record) ?? [{ column: '', code: 'ORDER_FAILED', message: `another line of this order failed (line ${first.line})` }],
  );
}

/**
 * Order rows go through POST /api/v1/conversions' own code (schema, parsing, deduplication on
 * orderId, attribution, commission); an order already reported counts as deduplicated.
 */
export function applyOrders(defaults: PlatformDefaults): ApplyBatch {
  return async (tx, tenant, groups) => {
    const results: RecordResult[] = [];
    for (const records of groups) {
      const readErrors = new Map(records.filter((r) => r.readErrors).map((r) => [r, r.readErrors!]));
      if (readErrors.size > 0) {
        results.push(...failOrder(records, readErrors));
        continue;
      }
      const built = buildOrder(records);
      if (built.conflicts.size > 0) {
        results.push(...failOrder(records, built.conflicts));
        continue;
      }
      const shape = validateConversion(built.body);
      if (!shape.ok) {
        const fields = shape.details.map((d) => d.field ?? '');
        const details = shape.details.map((d) => ({
          column: d.field && d.field !== '(root)' ? d.field : '',
          code: d.code ?? 'VALIDATION_FAILED',
          message: d.message,
        }));
        results.push(...failOrder(records, errorsByRecord(records, built, details, fields)));
        continue;
      }
      const deps = { db: tx as unknown as Db, defaults, findClick: findClickInDatabase(tx) };
      const outcome = await inSavepoint(tx, (sp) => recordConversion({ ...deps, db: sp as unknown as Db }, tenant, shape.value));
      if (!outcome.ok) {
        const fields = outcome.error.details.map((d) => d.field ?? '');
        results.push(
          ...failOrder(
            records,
            errorsByRecord(
              records,
              built,
              rowErrors(outcome.error, (field) => field),
              fields,
            ),
          ),
        );
        continue;
      }
      results.push(...succeeded(records, outcome.value.created ? 'succeeded' : 'deduplicated'));
    }
    return results;
  };
}
