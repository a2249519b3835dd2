import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { asApiError, call, type BodyOf, type ItemOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { isPayoutMethodType, payoutMethodLabel, PAYOUT_METHOD_TYPES } from '../affiliate/payout-method-types.ts';
import { PayoutAction } from './PayoutAction.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

/** A payout in the admin queue, with the facts for its safety review. */
type AdminPayout = ItemOf<'/api/admin/payouts', 'get'>;

const usePayouts = (status: AdminPayout['status']) => {
  const api = useApi();
  return useQuery({
    queryKey: ['admin', 'payouts', status],
    queryFn: () => call(api.GET('/api/admin/payouts', { params: { query: { status, pageSize: 200 } } })),
  });
};

function ReviewFacts({ payout }: { payout: AdminPayout }) {
  const r = payout.review;
  return (
    <ul className="plain-list">
      <li>Account {r.accountAgeDays} days old</li>
      {r.payoutMethodChangedRecently && <li className="field-error">Payout method changed in the last 7 days</li>}
      <li>{r.openRiskReviews} open risk reviews</li>
      <li>{r.reversedShare}% of commissions reversed</li>
    </ul>
  );
}

function PayoutTable({ payouts, caption, actions }: { payouts: AdminPayout[]; caption: string; actions: (p: AdminPayout) => React.ReactNode }) {
  return (
    <TableWrap>
      <table aria-label={caption} className="stack-on-phone">
        <thead>
          <tr>
            <th scope="col">Affiliate</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Method</th>
            <th scope="col">Requested</th>
            <th scope="col">Review</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {payouts.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <span className="cell-title">{p.affiliateName}</span>
                <span className="cell-note mono">{p.id}</span>
              </th>
              <td className="numeric" data-label="Amount">
                {formatMoney(p.amount, p.currency)}
                <span className="cell-note">net {formatMoney(p.netAmount, p.currency)}</span>
              </td>
              <td data-label="Method">{payoutMethodLabel(p.method)}</td>
              <td data-label="Requested">{formatDateTime(p.requestedAt)}</td>
              <td data-label="Review">
                <ReviewFacts payout={p} />
              </td>
              <td data-label="Action">{actions(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Batches() {
  const api = useApi();
  const queryClient = useQueryClient();
  const batches = useQuery({ queryKey: ['admin', 'payouts', 'batches'], queryFn: () => call(api.GET('/api/admin/payout-batches')) });
  const create = useMutation({
    mutationFn: (method: BodyOf<'/api/admin/payout-batches', 'post'>['method']) => call(api.POST('/api/admin/payout-batches', { body: { method } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'payouts'] }),
  });
  return (
    <section className="section" aria-labelledby="batches">
      <h2 id="batches">Batches</h2>
      <form
        className="inline-form"
        aria-label="Create a batch"
        onSubmit={(event) => {
          event.preventDefault();
          const method = String(new FormData(event.currentTarget).get('method'));
          if (isPayoutMethodType(method)) create.mutate(method);
        }}
      >
        <label>
          Rail{' '}
          <select name="method" defaultValue="ESEWA">
            {Object.keys(PAYOUT_METHOD_TYPES).map((type) => (
              <option key={type} value={type}>
                {payoutMethodLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          Create batch
        </button>
        {create.isError && (
          <p role="alert" className="field-error">
            {asApiError(create.error).message}
          </p>
        )}
      </form>
      <QueryState query={batches} what="batches" feature="Payout batches">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="No batches yet">Approved payouts of one rail are paid together in a batch.</EmptyState>
          ) : (
            <ul className="plain-list" aria-label="Payout batches">
              {page.data.map((b) => (
                <li key={b.id}>
                  {payoutMethodLabel(b.method)} · {b.count} payouts · {formatMoney(b.total, b.currency)} · {formatDateTime(b.createdAt)} ·{' '}
                  <a href={`/api/admin/payout-batches/${encodeURIComponent(b.id)}/export`} download>
                    Download transfer file
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

/** The admin's payout desk: review requests, batch approved payouts per rail, settle what the rail paid. */
export function AdminPayoutsPage() {
  const requested = usePayouts('requested');
  const approved = usePayouts('approved');
  const processing = usePayouts('processing');
  return (
    <div>
      <PageHeader title="Payouts">
        <p>Review each withdrawal for safety, batch approved ones per rail, download the transfer file, then mark each payout paid or failed.</p>
      </PageHeader>
      <section className="section" aria-labelledby="to-review">
        <h2 id="to-review">Waiting for review</h2>
        <QueryState query={requested} what="payout requests" feature="Payouts">
          {(page) =>
            page.data.length === 0 ? (
              <EmptyState title="No requests to review">New payout requests wait here.</EmptyState>
            ) : (
              <PayoutTable
                payouts={page.data}
                caption="Payout requests waiting for review"
                actions={(p) => (
                  <>
                    <PayoutAction payoutId={p.id} verb="approve" label="Approve" />
                    <PayoutAction payoutId={p.id} verb="reject" label="Reject" danger />
                  </>
                )}
              />
            )
          }
        </QueryState>
      </section>
      <section className="section" aria-labelledby="approved">
        <h2 id="approved">Approved, waiting for a batch</h2>
        <QueryState query={approved} what="approved payouts" feature="Payouts">
          {(page) =>
            page.data.length === 0 ? (
              <EmptyState title="Nothing waiting for a batch">Approved payouts wait here until a batch of their rail.</EmptyState>
            ) : (
              <PayoutTable
                payouts={page.data}
                caption="Approved payouts"
                actions={(p) => <PayoutAction payoutId={p.id} verb="reject" label="Reject" danger />}
              />
            )
          }
        </QueryState>
      </section>
      <Batches />
      <section className="section" aria-labelledby="processing">
        <h2 id="processing">Being paid</h2>
        <QueryState query={processing} what="payouts being paid" feature="Payouts">
          {(page) =>
            page.data.length === 0 ? (
              <EmptyState title="Nothing being paid">Payouts in a batch wait here until you mark them paid or failed.</EmptyState>
            ) : (
              <PayoutTable
                payouts={page.data}
                caption="Payouts being paid"
                actions={(p) => (
                  <>
                    <PayoutAction payoutId={p.id} verb="paid" label="Mark paid" />
                    <PayoutAction payoutId={p.id} verb="failed" label="Mark failed" danger />
                  </>
                )}
              />
            )
          }
        </QueryState>
      </section>
    </div>
  );
}
