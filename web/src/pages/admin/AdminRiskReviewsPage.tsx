import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { DataModeSwitch, useDataMode } from '../../components/DataModeSwitch.tsx';
import { DecisionButton } from '../../components/DecisionButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RiskReasons } from '../../components/RiskReasons.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const PAGE_SIZE = 25;

/** Commissions flagged by risk scoring: the score, its reasons and the order, approved or rejected with a note. */
export function AdminRiskReviewsPage() {
  const api = useApi();
  const [mode, setMode] = useDataMode();
  const [page, setPage] = useState(1);
  const reviews = useQuery({
    queryKey: ['admin', 'risk-reviews', mode, page],
    queryFn: () => call(api.GET('/api/admin/risk-reviews', { params: { query: { livemode: mode === 'live', page, pageSize: PAGE_SIZE } } })),
  });
  const invalidates = ['admin'];

  return (
    <div>
      <PageHeader
        title="Risk reviews"
        actions={
          <DataModeSwitch
            mode={mode}
            onChange={(next) => {
              setMode(next);
              setPage(1);
            }}
          />
        }
      >
        <p>
          These commissions scored high enough on the risk checks to wait for you. Approving lets the commission continue (approved once its hold has ended);
          rejecting ends it, with a note kept in its history.
        </p>
      </PageHeader>
      <QueryState query={reviews} what="risk reviews" feature="Risk reviews">
        {(result) =>
          result.data.length === 0 ? (
            <EmptyState title={`No ${mode} commissions waiting`}>Flagged commissions appear here when an order is reported.</EmptyState>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Flagged {mode} commissions, oldest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">Store</th>
                      <th scope="col">Commission</th>
                      <th scope="col">Risk</th>
                      <th scope="col">Decision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.map((review) => (
                      <tr key={review.commissionId}>
                        <th scope="row" data-label="Order">
                          <span className="cell-title mono">{review.orderId}</span>
                          <span className="cell-note">Creator {review.affiliateRef}</span>
                          <span className="cell-note">{formatDateTime(review.createdAt)}</span>
                        </th>
                        <td data-label="Store">{review.merchantName}</td>
                        <td data-label="Commission">
                          {formatMoney(review.amount, review.currency)} <StatusBadge status={review.status} />
                          <span className="cell-note">
                            {review.holdEnded ? 'Hold ended' : review.holdUntil ? `Hold until ${formatDateTime(review.holdUntil)}` : 'Order not delivered yet'}
                          </span>
                        </td>
                        <td data-label="Risk">
                          <RiskReasons score={review.risk.score} reasons={review.risk.reasons} />
                        </td>
                        <td data-label="Decision">
                          <div className="actions">
                            <DecisionButton
                              label="Approve"
                              subject={review.orderId}
                              tone="primary"
                              invalidates={invalidates}
                              act={() =>
                                call(api.POST('/api/admin/risk-reviews/{commissionId}/approve', { params: { path: { commissionId: review.commissionId } } }))
                              }
                            />
                            <DecisionButton
                              label="Reject"
                              subject={review.orderId}
                              tone="danger"
                              prompt={{ label: 'Note', required: false }}
                              invalidates={invalidates}
                              act={(note) =>
                                call(
                                  api.POST('/api/admin/risk-reviews/{commissionId}/reject', {
                                    params: { path: { commissionId: review.commissionId } },
                                    body: note ? { note } : {},
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
              <Pager label="Risk reviews" page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
