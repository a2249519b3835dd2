import { useQuery } from '@tanstack/react-query';
import { call, type DataMode } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { riskReasonText } from '../../../components/RiskReasons.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { formatCommission, formatDate, formatDateTime, formatMoney } from '../../../format.ts';
import { OrderStatusForm } from './OrderStatusForm.tsx';

const readable = (code: string) => code.toLowerCase().replaceAll('_', ' ');

/** Why the risk check scored the order as it did (an attributed order always has its check). */
function OrderRiskReasons({ mode, orderId }: { mode: DataMode; orderId: string }) {
  const api = useApi().forMode(mode);
  const risk = useQuery({
    queryKey: ['merchant', 'orders', mode, 'risk', orderId],
    queryFn: () => call(api.GET('/api/v1/orders/{orderId}/risk', { params: { path: { orderId } } })),
  });
  if (!risk.data) return null;
  if (risk.data.reasons.length === 0) return <span className="cell-note">No risk signals</span>;
  return (
    <ul className="reason-list" aria-label="Risk reasons">
      {risk.data.reasons.map((reason) => (
        <li key={reason}>{riskReasonText(reason)}</li>
      ))}
    </ul>
  );
}

/** One order: its items, commission with the risk check's verdict, status history, and a manual status change. */
export function OrderDetailPanel({ mode, orderId, onClose }: { mode: DataMode; orderId: string; onClose(): void }) {
  const api = useApi().forMode(mode);
  const order = useQuery({
    queryKey: ['merchant', 'orders', mode, 'detail', orderId],
    queryFn: () => call(api.GET('/api/v1/orders/{orderId}', { params: { path: { orderId } } })),
  });

  return (
    <section className="card section" aria-labelledby="order-detail-heading">
      <div className="card-actions">
        <h2 id="order-detail-heading">
          Order <span className="mono">{orderId}</span>
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <QueryState query={order} what="the order" feature="Order details">
        {(detail) => (
          <div className="grid grid--two">
            <div>
              <dl className="facts">
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={detail.status} />
                </dd>
                <dt>Amount</dt>
                <dd>
                  {formatMoney(detail.amount, detail.currency)}
                  {detail.refundedAmount !== '0.00' && ` (${formatMoney(detail.refundedAmount, detail.currency)} refunded)`}
                </dd>
                <dt>Placed</dt>
                <dd>{formatDateTime(detail.occurredAt)}</dd>
                <dt>Creator</dt>
                <dd>{detail.affiliateRef ?? (detail.unattributedReason ? `None: ${readable(detail.unattributedReason)}` : 'None')}</dd>
              </dl>
              <h3>Commission</h3>
              {detail.commission ? (
                <dl className="facts" aria-label="Commission">
                  <dt>Amount</dt>
                  <dd>
                    {formatMoney(detail.commission.amount, detail.commission.currency)} <StatusBadge status={detail.commission.status} />
                  </dd>
                  <dt>Rate</dt>
                  <dd>
                    {formatCommission(detail.commission.rate.type, detail.commission.rate.value, detail.commission.currency)} (from the{' '}
                    {detail.commission.rate.source})
                  </dd>
                  <dt>Payable from</dt>
                  <dd>{detail.commission.holdUntil ? formatDate(detail.commission.holdUntil) : '—'}</dd>
                  <dt>Risk score</dt>
                  <dd>
                    {detail.commission.risk.score} / 100 ({readable(detail.commission.risk.reviewStatus)})
                    <OrderRiskReasons mode={mode} orderId={detail.orderId} />
                  </dd>
                </dl>
              ) : (
                <p className="muted">No commission on this order.</p>
              )}
            </div>
            <div>
              <h3>Status history</h3>
              <ol className="history">
                {detail.history.map((entry) => (
                  <li key={`${entry.recordedAt}:${entry.to}`}>
                    {entry.from ? `${readable(entry.from)} → ` : ''}
                    <strong>{readable(entry.to)}</strong>
                    {entry.refundAmount && ` (${formatMoney(entry.refundAmount, detail.currency)})`}{' '}
                    <span className="muted">{formatDateTime(entry.occurredAt)}</span>
                  </li>
                ))}
              </ol>
              <OrderStatusForm mode={mode} order={detail} />
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}
