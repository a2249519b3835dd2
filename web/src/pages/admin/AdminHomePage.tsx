import { PageHeader } from '../../components/PageHeader.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.ts';

export function AdminHomePage() {
  const session = useSession();
  return (
    <div>
      <PageHeader title="Platform administration">
        <p>Signed in as {session.data?.user.email}.</p>
      </PageHeader>
      <div className="grid grid--two">
        <section className="card" aria-labelledby="queue-merchants">
          <h2 id="queue-merchants">Merchant approvals</h2>
          <p className="muted">New stores wait here until you approve them and the domains they sell on. Approval issues their API keys.</p>
          <Link to="/admin/merchants" className="button button--primary">
            Review merchants
          </Link>
        </section>
      </div>
    </div>
  );
}
