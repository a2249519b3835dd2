import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const LINE_LABEL = { commission: 'Commission', fee: 'Platform fee', credit: 'Credit' } as const;

function StatementLines({ id }: { id: string }) {
  const api = useApi();
  const detail = useQuery({
    queryKey: ['merchant', 'statements', id],
    queryFn: () => call(api.GET('/api/merchant/statements/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryState query={detail} what="the statement" feature="Statements">
      {(s) => (
        <section className="card" aria-labelledby={`statement-${s.id}`}>
          <h2 id={`statement-${s.id}`}>Statement #{s.number}</h2>
          <p>
            <a href={`/api/merchant/statements/${encodeURIComponent(s.id)}?format=csv`} download>
              Download CSV
            </a>
          </p>
          <TableWrap>
            <table aria-label={`Lines of statement ${s.number}`}>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Line</th>
                  <th scope="col">Order</th>
                  <th scope="col">Affiliate</th>
                  <th scope="col" className="numeric">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.lines.map((line) => (
                  <tr key={line.lineNo}>
                    <td>{line.lineNo}</td>
                    <th scope="row">{LINE_LABEL[line.kind]}</th>
                    <td className="mono">{line.orderId ?? '—'}</td>
                    <td className="mono">{line.affiliateId ?? '—'}</td>
                    <td className="numeric">{formatMoney(line.amount, s.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {s.payments.length > 0 && (
            <p className="muted">Payments: {s.payments.map((p) => `${formatMoney(p.amount, s.currency)} (${p.reference})`).join(', ')}</p>
          )}
        </section>
      )}
    </QueryState>
  );
}

/** What the store owes for kept orders, statement by statement, with every line to reconcile. */
export function MerchantStatementsPage() {
  const api = useApi();
  const [open, setOpen] = useState<string | null>(null);
  const statements = useQuery({
    queryKey: ['merchant', 'statements'],
    queryFn: () => call(api.GET('/api/merchant/statements', { params: { query: { pageSize: 100 } } })),
  });
  return (
    <div>
      <PageHeader title="Statements">
        <p>
          You are billed only for kept orders: each statement lists the commissions that passed their return window, the platform fee, and credits for orders
          refunded after billing.
        </p>
      </PageHeader>
      <QueryState query={statements} what="statements" feature="Statements">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="No statements yet">Your first statement is issued after your first kept order.</EmptyState>
          ) : (
            <TableWrap>
              <table aria-label="Your statements">
                <thead>
                  <tr>
                    <th scope="col">Statement</th>
                    <th scope="col">Period</th>
                    <th scope="col" className="numeric">
                      Commissions
                    </th>
                    <th scope="col" className="numeric">
                      Fee
                    </th>
                    <th scope="col" className="numeric">
                      Credits
                    </th>
                    <th scope="col" className="numeric">
                      Total
                    </th>
                    <th scope="col" className="numeric">
                      Paid
                    </th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <button type="button" className="button button--quiet" onClick={() => setOpen(s.id)}>
                          #{s.number}
                        </button>
                      </th>
                      <td>
                        {formatDate(s.periodStart)} – {formatDate(s.periodEnd)}
                      </td>
                      <td className="numeric">
                        {formatMoney(s.commissionTotal, s.currency)} <span className="cell-note">{s.commissionCount} orders</span>
                      </td>
                      <td className="numeric">{formatMoney(s.platformFee, s.currency)}</td>
                      <td className="numeric">{formatMoney(s.credits, s.currency)}</td>
                      <td className="numeric">{formatMoney(s.total, s.currency)}</td>
                      <td className="numeric">{formatMoney(s.amountPaid, s.currency)}</td>
                      <td>
                        <StatusBadge status={s.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryState>
      {open && <StatementLines id={open} />}
    </div>
  );
}
