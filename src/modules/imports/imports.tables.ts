import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/merchants.tables.ts';

export const IMPORT_TYPES = ['products', 'orders', 'order-status'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** One uploaded CSV file and what its background run made of it (SPEC §5). */
export const imports = pgTable(
  'imports',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    livemode: boolean('livemode').notNull(),
    type: text('type', { enum: IMPORT_TYPES }).notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('queued'),
    fileName: text('file_name'),
    bytes: integer('bytes').notNull(),
    /** The header exactly as uploaded (the failed-rows file repeats it). */
    header: jsonb('header').$type<string[]>().notNull(),
    /** The API field each header column maps to, in file order. */
    fields: jsonb('fields').$type<string[]>().notNull(),
    /** Set once every record of the file is staged in import_rows. */
    staged: boolean('staged').notNull().default(false),
    rowsTotal: integer('rows_total'),
    rowsProcessed: integer('rows_processed').notNull().default(0),
    rowsSucceeded: integer('rows_succeeded').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    rowsDeduplicated: integer('rows_deduplicated').notNull().default(0),
    /** Why the whole import failed (never a row's error; those are in import_rows). */
    failureMessage: text('failure_message'),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    // Serves the merchant's import list, newest first.
    index('imports_merchant_idx').on(t.merchantId, t.livemode, t.createdAt),
    check('imports_type_check', sql`type in ('products', 'orders', 'order-status')`),
    check('imports_status_check', sql`status in ('queued', 'running', 'completed', 'failed')`),
  ],
);

export type ImportRow = typeof imports.$inferSelect;

/** The uploaded bytes in order, so a worker in any process can read the file. */
export const importChunks = pgTable(
  'import_chunks',
  {
    importId: text('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

export interface ImportRowError {
  column: string;
  code: string;
  message: string;
}

export const ROW_OUTCOMES = ['succeeded', 'failed', 'deduplicated'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/**
 * One record of an uploaded file. `groupKey` puts the records applied together side by side (an
 * order's lines); `outcome` is written in the same transaction as the record's effect, so a
 * restarted import carries on with the records that have none.
 */
export const importRecords = pgTable(
  'import_records',
  {
    importId: text('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** The record's first line in the file (the header is line 1). */
    line: integer('line').notNull(),
    groupKey: text('group_key').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    outcome: text('outcome', { enum: ROW_OUTCOMES }),
    errors: jsonb('errors').$type<ImportRowError[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.seq] }),
    // Serves the next batch: records still to apply, group by group.
    index('import_records_pending_idx')
      .on(t.importId, t.groupKey, t.seq)
      .where(sql`outcome is null`),
  ],
);
