import { useQuery } from '@tanstack/react-query';
import { call, type DataMode, type ResponseOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { previewCsv } from './csv-preview.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

/** A CSV import and its progress. */
export type CsvImport = ResponseOf<'/api/v1/imports/{id}', 'get'>;

const running = (status: CsvImport['status']) => status === 'queued' || status === 'running';

/** Save a text answer as a file (the report routes need the session's X-Mode, so no plain link). */
function saveText(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** One import: a live progress bar while it runs, then its counts, its error rows and the two downloads. */
export function ImportResult({ importId, mode }: { importId: string; mode: DataMode }) {
  const api = useApi().forMode(mode);
  const params = { path: { id: importId } };
  const errorReport = () => call(api.GET('/api/v1/imports/{id}/errors', { params, parseAs: 'text' }));
  const failedRows = () => call(api.GET('/api/v1/imports/{id}/failed-rows', { params, parseAs: 'text' }));
  const view = useQuery({
    queryKey: ['merchant', 'imports', mode, importId],
    queryFn: () => call(api.GET('/api/v1/imports/{id}', { params })),
    refetchInterval: (query) => (query.state.data && !running(query.state.data.status) ? false : 1000),
  });
  const current = view.data;
  const finished = current !== undefined && !running(current.status);
  const errors = useQuery({
    queryKey: ['merchant', 'imports', mode, importId, 'errors'],
    queryFn: errorReport,
    enabled: finished && (current?.rowsFailed ?? 0) > 0,
  });
  if (!current) return <p role="status">Loading the import…</p>;
  const total = current.rowsTotal ?? 0;
  const errorRows = errors.data ? previewCsv(errors.data, 201).slice(1) : [];
  return (
    <section className="card" aria-label={`Import ${current.fileName ?? current.id}`}>
      <h2>
        {current.fileName ?? 'Import'} <span className="muted">({current.type})</span>
      </h2>
      {running(current.status) ? (
        <div>
          <label htmlFor={`progress-${current.id}`}>
            {current.rowsTotal === null ? 'Reading the file…' : `Applying rows: ${current.rowsProcessed} of ${total}`}
          </label>
          <progress id={`progress-${current.id}`} max={total || 1} value={current.rowsProcessed} />
        </div>
      ) : (
        <p role="status">
          {current.status === 'failed' ? `The import failed: ${current.failureMessage ?? 'unknown error'}` : `Completed: ${current.rowsTotal ?? 0} rows`}
        </p>
      )}
      <dl className="import-counts">
        <dt>Succeeded</dt>
        <dd>{current.rowsSucceeded}</dd>
        <dt>Failed</dt>
        <dd>{current.rowsFailed}</dd>
        <dt>Already applied</dt>
        <dd>{current.rowsDeduplicated}</dd>
      </dl>
      {finished && current.rowsFailed > 0 && (
        <>
          <div className="page-actions">
            <button type="button" className="button" onClick={async () => saveText(await errorReport(), `${current.id}-errors.csv`)}>
              Download error report
            </button>
            <button type="button" className="button" onClick={async () => saveText(await failedRows(), `${current.id}-failed-rows.csv`)}>
              Download failed rows
            </button>
          </div>
          <TableWrap>
            <table>
              <caption>Rows that failed</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Code</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {errorRows.map(([line, column, code, message], index) => (
                  <tr key={index}>
                    <td>{line}</td>
                    <td>{column}</td>
                    <td className="mono">{code}</td>
                    <td>{message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
