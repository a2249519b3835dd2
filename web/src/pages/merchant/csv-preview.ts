/**
 * The first records of a CSV text, for the preview before an upload (the server parses the whole
 * file; this only shows what it will see first). Quoted fields may hold commas, quotes and line breaks.
 */
export function previewCsv(text: string, maxRecords: number): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length && records.length < maxRecords; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      record.push(cell);
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
      cell = '';
    } else cell += char;
  }
  if (records.length < maxRecords && (cell !== '' || record.length > 0)) records.push([...record, cell]);
  return records;
}

/** Columns are matched like the server does: case, surrounding spaces and a byte-order mark do not matter. */
export const sameColumn = (a: string, b: string) =>
  a
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase() === b.trim().toLowerCase();
