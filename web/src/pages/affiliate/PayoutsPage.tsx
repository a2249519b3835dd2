import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { asApiError, call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState, Unavailable } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { PAYOUTS_KEY, WALLET_KEY } from './affiliate-queries.ts';
import { payoutMethodLabel } from './payout-method-types.ts';
import { PayoutRequestForm } from './PayoutRequestForm.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

export function PayoutsPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const payouts = useQuery({ queryKey: PAYOUTS_KEY, queryFn: () => call(api.GET('/api/affiliate/payouts', { params: { query: { pageSize: 100 } } })) });
  const cancel = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/affiliate/payouts/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: PAYOUTS_KEY }), queryClient.invalidateQueries({ queryKey: WALLET_KEY })]),
  });
  const missing = payouts.isError && asApiError(payouts.error).isMissingEndpoint;

  return (
    <div>
      <PageHeader title="Payouts">
        <p>Withdraw your payable balance. Each request is reviewed, then paid in the next payout run.</p>
      </PageHeader>
      {missing ? (
        <Unavailable feature="Payouts" />
      ) : (
        <>
          <PayoutRequestForm />
          <section className="section" aria-labelledby="payout-history">
            <h2 id="payout-history">History</h2>
            <QueryState query={payouts} what="payouts" feature="Payouts">
              {(page) =>
                page.data.length === 0 ? (
                  <EmptyState title="No payouts yet">Your requests and their progress will be listed here.</EmptyState>
                ) : (
                  <TableWrap>
                    <table aria-label="Your payout requests">
                      <thead>
                        <tr>
                          <th scope="col">Requested</th>
                          <th scope="col" className="numeric">
                            Amount
                          </th>
                          <th scope="col" className="numeric">
                            Tax withheld
                          </th>
                          <th scope="col" className="numeric">
                            You receive
                          </th>
                          <th scope="col">To</th>
                          <th scope="col">Status</th>
                          <th scope="col">Settled</th>
                        </tr>
                      </thead>
                      <tbody>
                        {page.data.map((payout) => (
                          <tr key={payout.id}>
                            <th scope="row">{formatDateTime(payout.requestedAt)}</th>
                            <td className="numeric">{formatMoney(payout.amount, payout.currency)}</td>
                            <td className="numeric">{formatMoney(payout.withheldAmount, payout.currency)}</td>
                            <td className="numeric">{formatMoney(payout.netAmount, payout.currency)}</td>
                            <td>{payoutMethodLabel(payout.method)}</td>
                            <td>
                              <StatusBadge status={payout.status} />
                              {payout.reason && <span className="cell-note">{payout.reason}</span>}
                              {payout.status === 'requested' && (
                                <button type="button" className="button button--small" disabled={cancel.isPending} onClick={() => cancel.mutate(payout.id)}>
                                  Cancel
                                </button>
                              )}
                            </td>
                            <td>
                              {formatDateTime(payout.settledAt)}
                              {payout.reference && <span className="cell-note">Ref. {payout.reference}</span>}
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
        </>
      )}
    </div>
  );
}
