import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { jobs } from '../../platform/jobs/jobs.tables.ts';
import type { ApplyBatch, RecordResult, StagedRecord } from './import-batch.ts';
import { csvRecords } from './csv-records.ts';
import { importRecords, imports, type ImportRow, type ImportRowError, type ImportType } from './imports.tables.ts';
import { readStoredFile } from './stored-file.ts';

const STAGE_BATCH = 1000;
/** …or fewer when the rows are wide, so one insert never holds much of the file. */
const STAGE_BATCH_BYTES = 2 * 1024 * 1024;
/**
 * Groups (orders, products) applied per transaction. Each group runs in savepoints, and PostgreSQL
 * slows down sharply once a transaction has more than 64 subtransactions (its per-backend cache of
 * them overflows): 200 groups a batch ran at a quarter of the speed of 25.
 */
export const APPLY_GROUPS = 25;
/** A running import renews its job's lease every batch; this is how long each renewal lasts. */
const LEASE_SECONDS = 300;

export interface RunImportDeps {
  db: Db;
  appliers: Record<ImportType, ApplyBatch>;
}

export interface RunImportOptions {
  jobId?: string;
  /** Stop after this many batches (as if the process stopped there); the rest waits for the next run. */
  maxBatches?: number;
}

const pad = (seq: number) => String(seq).padStart(10, '0');

/** Records that are applied together share a key: an order's lines (orders, statuses), a product's rows. */
function groupKeyOf(type: ImportType, seq: number, values: Record<string, string>): string {
  const key = type === 'products' ? values.externalProductId : values.orderId;
  return key ? `k:${key}` : `#${pad(seq)}`;
}

/**
 * Read the stored file into import_records, one batch of inserts at a time. Staging writes no
 * effects, so a run that stopped half-way simply stages again from the start.
 */
async function stage(db: Db, row: ImportRow): Promise<void> {
  await db.delete(importRecords).where(eq(importRecords.importId, row.id));
  const width = row.fields.length;
  let seq = 0;
  let pending: Array<typeof importRecords.$inferInsert> = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pending.length > 0) await db.insert(importRecords).values(pending);
    pending = [];
    pendingBytes = 0;
  };
  let header = true;
  for await (const record of csvRecords(readStoredFile(db, row.id))) {
    if (header && record.kind === 'record') {
      header = false;
      continue;
    }
    seq++;
    let readErrors: ImportRowError[] | null = null;
    const values: Record<string, string> = {};
    let cells: string[] = [];
    if (record.kind === 'error') {
      readErrors = [{ column: '', code: record.code, message: record.message }];
    } else {
      cells = record.cells;
      row.fields.forEach((field, index) => {
        if (field) values[field] = (cells[index] ?? '').trim();
      });
      if (cells.length !== width) {
        readErrors = [{ column: '', code: 'COLUMN_COUNT', message: `has ${cells.length} columns; the header has ${width}` }];
      } else if (record.invalidUtf8) {
        readErrors = [{ column: '', code: 'INVALID_UTF8', message: `line ${record.line} is not valid UTF-8; save the file as UTF-8 and upload it again` }];
      }
    }
    pending.push({ importId: row.id, seq, line: record.line, groupKey: groupKeyOf(row.type, seq, values), cells, errors: readErrors });
    pendingBytes += cells.reduce((sum, cell) => sum + cell.length, 0);
    if (pending.length >= STAGE_BATCH || pendingBytes >= STAGE_BATCH_BYTES) await flush();
  }
  await flush();
  await db.update(imports).set({ staged: true, rowsTotal: seq, status: 'running' }).where(eq(imports.id, row.id));
}

