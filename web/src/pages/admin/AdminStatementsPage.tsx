import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { asApiError, call, type BodyOf, type ItemOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

type Statement = ItemOf<'/api/admin/statements', 'get'>;

const STATEMENTS_KEY = ['admin', 'statements'] as const;

function IssueStatement() {
  const api = useApi();
  const queryClient = useQueryClient();
  const merchants = useQuery({
    queryKey: ['admin', 'merchants', 'APPROVED'],
    queryFn: () => call(api.GET('/api/admin/merchants', { params: { query: { status: 'APPROVED', pageSize: 200 } } })),
  });
  const issue = useMutation({
    mutationFn: (merchantId: string) => call(api.POST('/api/admin/merchants/{merchantId}/statements', { params: { path: { merchantId } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATEMENTS_KEY }),
  });
  return (
    <form
      className="inline-form"
      aria-label="Issue a statement"
      onSubmit={(event) => {
        event.preventDefault();
        issue.mutate(String(new FormData(event.currentTarget).get('merchantId')));
      }}
    >
      <label>
        Store{' '}
        <select name="merchantId" required>
          {(merchants.data?.data ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.businessName}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--primary" disabled={issue.isPending}>
        Issue statement now
      </button>
      {issue.isError && (
        <p role="alert" className="field-error">
          {asApiError(issue.error).message}
        </p>
      )}
    </form>
  );
}

function RecordPayment({ statement }: { statement: Statement }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const pay = useMutation({
    mutationFn: (body: BodyOf<'/api/admin/statements/{id}/payments', 'post'>) =>
      call(api.POST('/api/admin/statements/{id}/payments', { params: { path: { id: statement.id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATEMENTS_KEY }),
  });
  return (
    <form
      className="inline-form"
      aria-label={`Record a payment on statement ${statement.number}`}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        pay.mutate({ amount: String(data.get('amount')).trim(), reference: String(data.get('reference')).trim() });
      }}
    >
      <input name="amount" aria-label={`Amount paid on statement ${statement.number}`} inputMode="decimal" placeholder="Amount" required />
      <input name="reference" aria-label={`Payment reference on statement ${statement.number}`} placeholder="Bank reference" required />
      <button type="submit" className="button button--primary" disabled={pay.isPending}>
        Record payment
      </button>
      {pay.isError && (
        <p role="alert" className="field-error">
          {asApiError(pay.error).message}
        </p>
      )}
    </form>
  );
}

/** Statements across stores: issue one now, and record what each store paid. */
export function AdminStatementsPage() {
  const api = useApi();
  const statements = useQuery({ queryKey: STATEMENTS_KEY, queryFn: () => call(api.GET('/api/admin/statements', { params: { query: { pageSize: 200 } } })) });
  return (
    <div>
      <PageHeader title="Statements">
        <p>Stores are billed for kept orders. Paying a statement in full makes its commissions payable to the affiliates.</p>
      </PageHeader>
      <IssueStatement />
      <QueryState query={statements} what="statements" feature="Statements">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="No statements yet">Statements are issued each billing period, or here at once.</EmptyState>
          ) : (
            <TableWrap>
              <table aria-label="All statements" className="stack-on-phone">
                <thead>
                  <tr>
                    <th scope="col">Statement</th>
                    <th scope="col">Period</th>
                    <th scope="col" className="numeric">
                      Total
                    </th>
                    <th scope="col" className="numeric">
                      Paid
                    </th>
                    <th scope="col">Status</th>
                    <th scope="col">Payment</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        #{s.number} <span className="cell-note mono">{s.merchantId}</span>
                      </th>
                      <td data-label="Period">
                        {formatDate(s.periodStart)} – {formatDate(s.periodEnd)}
                      </td>
                      <td className="numeric" data-label="Total">
                        {formatMoney(s.total, s.currency)}
                      </td>
                      <td className="numeric" data-label="Paid">
                        {formatMoney(s.amountPaid, s.currency)}
                      </td>
                      <td data-label="Status">
                        <StatusBadge status={s.status} />
                      </td>
                      <td data-label="Payment">{s.status === 'issued' ? <RecordPayment statement={s} /> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryState>
    </div>
  );
}
