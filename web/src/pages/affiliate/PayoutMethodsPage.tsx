import { asApiError } from '../../api.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState, Unavailable } from '../../components/QueryState.tsx';
import { formatDate } from '../../format.ts';
import { payoutMethodLabel } from './payout-method-types.ts';
import { usePayoutMethods } from './affiliate-queries.ts';
import { PayoutMethodForm } from './PayoutMethodForm.tsx';

export function PayoutMethodsPage() {
  const methods = usePayoutMethods();
  const missing = methods.isError && asApiError(methods.error).isMissingEndpoint;
  return (
    <div>
      <PageHeader title="Payout methods">
        <p>Where your earnings are sent. Account numbers are stored encrypted and shown masked.</p>
      </PageHeader>
      {missing ? (
        <Unavailable feature="Payout methods" />
      ) : (
        <div className="grid grid--two">
          <section aria-labelledby="saved-methods">
            <h2 id="saved-methods">Saved methods</h2>
            <QueryState query={methods} what="payout methods" feature="Payout methods">
              {(page) =>
                page.data.length === 0 ? (
                  <EmptyState title="No payout methods yet">Add one to be able to request a payout.</EmptyState>
                ) : (
                  <ul className="plain-list method-list">
                    {page.data.map((method) => (
                      <li key={method.id} className="card">
                        <strong>{payoutMethodLabel(method.type)}</strong>
                        {method.isDefault && <span className="tag">Default</span>}
                        <span className="mono"> {[method.bankName, method.accountMasked].filter(Boolean).join(' ')}</span>
                        <span className="cell-note">
                          {method.accountHolderName} · added {formatDate(method.createdAt)}
                        </span>
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </section>
          <PayoutMethodForm />
        </div>
      )}
    </div>
  );
}
