import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { asApiError, call, type ItemOf } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { formatDate } from '../../../format.ts';
import { TableWrap } from '../../../components/TableWrap.tsx';

/** An affiliate's standing with one of the merchant's campaigns (by default: asking to join). */
type JoinRequest = ItemOf<'/api/merchant/join-requests', 'get'>;

const JOIN_REQUESTS_KEY = ['merchant', 'join-requests'] as const;

/** Affiliates waiting to join one of the merchant's campaigns, approved or rejected here. */
export function JoinRequestsSection() {
  const api = useApi();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: JOIN_REQUESTS_KEY,
    queryFn: () => call(api.GET('/api/merchant/join-requests', { params: { query: { pageSize: 100 } } })),
  });
  const decide = useMutation({
    mutationFn: ({ request, decision }: { request: JoinRequest; decision: 'approve' | 'reject' }) =>
      call(
        api.POST(
          decision === 'approve'
            ? '/api/merchant/campaigns/{id}/join-requests/{affiliateId}/approve'
            : '/api/merchant/campaigns/{id}/join-requests/{affiliateId}/reject',
          {
            params: { path: { id: request.campaignId, affiliateId: request.affiliate.id } },
          },
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: JOIN_REQUESTS_KEY }),
  });

  return (
    <section aria-labelledby="join-requests-heading" className="section">
      <h2 id="join-requests-heading">Join requests</h2>
      {decide.isError && (
        <p role="alert" className="field-error">
          {asApiError(decide.error).message}
        </p>
      )}
      <QueryState query={requests} what="join requests" feature="Join requests">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="No one is waiting">Affiliates who ask to join a campaign that needs your approval appear here.</EmptyState>
          ) : (
            <TableWrap>
              <table className="stack-on-phone">
                <caption className="visually-hidden">Pending join requests</caption>
                <thead>
                  <tr>
                    <th scope="col">Affiliate</th>
                    <th scope="col">Campaign</th>
                    <th scope="col">Asked</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((request) => (
                    <tr key={`${request.campaignId}:${request.affiliate.id}`}>
                      <th scope="row" data-label="Affiliate">
                        <span className="cell-title">{request.affiliate.displayName}</span>
                        {request.affiliate.channels.length > 0 && <span className="cell-note">{request.affiliate.channels.join(', ')}</span>}
                      </th>
                      <td data-label="Campaign">{request.campaignTitle}</td>
                      <td data-label="Asked">{request.requestedAt ? formatDate(request.requestedAt) : '—'}</td>
                      <td data-label="Decision">
                        <div className="row-actions">
                          {(['approve', 'reject'] as const).map((decision) => (
                            <button
                              key={decision}
                              type="button"
                              className={`button button--small${decision === 'approve' ? ' button--primary' : ''}`}
                              disabled={decide.isPending}
                              aria-label={`${decision === 'approve' ? 'Approve' : 'Reject'} ${request.affiliate.displayName} for ${request.campaignTitle}`}
                              onClick={() => decide.mutate({ request, decision })}
                            >
                              {decision === 'approve' ? 'Approve' : 'Reject'}
                            </button>
                          ))}
                        </div>
                      </td>
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
