import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../../api.ts';
import { CsvDownloadButton } from '../../reports/CsvDownloadButton.tsx';
import { useApi } from '../../../api-context.tsx';
import { DataModeSwitch, useDataMode } from '../../../components/DataModeSwitch.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { formatDateTime, formatMoney } from '../../../format.ts';
import { isOrderStatus, ORDER_STATUSES } from './order-types.ts';
import { OrderDetailPanel } from './OrderDetailPanel.tsx';
import { TableWrap } from '../../../components/TableWrap.tsx';

const PAGE_SIZE = 25;

/** The merchant's orders in one mode, filtered by status and attribution, each opening its history and commission. */
export function MerchantOrdersPage() {
  const api = useApi();
  const [mode, setMode] = useDataMode();
  const [status, setStatus] = useState('');
  const [attributed, setAttributed] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const orders = useQuery({
    queryKey: ['merchant', 'orders', mode, status, attributed, page],
    queryFn: () =>
      call(
        api.forMode(mode).GET('/api/v1/orders', {
          params: {
            query: {
              status: isOrderStatus(status) ? status : undefined,
              attributed: attributed === '' ? undefined : attributed === 'true',
              page,
              pageSize: PAGE_SIZE,
            },
          },
        }),
      ),
  });
  const filter = (apply: () => void) => {
    apply();
    setPage(1);
    setOpenId(null);
  };

  return (
    <div>
      <PageHeader title="Orders" actions={<DataModeSwitch mode={mode} onChange={(next) => filter(() => setMode(next))} />}>
        <p>Orders your store reported, whether a creator earned a commission on them, and how their status changed.</p>
      </PageHeader>
      <div className="toolbar">
        <SelectField label="Status" name="status" value={status} onChange={(event) => filter(() => setStatus(event.target.value))} hideOptional>
          <option value="">Any status</option>
          {ORDER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {value.replace('_', ' ')}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Attribution"
          name="attributed"
          value={attributed}
          onChange={(event) => filter(() => setAttributed(event.target.value))}
          hideOptional
        >
          <option value="">All orders</option>
          <option value="true">With a creator</option>
          <option value="false">Without a creator</option>
        </SelectField>
        <CsvDownloadButton
          label="Download CSV"
          fileName={`orders-${mode}.csv`}
          fetchCsv={() =>
            call(
              api.forMode(mode).GET('/api/v1/orders', {
                params: {
                  query: { status: isOrderStatus(status) ? status : undefined, attributed: attributed ? attributed === 'true' : undefined, format: 'csv' },
                },
                parseAs: 'text',
              }),
            )
          }
        />
      </div>
      {openId && <OrderDetailPanel key={`${mode}:${openId}`} mode={mode} orderId={openId} onClose={() => setOpenId(null)} />}
      <QueryState query={orders} what="orders" feature="Orders">
        {(result) =>
          result.data.length === 0 ? (
            <EmptyState title={`No ${mode} orders`}>Orders appear here once your store reports them through the API.</EmptyState>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Your {mode} orders</caption>
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
                          <span className="cell-title mono">{order.orderId}</span>
                          <button
                            type="button"
                            className="button button--small button--quiet"
                            aria-label={`Details of ${order.orderId}`}
                            onClick={() => setOpenId(order.orderId)}
                          >
                            Details
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
                            <span className="muted">
                              None{order.unattributedReason ? ` (${order.unattributedReason.toLowerCase().replaceAll('_', ' ')})` : ''}
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pager label="Orders" page={result.page ?? page} pageSize={result.pageSize ?? PAGE_SIZE} total={result.total ?? 0} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
