import type { TenantActor } from '../../platform/auth/resolve-principal.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { ImportRowError, RowOutcome } from './imports.tables.ts';

/** One staged record: its cells by field name (trimmed), and any error found while reading the file. */
export interface StagedRecord {
  seq: number;
  line: number;
  values: Record<string, string>;
  readErrors: ImportRowError[] | null;
}

export interface RecordResult {
  seq: number;
  outcome: RowOutcome;
  errors: ImportRowError[] | null;
}

/** Applies one batch of groups (an order's lines, a product's rows) inside the batch's transaction. */
export type ApplyBatch = (tx: Tx, tenant: TenantActor, groups: StagedRecord[][]) => Promise<RecordResult[]>;

export const failed = (records: StagedRecord[], errorsOf: (record: StagedRecord) => ImportRowError[]): RecordResult[] =>
  records.map((record) => ({ seq: record.seq, outcome: 'failed', errors: errorsOf(record) }));

export const succeeded = (records: StagedRecord[], outcome: RowOutcome = 'succeeded'): RecordResult[] =>
  records.map((record) => ({ seq: record.seq, outcome, errors: null }));

/** A row error per detail of an API error; `columnOf` turns an API field path into a column. */
export function rowErrors(error: AppError, columnOf: (field: string) => string): ImportRowError[] {
  if (error.details.length === 0) return [{ column: '', code: error.code, message: error.message }];
  return error.details.map((detail: ErrorDetail) => ({
    column: detail.field ? columnOf(detail.field) : '',
    code: detail.code ?? error.code,
    message: detail.message,
  }));
}

/**
 * Run one group's writes in its own savepoint: an API error becomes row errors and undoes only
 * that group; anything else (the database going away) fails the batch, which is retried whole.
 */
export async function inSavepoint<T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  try {
    return { ok: true, value: await tx.transaction(work) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    throw error;
  }
}
