import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, call, type DataMode } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { previewCsv, sameColumn } from './csv-preview.ts';
import { ImportResult, type CsvImport } from './ImportResult.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

type ImportType = CsvImport['type'];

const TYPES: Array<{ value: ImportType; label: string }> = [
  { value: 'products', label: 'Products' },
  { value: 'orders', label: 'Orders' },
  { value: 'order-status', label: 'Order statuses' },
];

interface Chosen {
  file: File;
  rows: string[][];
}

/** Upload a CSV of products, orders or order statuses; watch it run; see past imports. */
export function MerchantImportsPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<DataMode>('live');
  const [type, setType] = useState<ImportType>('orders');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const template = useQuery({
    queryKey: ['imports', 'template', type],
    queryFn: () => call(api.GET('/api/v1/imports/templates/{type}', { params: { path: { type } }, parseAs: 'text' })),
  });
  const expected = template.data ? (previewCsv(template.data, 1)[0] ?? []) : [];
  const past = useQuery({
    queryKey: ['merchant', 'imports', mode, 'list'],
    queryFn: () => call(api.forMode(mode).GET('/api/v1/imports', { params: { query: { pageSize: 50 } } })),
  });

  async function choose(file: File | undefined) {
    setError(null);
    setCurrentId(null);
    if (!file) return setChosen(null);
    setChosen({ file, rows: previewCsv(await file.slice(0, 64 * 1024).text(), 6) });
  }

  async function start() {
    if (!chosen) return;
    setUploading(true);
    setError(null);
    try {
      const { file } = chosen;
      const created = await call(
        api.forMode(mode).POST('/api/v1/imports', {
          params: { query: { type, fileName: file.name } },
          // The file is the raw text/csv body, which the document leaves out (its own parser streams it to disk).
          body: file as never,
          bodySerializer: () => file,
          headers: { 'content-type': 'text/csv' },
        }),
      );
      setCurrentId(created.id);
      setChosen(null);
      await queryClient.invalidateQueries({ queryKey: ['merchant', 'imports', mode, 'list'] });
    } catch (caught) {
      const apiError = asApiError(caught);
      setError([apiError.message, ...apiError.details.map((d) => `${d.field ?? ''}: ${d.message}`)].join(' — '));
    } finally {
      setUploading(false);
    }
  }

  const header = chosen?.rows[0] ?? [];
  return (
    <div>
      <PageHeader title="Imports">
        <p>
          Upload products, orders or order statuses as a CSV file. Each row is checked exactly as the API checks it; rows that fail are listed with their line.
        </p>
      </PageHeader>
      <section className="card" aria-label="New import">
        <SelectField label="Data" name="import-mode" value={mode} onChange={(e) => setMode(e.target.value as DataMode)} hideOptional>
          <option value="live">Live</option>
          <option value="test">Test</option>
        </SelectField>
        <SelectField label="What the file holds" name="import-type" value={type} onChange={(e) => setType(e.target.value as ImportType)} hideOptional>
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <p>
          Columns: <span className="mono">{expected.join(', ')}</span>{' '}
          {template.data && (
            <a className="button button--small" download={`${type}-template.csv`} href={`data:text/csv;charset=utf-8,${encodeURIComponent(template.data)}`}>
              Download template
            </a>
          )}
        </p>
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
        </div>
        {chosen && (
          <div>
            <h2>Preview</h2>
            <ul aria-label="Detected columns" className="import-columns">
              {header.map((column, index) => {
                const known = expected.some((name) => sameColumn(column, name));
                return (
                  <li key={index} className={known ? 'tag' : 'tag tag--test'}>
                    {column} {known ? '' : '(unknown column)'}
                  </li>
                );
              })}
            </ul>
            <TableWrap>
              <table>
                <caption>First rows of {chosen.file.name}</caption>
                <thead>
                  <tr>
                    {header.map((column, index) => (
                      <th key={index} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {chosen.rows.slice(1).map((row, index) => (
                    <tr key={index}>
                      {row.map((cell, cellIndex) => (
                        <td key={cellIndex}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <button type="button" className="button button--primary" disabled={uploading} onClick={() => void start()}>
              {uploading ? 'Uploading…' : 'Start import'}
            </button>
          </div>
        )}
        <FormAlert message={error} />
      </section>
      {currentId && <ImportResult importId={currentId} mode={mode} />}
      <section aria-label="Past imports">
        <h2>Past imports</h2>
        {past.data && past.data.data.length === 0 && <p>No imports yet.</p>}
        {past.data && past.data.data.length > 0 && (
          <TableWrap>
            <table>
              <caption className="visually-hidden">Past imports, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Succeeded</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Already applied</th>
                  <th scope="col">Uploaded</th>
                </tr>
              </thead>
              <tbody>
                {past.data.data.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <button type="button" className="button button--quiet button--small" onClick={() => setCurrentId(item.id)}>
                        {item.fileName ?? item.id}
                      </button>
                    </th>
                    <td>{item.type}</td>
                    <td>{item.status}</td>
                    <td>{item.rowsTotal ?? '…'}</td>
                    <td>{item.rowsSucceeded}</td>
                    <td>{item.rowsFailed}</td>
                    <td>{item.rowsDeduplicated}</td>
                    <td>{new Date(item.createdAt).toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </div>
  );
}
