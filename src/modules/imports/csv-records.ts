import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export type CsvRecord =
  { kind: 'record'; line: number; cells: string[]; invalidUtf8: boolean } | { kind: 'error'; line: number; code: string; message: string };

const REPLACEMENT = '\uFFFD';

/**
 * The records of a CSV byte stream, each with the line it starts on (the first line is 1), also
 * when quoted fields span lines. A record the parser cannot read (a broken quote) comes out as an
 * error at its line and parsing carries on; bytes that are not UTF-8 mark their record.
 */
export async function* csvRecords(source: AsyncIterable<Buffer> | Readable): AsyncGenerator<CsvRecord> {
  const parser = parse({ bom: true, raw: true, relax_column_count: true, skip_empty_lines: false, skip_records_with_error: true });
  const skipped: CsvRecord[] = [];
  parser.on('skip', (error: Error & { code?: string; lines?: number }) => {
    skipped.push({ kind: 'error', line: error.lines ?? 0, code: 'CSV_MALFORMED', message: error.message });
  });
  const input = source instanceof Readable ? source : Readable.from(source);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  // Lines are counted here from each record's raw text (the parser counts a CRLF inside a quoted
  // field as two lines); empty lines are read as records so that their line breaks count too.
  let breaks = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    const line = breaks + 1;
    breaks += item.raw.match(/\r\n|\n|\r/g)?.length ?? 0;
    if (item.record.length === 1 && item.record[0] === '' && /^[\r\n]*$/.test(item.raw)) continue;
    // The parser reports skipped records as it reads ahead; keep the file's order.
    while (skipped.length > 0 && skipped[0]!.line < line) yield skipped.shift()!;
    yield { kind: 'record', line, cells: item.record, invalidUtf8: item.raw.includes(REPLACEMENT) };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}
