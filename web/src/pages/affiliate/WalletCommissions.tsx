import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { isCommissionStatus } from '../../components/commission-states.ts';
import { CommissionStateFilter } from '../../components/CommissionStateFilter.tsx';
import { CsvDownloadButton } from '../reports/CsvDownloadButton.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

const PAGE_SIZE = 25;

/** The commissions behind the balances: each with its state and, once its order is delivered, the date it can become payable. */
export function WalletCommissions() {
  const api = useApi();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const state = isCommissionStatus(status) ? status : undefined;
  const commissions = useQuery({
    queryKey: ['affiliate', 'commissions', status, page],
    queryFn: () => call(api.GET('/api/affiliate/commissions', { params: { query: { status: state, page, pageSize: PAGE_SIZE } } })),
  });
  return (
    <section className="section" aria-labelledby="wallet-commissions">
      <h2 id="wallet-commissions">Commissions</h2>
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
          fileName={state ? `commissions-${state}.csv` : 'commissions.csv'}
          fetchCsv={() => call(api.GET('/api/affiliate/commissions', { params: { query: { status: state, format: 'csv' } }, parseAs: 'text' }))}
        />
      </div>
      <p className="muted">
        A commission is held through the store’s return window after delivery; it becomes payable once that window ends and the store has paid its statement.
      </p>
      <QueryState query={commissions} what="your commissions" feature="Commissions">
        {(result) =>
          result.data.length === 0 ? (
            <p className="muted">{state ? `No ${state} commissions.` : 'No commissions yet.'}</p>
          ) : (
            <>
              <TableWrap>
                <table className="stack-on-phone">
                  <caption className="visually-hidden">Your commissions</caption>
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">Amount</th>
                      <th scope="col">State</th>
                      <th scope="col">Payable from</th>
                      <th scope="col">Earned</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.map((commission) => (
                      <tr key={commission.id}>
                        <th scope="row" data-label="Order" className="mono">
                          {commission.orderId}
                        </th>
                        <td data-label="Amount">{formatMoney(commission.amount, commission.currency)}</td>
                        <td data-label="State">
                          <StatusBadge status={commission.status} />
                        </td>
                        <td data-label="Payable from">{commission.holdUntil ? formatDate(commission.holdUntil) : '—'}</td>
                        <td data-label="Earned">{formatDate(commission.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pager label="Commissions" page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
