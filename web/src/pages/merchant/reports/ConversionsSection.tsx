import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type DataMode } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { formatDateTime, formatMoney } from '../../../format.ts';
import { ORDER_STATUSES, type OrderStatus } from '../orders/order-types.ts';
import { OrderDetailPanel } from '../orders/OrderDetailPanel.tsx';
import { TableWrap } from '../../../components/TableWrap.tsx';

const PAGE_SIZE = 10;

/** Orders a creator brought, newest first, filtered by status; each opens its history and commission. */
export function ConversionsSection({ mode }: { mode: DataMode }) {
  const api = useApi().forMode(mode);
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const orders = useQuery({
    queryKey: ['merchant', 'orders', mode, status, 'true', page],
    queryFn: () => call(api.GET('/api/v1/orders', { params: { query: { attributed: true, page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) } } })),
  });
  return (
    <>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="conversion-status">Order status</label>
          <select
            id="conversion-status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as OrderStatus | '');
              setPage(1);
              setOpenId(null);
            }}
          >
            <option value="">Any status</option>
            {ORDER_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value.replace('_', ' ')}
              </option>
            ))}
          </select>
        </div>
      </div>
      {openId && <OrderDetailPanel key={`${mode}:${openId}`} mode={mode} orderId={openId} onClose={() => setOpenId(null)} />}
      <QueryState query={orders} what="conversions" feature="Orders">
        {(result) =>
          result.data.length === 0 ? (
            <p className="muted">No {status ? `${status.replace('_', ' ')} ` : ''}orders from creators yet.</p>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Conversions: orders creators brought</caption>
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">Placed</th>
                      <th scope="col">Amount</th>
                      <th scope="col">Status</th>
                      <th scope="col">Commission</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.map((order) => (
                      <tr key={order.orderId}>
                        <th scope="row" data-label="Order">
                          <button
                            type="button"
                            className="button button--small button--quiet mono"
                            aria-label={`Open order ${order.orderId}`}
                            onClick={() => setOpenId(order.orderId)}
                          >
                            {order.orderId}
                          </button>
                        </th>
                        <td data-label="Placed">{formatDateTime(order.occurredAt)}</td>
                        <td data-label="Amount">{formatMoney(order.amount, order.currency)}</td>
                        <td data-label="Status">
                          <StatusBadge status={order.status} />
                        </td>
                        <td data-label="Commission">
                          {order.commission ? (
                            <>
                              {formatMoney(order.commission.amount, order.commission.currency)} <StatusBadge status={order.commission.status} />
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pager label="Conversions" page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
