import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { DecisionButton } from '../../components/DecisionButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCommission, formatDateTime } from '../../format.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const PAGE_SIZE = 25;

/** Campaigns that require approval: approve them (they can then be activated), and opt them in or out of the public listing. */
export function AdminCampaignsPage() {
  const api = useApi();
  const [page, setPage] = useState(1);
  const campaigns = useQuery({
    queryKey: ['admin', 'campaigns', 'pending', page],
    queryFn: () => call(api.GET('/api/admin/campaigns/pending', { params: { query: { page, pageSize: PAGE_SIZE } } })),
  });
  const invalidates = ['admin'];

  return (
    <div>
      <PageHeader title="Campaign approvals">
        <p>A store that marks a campaign as needing approval cannot activate it until you approve it. Check its terms and commission first.</p>
      </PageHeader>
      <QueryState query={campaigns} what="campaigns waiting for approval" feature="Campaign approvals">
        {(result) =>
          result.data.length === 0 ? (
            <EmptyState title="No campaigns waiting">Campaigns that need approval appear here.</EmptyState>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Campaigns waiting for approval, oldest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Campaign</th>
                      <th scope="col">Store</th>
                      <th scope="col">Commission</th>
                      <th scope="col">Terms</th>
                      <th scope="col">Created</th>
                      <th scope="col">Decision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.map((campaign) => (
                      <tr key={campaign.id}>
                        <th scope="row" data-label="Campaign">
                          <span className="cell-title">{campaign.title}</span>
                          <span className="cell-note mono">{campaign.campaignCode}</span>
                          <span className="cell-note">
                            <StatusBadge status={campaign.status} /> {campaign.livemode ? 'Live' : 'Test'}
                            {campaign.publicListing ? ', opted in to the public listing' : ''}
                          </span>
                        </th>
                        <td data-label="Store">{campaign.merchantName}</td>
                        <td data-label="Commission">
                          {formatCommission(campaign.defaultCommissionType, campaign.defaultCommissionValue, campaign.currency)}
                          <span className="cell-note">{campaign.cookieDurationDays} day cookie</span>
                        </td>
                        <td data-label="Terms">{campaign.termsAndConditions ?? <span className="muted">None given</span>}</td>
                        <td data-label="Created">{formatDateTime(campaign.createdAt)}</td>
                        <td data-label="Decision">
                          <div className="actions">
                            <DecisionButton
                              label="Approve"
                              subject={campaign.title}
                              tone="primary"
                              invalidates={invalidates}
                              act={() => call(api.POST('/api/admin/campaigns/{id}/approve', { params: { path: { id: campaign.id } } }))}
                            />
                            <DecisionButton
                              label={campaign.publicListing ? 'Unlist' : 'List publicly'}
                              subject={campaign.title}
                              invalidates={invalidates}
                              act={() =>
                                call(
                                  api.POST('/api/admin/campaigns/{id}/listing', {
                                    params: { path: { id: campaign.id } },
                                    body: { public: !campaign.publicListing },
                                  }),
                                )
                              }
                            />
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pager label="Campaigns" page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
