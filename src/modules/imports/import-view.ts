import type { ImportRow } from './imports.tables.ts';
import type { ImportView } from './imports.schemas.ts';

export function importView(row: ImportRow): ImportView {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    livemode: row.livemode,
    fileName: row.fileName,
    bytes: row.bytes,
    columns: row.header,
    rowsTotal: row.rowsTotal,
    rowsProcessed: row.rowsProcessed,
    rowsSucceeded: row.rowsSucceeded,
    rowsFailed: row.rowsFailed,
    rowsDeduplicated: row.rowsDeduplicated,
    failureMessage: row.failureMessage,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
