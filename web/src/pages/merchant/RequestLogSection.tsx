import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { formatDateTime } from '../../format.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const REFRESH_MS = 5_000;

/** The merchant's recent signed API requests, refreshed while the page is open. */
export function RequestLogSection() {
  const api = useApi();
  const [mode, setMode] = useState<'test' | 'live' | ''>('');
  const log = useQuery({
    queryKey: ['merchant', 'request-log', mode],
    queryFn: () => call(api.GET('/api/merchant/request-log', { params: { query: { mode: mode || undefined, pageSize: 50 } } })),
    // Keep polling only while the server has the feature.
    refetchInterval: (query) => (query.state.status === 'error' ? false : REFRESH_MS),
    placeholderData: keepPreviousData,
  });
  const missing = log.isError && asApiError(log.error).isMissingEndpoint;

  return (
    <section className="section" aria-labelledby="request-log">
      <h2 id="request-log">Request log</h2>
      {!missing && (
        <div className="toolbar">
          <SelectField label="Mode" name="mode" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} hideOptional>
            <option value="">Test and live</option>
            <option value="test">Test</option>
            <option value="live">Live</option>
          </SelectField>
        </div>
      )}
      <QueryState query={log} what="the request log" feature="The request log">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="No requests yet">Signed requests to the API show up here within seconds.</EmptyState>
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Recent API requests, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Request</th>
                    <th scope="col">Status</th>
                    <th scope="col">Duration</th>
                    <th scope="col">Request id</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((entry) => (
                    <tr key={entry.id}>
                      <td>{formatDateTime(entry.createdAt)}</td>
                      <th scope="row" className="mono">
                        {entry.method} {entry.path}
                        {entry.mode === 'test' && <span className="tag tag--test">Test</span>}
                      </th>
                      <td>
                        <span className={`http-status http-status--${Math.floor(entry.status / 100)}xx`}>{entry.status}</span>
                        {entry.errorCode && <span className="cell-note mono">{entry.errorCode}</span>}
                      </td>
                      <td>{entry.latencyMs} ms</td>
                      <td className="mono muted">{entry.requestId}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryState>
    </section>
  );
}
