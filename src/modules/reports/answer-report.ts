import type { FastifyReply } from 'fastify';
import type { TObject } from '@sinclair/typebox';
import { toCsv } from '../../platform/http/csv.ts';

type Row = Record<string, string | number | null>;

/** JSON, or with `format=csv` the report's rows as text/csv, one column per field of the row schema (so an empty report still has its header). */
export function answerReport(reply: FastifyReply, format: string | undefined, name: string, body: object, rows: Row[], row: TObject) {
  if (format !== 'csv') return body;
  const columns = Object.keys(row.properties);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .serializer((text: string) => text)
    .send(toCsv(columns, rows) as never);
}
