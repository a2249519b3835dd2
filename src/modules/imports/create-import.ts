import { createReadStream } from 'node:fs';
import type { TenantActor } from '../../platform/auth/resolve-principal.ts';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/enqueue.ts';
import { csvRecords } from './csv-records.ts';
import { checkHeader } from './import-columns.ts';
import { importView } from './import-view.ts';
import { imports, type ImportType } from './imports.tables.ts';
import type { ImportView } from './imports.schemas.ts';
import { storeFile } from './stored-file.ts';

export const RUN_IMPORT_JOB = 'import.run';

export interface UploadedFile {
  path: string;
  bytes: number;
  fileName?: string | undefined;
}

/** The header and whether any record follows it, read from the start of the file only. */
async function readHead(file: string): Promise<{ header: string[] | null; hasRows: boolean }> {
  let header: string[] | null = null;
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    for await (const record of csvRecords(stream)) {
      if (header) return { header, hasRows: true };
      if (record.kind === 'error')
        throw new AppError('CSV_HEADER_INVALID', `The header line cannot be read as CSV: ${record.message}`, [
          { field: 'header', code: record.code, message: record.message },
        ]);
      header = record.cells;
    }
  } finally {
    stream.destroy();
  }
  return { header, hasRows: false };
}

/**
 * Accept an uploaded CSV file (SPEC §5): refuse a bad header at once, otherwise store the file and
 * queue its run. Rows are judged later, by the job, with the API's own code.
 */
export async function createImport(db: Db, principal: TenantActor, type: ImportType, file: UploadedFile, pokeWorker: () => void): Promise<ImportView> {
  const { header, hasRows } = await readHead(file.path);
  if (!header) throw new AppError('CSV_EMPTY', 'The file is empty: it needs a header line and at least one row');
  const check = checkHeader(type, header);
  if (!check.ok) {
    throw new AppError('CSV_HEADER_INVALID', `The header does not match a ${type} import: ${check.details.map((d) => d.message).join('; ')}`, check.details);
  }
  if (!hasRows) throw new AppError('CSV_EMPTY', 'The file has a header but no rows');
  const row = await inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(imports)
      .values({
        id: newId('imp'),
        merchantId: principal.merchantId,
        livemode: principal.livemode,
        type,
        fileName: file.fileName ?? null,
        bytes: file.bytes,
        header: header.map((name, index) => (index === 0 ? name.replace(/^\uFEFF/, '') : name)),
        fields: check.fields,
        actor: principal.actor,
      })
      .returning();
    if (!created) throw new Error('import insert returned nothing');
    await storeFile(tx, created.id, file.path);
    await enqueueJob(tx, RUN_IMPORT_JOB, { importId: created.id }, { maxAttempts: 20 });
    return created;
  });
  pokeWorker();
  return importView(row);
}
