import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDateTime } from '../../format.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const PAGE_SIZE = 50;
const FILTERS = ['action', 'subjectType', 'subjectId'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const detailText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Who approved, rejected, suspended, rotated or changed what, newest first, filtered by action or subject. */
export function AdminAuditLogPage() {
  const api = useApi();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['admin', 'audit-log', filters, page],
    queryFn: () => call(api.GET('/api/admin/audit-log', { params: { query: { page, pageSize: PAGE_SIZE, ...filters } } })),
  });
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Filters = {};
    for (const name of FILTERS) {
      const value = String(data.get(name) ?? '').trim();
      if (value) next[name] = value;
    }
    setFilters(next);
    setPage(1);
  };

  return (
    <div>
      <PageHeader title="Audit log">
        <p>Every decision an admin or a store made about accounts, keys, campaigns, payouts and settings, with who made it.</p>
      </PageHeader>
      <form className="toolbar" role="search" aria-label="Audit log" onSubmit={apply}>
        <TextField label="Action" name="action" placeholder="merchant.suspended" defaultValue={filters.action} />
        <TextField label="Subject type" name="subjectType" placeholder="merchant" defaultValue={filters.subjectType} />
        <TextField label="Subject id" name="subjectId" defaultValue={filters.subjectId} />
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <QueryState query={log} what="the audit log" feature="Audit log">
        {(result) =>
          result.data.length === 0 ? (
            <EmptyState title="Nothing recorded">No entry matches these filters.</EmptyState>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Audit entries, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">Action</th>
                      <th scope="col">Subject</th>
                      <th scope="col">Details</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.map((entry) => (
                      <tr key={entry.id}>
                        <th scope="row" data-label="When">
                          {formatDateTime(entry.createdAt)}
                        </th>
                        <td data-label="Who">{entry.actorEmail ?? entry.actorUserId ?? <span className="muted">The platform</span>}</td>
                        <td data-label="Action">
                          <span className="mono">{entry.action}</span>
                        </td>
                        <td data-label="Subject">
                          {entry.subjectType}
                          <span className="cell-note mono">{entry.subjectId}</span>
                        </td>
                        <td data-label="Details">
                          {Object.keys(entry.details).length === 0 ? (
                            <span className="muted">—</span>
                          ) : (
                            <ul className="plain-list">
                              {Object.entries(entry.details).map(([key, value]) => (
                                <li key={key}>
                                  {key}: {detailText(value)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pager label="Audit log" page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
