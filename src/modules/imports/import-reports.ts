import { Readable } from 'node:stream';
import { and, asc, eq, gt } from 'drizzle-orm';
import { stringify } from 'csv-stringify';
import type { Db } from '../../platform/db/client.ts';
import { importRecords, type ImportRow } from './imports.tables.ts';

const PAGE = 1000;

/** The failed records in file order, a page at a time. */
async function* failedRecords(db: Db, importId: string) {
  let after = 0;
  for (;;) {
    const page = await db
      .select({ seq: importRecords.seq, line: importRecords.line, cells: importRecords.cells, errors: importRecords.errors })
      .from(importRecords)
      .where(and(eq(importRecords.importId, importId), eq(importRecords.outcome, 'failed'), gt(importRecords.seq, after)))
      .orderBy(asc(importRecords.seq))
      .limit(PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}

/** `line,column,code,message`: one line per error, `line` the record's first line in the file. */
export function errorReport(db: Db, row: ImportRow): Readable {
  const rows = async function* () {
    for await (const record of failedRecords(db, row.id)) {
      for (const error of record.errors ?? []) yield [record.line, error.column, error.code, error.message];
    }
  };
  return Readable.from(rows()).pipe(stringify({ header: true, columns: ['line', 'column', 'code', 'message'] }));
}

/** The failed rows alone under the original header, ready to fix and upload again. */
export function failedRowsFile(db: Db, row: ImportRow): Readable {
  const rows = async function* () {
    for await (const record of failedRecords(db, row.id)) if (record.cells.length > 0) yield record.cells;
  };
  return Readable.from(rows()).pipe(stringify({ header: true, columns: row.header }));
}
