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
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { formatDate, formatMoney } from '../../../format.ts';
import { isCommissionStatus } from '../../../components/commission-states.ts';
import { CommissionStateFilter } from '../../../components/CommissionStateFilter.tsx';
import { TableWrap } from '../../../components/TableWrap.tsx';

const PAGE_SIZE = 25;

/** What the merchant owes creators, by state: held through the return window, then payable, then paid. */
export function MerchantCommissionsPage() {
  const api = useApi();
  const [mode, setMode] = useDataMode();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const commissions = useQuery({
    queryKey: ['merchant', 'commissions', mode, status, page],
    queryFn: () =>
      call(
        api
          .forMode(mode)
          .GET('/api/v1/commissions', { params: { query: { status: isCommissionStatus(status) ? status : undefined, page, pageSize: PAGE_SIZE } } }),
      ),
  });

  return (
    <div>
      <PageHeader
        title="Commissions"
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
        <p>Every commission creators earned on your orders. A held commission becomes payable after its return window.</p>
      </PageHeader>
      <div className="toolbar">
        <CommissionStateFilter
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPage(1);
          }}
        />
        <CsvDownloadButton
          label="Download CSV"
          fileName={`commissions-${mode}.csv`}
          fetchCsv={() =>
            call(
              api
                .forMode(mode)
                .GET('/api/v1/commissions', { params: { query: { status: isCommissionStatus(status) ? status : undefined, format: 'csv' } }, parseAs: 'text' }),
            )
          }
        />
      </div>
      <QueryState query={commissions} what="commissions" feature="Commissions">
        {(result) =>
          result.data.length === 0 ? (
            <EmptyState title={`No ${status ? `${status} ` : ''}${mode} commissions`}>Commissions appear when a creator’s click leads to an order.</EmptyState>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Commissions on your {mode} orders</caption>
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">Creator</th>
                      <th scope="col">Amount</th>
                      <th scope="col">State</th>
                      <th scope="col">Payable from</th>
                      <th scope="col">Risk</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.map((commission) => (
                      <tr key={commission.id}>
                        <th scope="row" data-label="Order" className="mono">
                          {commission.orderId}
                        </th>
                        <td data-label="Creator" className="mono">
                          {commission.affiliateRef}
                        </td>
                        <td data-label="Amount">{formatMoney(commission.amount, commission.currency)}</td>
                        <td data-label="State">
                          <StatusBadge status={commission.status} />
                        </td>
                        <td data-label="Payable from">{commission.holdUntil ? formatDate(commission.holdUntil) : '—'}</td>
                        <td data-label="Risk">{commission.risk.score}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pager label="Commissions" page={result.page ?? page} pageSize={result.pageSize ?? PAGE_SIZE} total={result.total ?? 0} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
