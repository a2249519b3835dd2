import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDateTime } from '../../format.ts';
import { MerchantDecision } from './MerchantDecision.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

const PAGE_SIZE = 25;
const STATUSES = { PENDING_REVIEW: 'Waiting for review', APPROVED: 'Approved', SUSPENDED: 'Suspended', REJECTED: 'Rejected' } as const;
type Status = keyof typeof STATUSES;

/** Every store: the review queue first, then search by name or email, approve, reject, suspend and reinstate. */
export function AdminMerchantsPage() {
  const api = useApi();
  const [status, setStatus] = useState<Status | ''>('PENDING_REVIEW');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const merchants = useQuery({
    queryKey: ['admin', 'merchants', status, q, page],
    queryFn: () =>
      call(api.GET('/api/admin/merchants', { params: { query: { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}), ...(q ? { q } : {}) } } })),
  });
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQ(String(new FormData(event.currentTarget).get('q') ?? '').trim());
    setPage(1);
  };

  return (
    <div>
      <PageHeader title="Merchants">
        <p>
          Check each new store and the domains it asked for: approving approves those domains and issues its test and live keys. A suspended store's API keys
          stop working and its links keep sending buyers to the store without tracking them; the store sees your reason.
        </p>
      </PageHeader>
      <div className="toolbar">
        <SelectField
          label="Status"
          name="status"
          hideOptional
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as Status | '');
            setPage(1);
          }}
        >
          {Object.entries(STATUSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
          <option value="">Any status</option>
        </SelectField>
        <form className="inline-form" role="search" aria-label="Merchants" onSubmit={search}>
          <TextField label="Store name or email" name="q" type="search" defaultValue={q} />
          <button type="submit" className="button">
            Search
          </button>
        </form>
      </div>
      <QueryState query={merchants} what="merchants" feature="Merchants">
        {(result) =>
          result.data.length === 0 ? (
            <EmptyState title={q ? `No store matches “${q}”` : status === 'PENDING_REVIEW' ? 'Nothing to review' : 'No stores here'}>
              {status === 'PENDING_REVIEW' ? 'New store sign-ups wait here for you.' : 'Try another status or search.'}
            </EmptyState>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Merchants, oldest application first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Store</th>
                      <th scope="col">Contact</th>
                      <th scope="col">Domains</th>
                      <th scope="col">Status</th>
                      <th scope="col">Signed up</th>
                      <th scope="col">Decision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.map((merchant) => (
                      <tr key={merchant.id}>
                        <th scope="row" data-label="Store">
                          <span className="cell-title">{merchant.businessName}</span>
                          {merchant.website && <span className="cell-note">{merchant.website}</span>}
                          <span className="cell-note mono">{merchant.id}</span>
                        </th>
                        <td data-label="Contact">
                          {merchant.email}
                          {merchant.contactName && <span className="cell-note">{merchant.contactName}</span>}
                          {merchant.contactPhone && <span className="cell-note">{merchant.contactPhone}</span>}
                        </td>
                        <td data-label="Domains">
                          <ul className="plain-list">
                            {merchant.domains.map((d) => (
                              <li key={d.domain}>
                                <span className="mono">{d.domain}</span> <StatusBadge status={d.status} />
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td data-label="Status">
                          <StatusBadge status={merchant.status} />
                          {(merchant.suspensionReason ?? merchant.rejectionReason) && (
                            <span className="cell-note">{merchant.suspensionReason ?? merchant.rejectionReason}</span>
                          )}
                          {merchant.reviewedAt && <span className="cell-note">since {formatDateTime(merchant.reviewedAt)}</span>}
                        </td>
                        <td data-label="Signed up">{formatDateTime(merchant.createdAt)}</td>
                        <td data-label="Decision">
                          <MerchantDecision merchant={merchant} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pager label="Merchants" page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
