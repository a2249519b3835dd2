import { Pager } from '../../components/Pager.tsx';
import { formatCount, formatMoney } from '../../format.ts';
import { CsvDownloadButton } from './CsvDownloadButton.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

export interface RankedRow {
  id: string;
  name: string;
  clicks: number;
  conversions: number;
  /** Money columns, keyed by header; decimal strings. */
  money: Record<string, string>;
  extra?: Record<string, string>;
}

export interface RankedTableProps<S extends string> {
  caption: string;
  nameHeader: string;
  moneyHeaders: string[];
  extraHeaders?: string[];
  rows: RankedRow[];
  currency: string;
  sorts: ReadonlyArray<{ value: S; label: string; header: string }>;
  sort: S;
  onSort(sort: S): void;
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  csv: { fileName: string; fetch(): Promise<string> };
}

/** One page of a grouped report, ordered on the server, with its CSV. */
export function RankedTable<S extends string>(props: RankedTableProps<S>) {
  const { caption, nameHeader, moneyHeaders, extraHeaders = [], rows, currency, sorts, sort, onSort, page, pageSize, total, onPage, csv } = props;
  const sortedHeader = sorts.find((s) => s.value === sort)?.header;
  const header = (name: string) => (
    <th key={name} scope="col" aria-sort={name === sortedHeader ? 'descending' : undefined}>
      {name}
    </th>
  );
  return (
    <div className="ranked">
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${csv.fileName}-sort`}>Order by</label>
          <select id={`${csv.fileName}-sort`} value={sort} onChange={(event) => onSort(event.target.value as S)}>
            {sorts.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <CsvDownloadButton label="Download CSV" fileName={`${csv.fileName}.csv`} fetchCsv={csv.fetch} />
      </div>
      {rows.length === 0 ? (
        <p className="muted">Nothing in this period.</p>
      ) : (
        <TableWrap>
          <table className="stack-on-phone">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{nameHeader}</th>
                {['Clicks', 'Conversions', ...moneyHeaders, ...extraHeaders].map(header)}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" data-label={nameHeader}>
                    {row.name}
                  </th>
                  <td data-label="Clicks">{formatCount(row.clicks)}</td>
                  <td data-label="Conversions">{formatCount(row.conversions)}</td>
                  {moneyHeaders.map((h) => (
                    <td key={h} data-label={h}>
                      {formatMoney(row.money[h], currency)}
                    </td>
                  ))}
                  {extraHeaders.map((h) => (
                    <td key={h} data-label={h}>
                      {row.extra?.[h] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager label={caption} page={page} pageSize={pageSize} total={total} onPage={onPage} />
    </div>
  );
}
