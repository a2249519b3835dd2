import { useQuery } from '@tanstack/react-query';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';
import { MerchantDecision } from './MerchantDecision.tsx';

export const PENDING_MERCHANTS_KEY = ['admin', 'merchants', 'PENDING_REVIEW'] as const;

export function MerchantApprovalsPage() {
  const api = useApi();
  const pending = useQuery({
    queryKey: PENDING_MERCHANTS_KEY,
    queryFn: () => call(api.GET('/api/admin/merchants', { params: { query: { status: 'PENDING_REVIEW', pageSize: 100 } } })),
  });

  return (
    <div>
      <PageHeader title="Merchant approvals">
        <p>Check each store and the domains it asked for. Approving a store approves those domains and issues its test and live keys.</p>
      </PageHeader>
      <QueryState query={pending} what="merchants waiting for review" feature="Merchant approvals">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="Nothing to review">New store sign-ups will wait here for you.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Merchants waiting for review, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Store</th>
                    <th scope="col">Contact</th>
                    <th scope="col">Domains</th>
                    <th scope="col">Signed up</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((merchant) => (
                    <tr key={merchant.id}>
                      <th scope="row">
                        <span className="cell-title">{merchant.businessName}</span>
                        {merchant.website && <span className="cell-note">{merchant.website}</span>}
                      </th>
                      <td>
                        {merchant.email}
                        {merchant.contactName && <span className="cell-note">{merchant.contactName}</span>}
                        {merchant.contactPhone && <span className="cell-note">{merchant.contactPhone}</span>}
                      </td>
                      <td>
                        <ul className="plain-list">
                          {merchant.domains.map((d) => (
                            <li key={d.domain}>
                              <span className="mono">{d.domain}</span> <StatusBadge status={d.status} />
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>{formatDateTime(merchant.createdAt)}</td>
                      <td>
                        <MerchantDecision merchant={merchant} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
