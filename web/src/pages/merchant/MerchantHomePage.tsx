import { useQuery } from '@tanstack/react-query';
import { call, type ResponseOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../format.ts';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.ts';
import { MerchantReportsSection } from './reports/MerchantReportsSection.tsx';

export function MerchantHomePage() {
  const api = useApi();
  const session = useSession();
  const account = useQuery({ queryKey: ['merchant', 'account'], queryFn: () => call(api.GET('/api/merchant/account')) });

  return (
    <div>
      <PageHeader title={account.data?.businessName ?? 'Your store'}>
        <p>Signed in as {session.data?.user.email}.</p>
      </PageHeader>
      <QueryState query={account} what="your store" feature="The store account">
        {(store) => (
          <>
            <AccountStatus store={store} />
            {store.status === 'APPROVED' && <MerchantReportsSection />}
            <section className="card" aria-labelledby="store-details">
              <h2 id="store-details">Store details</h2>
              <dl className="facts facts--wide">
                <div>
                  <dt>Website</dt>
                  <dd>{store.website ?? '—'}</dd>
                </div>
                <div>
                  <dt>Contact</dt>
                  <dd>{store.contactName ?? store.email}</dd>
                </div>
                <div>
                  <dt>Signed up</dt>
                  <dd>{formatDate(store.createdAt)}</dd>
                </div>
              </dl>
              <h3>Domains</h3>
              {store.domains.length === 0 ? (
                <p className="muted">No domains yet. Product links can only point at approved domains.</p>
              ) : (
                <ul className="plain-list">
                  {store.domains.map((d) => (
                    <li key={d.domain}>
                      <span className="mono">{d.domain}</span> <StatusBadge status={d.status} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

type MerchantAccount = ResponseOf<'/api/merchant/account', 'get'>;

function AccountStatus({ store }: { store: MerchantAccount }) {
  switch (store.status) {
    case 'PENDING_REVIEW':
      return (
        <section className="notice notice--warn" aria-labelledby="account-status">
          <h2 id="account-status">
            Your store is waiting for review <StatusBadge status={store.status} />
          </h2>
          <p>
            The platform team checks every new store and its domains before it goes live. Until then you cannot get API keys or publish campaigns. Nothing else
            is needed from you right now.
          </p>
        </section>
      );
    case 'APPROVED':
      return (
        <section className="notice notice--good" aria-labelledby="account-status">
          <h2 id="account-status">
            Your store is approved <StatusBadge status={store.status} />
          </h2>
          <p>
            Get your test and live keys in <Link to="/merchant/developers">Developers</Link> to sync products and report orders, then publish{' '}
            <Link to="/merchant/campaigns">campaigns</Link> for creators.
          </p>
        </section>
      );
    default: {
      const reason = store.status === 'SUSPENDED' ? store.suspensionReason : store.rejectionReason;
      return (
        <section className="notice notice--error" aria-labelledby="account-status">
          <h2 id="account-status">
            Your store is {store.status === 'SUSPENDED' ? 'suspended' : 'not approved'} <StatusBadge status={store.status} />
          </h2>
          {reason ? (
            <p>
              The platform team said: <q>{reason}</q>
            </p>
          ) : null}
          <p>
            {store.status === 'SUSPENDED' ? 'While suspended, your API keys do not work and your links send buyers to your store without tracking them. ' : ''}
            Contact the platform operator about what you can do.
          </p>
        </section>
      );
    }
  }
}
