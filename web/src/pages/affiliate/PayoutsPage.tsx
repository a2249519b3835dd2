import { useQuery } from '@tanstack/react-query';
import { asApiError, type Page } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState, Unavailable } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import type { Payout } from '../../resources.ts';
import { PAYOUTS_KEY } from './affiliate-queries.ts';
import { PayoutRequestForm } from './PayoutRequestForm.tsx';

export function PayoutsPage() {
  const api = useApi();
  const payouts = useQuery({ queryKey: PAYOUTS_KEY, queryFn: () => api.get<Page<Payout>>('/api/affiliate/payouts', { pageSize: 100 }) });
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
                  <div className="table-wrap">
                    <table>
                      <caption className="visually-hidden">Your payout requests</caption>
                      <thead>
                        <tr>
                          <th scope="col">Requested</th>
                          <th scope="col" className="numeric">
                            Amount
                          </th>
                          <th scope="col">Status</th>
                          <th scope="col">Processed</th>
                        </tr>
                      </thead>
                      <tbody>
                        {page.data.map((payout) => (
                          <tr key={payout.id}>
                            <th scope="row">{formatDateTime(payout.createdAt)}</th>
                            <td className="numeric">{formatMoney(payout.amount, payout.currency)}</td>
                            <td>
                              <StatusBadge status={payout.status} />
                              {payout.failureReason && <span className="cell-note">{payout.failureReason}</span>}
                            </td>
                            <td>{formatDateTime(payout.processedAt)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )
              }
            </QueryState>
          </section>
        </>
      )}
    </div>
  );
}
