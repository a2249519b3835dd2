import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { stringify } from 'csv-stringify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StringEnum } from './schemas.ts';
import { defuseFormula } from './csv.ts';

/** Rows read per query while a list streams out as CSV. */
export const EXPORT_PAGE_SIZE = 1000;

export type CsvRecord = Record<string, string | number | boolean | null>;

/** The `format` parameter of a list that also downloads as CSV. */
export const ListFormatQuery = Type.Object({
  format: Type.Optional(
    StringEnum(['json', 'csv'] as const, {
      description: '`csv` (or `Accept: text/csv`) downloads every matching row as text/csv, streamed; paging is ignored',
    }),
  ),
});

/** The caller asked for CSV: `format=csv`, or `Accept: text/csv` without `format=json`. */
export function wantsCsv(request: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return /(^|,)\s*text\/csv\s*(;|,|$)/i.test(request.headers.accept ?? '');
}

/** Every row a paged query yields, a page at a time, until a page comes back short. */
export async function* everyRow<T>(page: (window: { limit: number; offset: number }) => Promise<T[]>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += EXPORT_PAGE_SIZE) {
    const rows = await page({ limit: EXPORT_PAGE_SIZE, offset });
    yield* rows;
    if (rows.length < EXPORT_PAGE_SIZE) return;
  }
}

/**
 * Answer with the records as a CSV download, streamed as they are read: a header row of `columns`
 * (also when there is no record), text a spreadsheet would run as a formula defused.
 */
export function sendCsv(reply: FastifyReply, filename: string, columns: readonly string[], records: AsyncIterable<CsvRecord>) {
  const rows = async function* () {
    for await (const record of records) yield columns.map((column) => cell(record[column] ?? null));
  };
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(Readable.from(rows()).pipe(stringify({ header: true, columns: [...columns] })));
}

const cell = (value: string | number | boolean | null): string => (value === null ? '' : defuseFormula(String(value)));
