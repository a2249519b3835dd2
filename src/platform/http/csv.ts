/** Text a spreadsheet would run as a formula gets a leading quote; numbers (-12.50) stay as they are. */
export const defuseFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text);

/**
 * One CSV cell: quoted when it needs it, and text that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@` …, e.g. in an order id or a sub-id someone else chose) is defused with a quote.
 */
export function csvCell(value: string | number | null | undefined): string {
  const safe = defuseFormula(value == null ? '' : String(value));
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document: a header row of `columns`, then one line per record with those fields (a missing one is empty). */
export function toCsv<K extends string>(columns: readonly K[], records: ReadonlyArray<Partial<Record<K, string | number | null>>>): string {
  return [columns.join(','), ...records.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}