/** The next groups still to apply, in group order, each group's records in file order. */
async function nextBatch(db: Db, row: ImportRow): Promise<StagedRecord[][]> {
  const keys = await db
    .selectDistinct({ groupKey: importRecords.groupKey })
    .from(importRecords)
    .where(and(eq(importRecords.importId, row.id), isNull(importRecords.outcome)))
    .orderBy(asc(importRecords.groupKey))
    .limit(APPLY_GROUPS);
  if (keys.length === 0) return [];
  const records = await db
    .select()
    .from(importRecords)
    .where(
      and(
        eq(importRecords.importId, row.id),
        isNull(importRecords.outcome),
        inArray(
          importRecords.groupKey,
          keys.map((k) => k.groupKey),
        ),
      ),
    )
    .orderBy(asc(importRecords.groupKey), asc(importRecords.seq));
  const groups = new Map<string, StagedRecord[]>();
  for (const record of records) {
    const values: Record<string, string> = {};
    row.fields.forEach((field, index) => {
      if (field) values[field] = (record.cells[index] ?? '').trim();
    });
    const group = groups.get(record.groupKey) ?? [];
    group.push({ seq: record.seq, line: record.line, values, readErrors: record.errors });
    groups.set(record.groupKey, group);
  }
  return [...groups.values()];
}

/**
 * Apply one batch and record its outcomes and counts in the same transaction: a restarted run
 * starts after the last committed batch and never applies a row twice.
 */
async function applyBatch(deps: RunImportDeps, row: ImportRow, groups: StagedRecord[][], jobId: string | undefined): Promise<void> {
  const tenant = { merchantId: row.merchantId, livemode: row.livemode, actor: row.actor };
  await inTransaction(deps.db, async (tx) => {
    const results: RecordResult[] = await deps.appliers[row.type](tx, tenant, groups);
    const seqs = results.map((r) => r.seq);
    const outcomes = results.map((r) => r.outcome);
    const errors = results.map((r) => (r.errors ? JSON.stringify(r.errors) : null));
    await tx.execute(sql`
      update import_records r set outcome = v.outcome, errors = v.errors::jsonb
      from (select unnest(${sql.param(seqs)}::int[]) as seq, unnest(${sql.param(outcomes)}::text[]) as outcome, unnest(${sql.param(errors)}::text[]) as errors) v
      where r.import_id = ${row.id} and r.seq = v.seq`);
    const countOf = (outcome: string) => outcomes.filter((o) => o === outcome).length;
    await tx
      .update(imports)
      .set({
        rowsProcessed: sql`${imports.rowsProcessed} + ${results.length}`,
        rowsSucceeded: sql`${imports.rowsSucceeded} + ${countOf('succeeded')}`,
        rowsFailed: sql`${imports.rowsFailed} + ${countOf('failed')}`,
        rowsDeduplicated: sql`${imports.rowsDeduplicated} + ${countOf('deduplicated')}`,
      })
      .where(eq(imports.id, row.id));
    if (jobId)
      await tx
        .update(jobs)
        .set({ lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
        .where(eq(jobs.id, jobId));
  });
}

async function complete(db: Db, importId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [done] = await tx
      .update(imports)
      .set({ status: 'completed', completedAt: sql`now()` })
      .where(and(eq(imports.id, importId), eq(imports.status, 'running')))
      .returning();
    if (!done) return;
    await recordEvent(tx, {
      type: 'import.completed',
      merchantId: done.merchantId,
      livemode: done.livemode,
      data: {
        id: done.id,
        type: done.type,
        status: done.status,
        rowsTotal: done.rowsTotal,
        rowsProcessed: done.rowsProcessed,
        rowsSucceeded: done.rowsSucceeded,
        rowsFailed: done.rowsFailed,
        rowsDeduplicated: done.rowsDeduplicated,
      },
    });
  });
}

/** The import job: stage the file once, then apply it batch by batch until no record is left. */
export async function runImport(deps: RunImportDeps, importId: string, options: RunImportOptions = {}): Promise<void> {
  let [row] = await deps.db.select().from(imports).where(eq(imports.id, importId));
  if (!row || row.status === 'completed' || row.status === 'failed') return;
  if (!row.staged) {
    await stage(deps.db, row);
    [row] = await deps.db.select().from(imports).where(eq(imports.id, importId));
    if (!row) return;
  }
  for (let batches = 0; options.maxBatches === undefined || batches < options.maxBatches; batches++) {
    const groups = await nextBatch(deps.db, row);
    if (groups.length === 0) return complete(deps.db, importId);
    await applyBatch(deps, row, groups, options.jobId);
  }
}
