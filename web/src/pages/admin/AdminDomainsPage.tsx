import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { DecisionButton } from '../../components/DecisionButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const PAGE_SIZE = 25;
const STATUSES = { PENDING: 'Waiting for review', APPROVED: 'Approved', REJECTED: 'Rejected' } as const;
type DomainStatus = keyof typeof STATUSES;

/** Domains stores asked to sell on: approve or reject with a reason; a decision can be revisited later. */
export function AdminDomainsPage() {
  const api = useApi();
  const [status, setStatus] = useState<DomainStatus>('PENDING');
  const [page, setPage] = useState(1);
  const domains = useQuery({
    queryKey: ['admin', 'domains', status, page],
    queryFn: () => call(api.GET('/api/admin/domains', { params: { query: { status, page, pageSize: PAGE_SIZE } } })),
  });
  const invalidates = ['admin'];

  return (
    <div>
      <PageHeader title="Domain approvals">
        <p>Product links may only point at a store's approved domains (and their subdomains). Check that each domain belongs to the store that asked for it.</p>
      </PageHeader>
      <div className="toolbar">
        <SelectField
          label="Status"
          name="status"
          hideOptional
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as DomainStatus);
            setPage(1);
          }}
        >
          {Object.entries(STATUSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryState query={domains} what="domains" feature="Domain approvals">
        {(result) =>
          result.data.length === 0 ? (
            <EmptyState title={status === 'PENDING' ? 'No domains waiting' : `No ${status.toLowerCase()} domains`}>
              Domains a store asks for appear here.
            </EmptyState>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Domains, {status.toLowerCase()}, oldest request first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Domain</th>
                      <th scope="col">Store</th>
                      <th scope="col">Requested</th>
                      <th scope="col">Status</th>
                      <th scope="col">Decision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.map((domain) => (
                      <tr key={domain.id}>
                        <th scope="row" data-label="Domain">
                          <span className="cell-title mono">{domain.domain}</span>
                        </th>
                        <td data-label="Store">{domain.businessName}</td>
                        <td data-label="Requested">{formatDateTime(domain.createdAt)}</td>
                        <td data-label="Status">
                          <StatusBadge status={domain.status} />
                          {domain.rejectionReason && <span className="cell-note">{domain.rejectionReason}</span>}
                        </td>
                        <td data-label="Decision">
                          <div className="actions">
                            {domain.status !== 'APPROVED' && (
                              <DecisionButton
                                label="Approve"
                                subject={domain.domain}
                                tone="primary"
                                invalidates={invalidates}
                                act={() => call(api.POST('/api/admin/domains/{id}/approve', { params: { path: { id: domain.id } } }))}
                              />
                            )}
                            {domain.status !== 'REJECTED' && (
                              <DecisionButton
                                label="Reject"
                                subject={domain.domain}
                                tone="danger"
                                prompt={{ label: 'Reason', required: true }}
                                invalidates={invalidates}
                                act={(reason) => call(api.POST('/api/admin/domains/{id}/reject', { params: { path: { id: domain.id } }, body: { reason } }))}
                              />
                            )}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pager label="Domains" page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
