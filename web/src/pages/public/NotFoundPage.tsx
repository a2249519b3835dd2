import { PageHeader } from '../../components/PageHeader.tsx';
import { Link } from '../../router.tsx';

export function NotFoundPage() {
  return (
    <div className="narrow">
      <PageHeader title="Page not found">
        <p>There is no page at this address.</p>
      </PageHeader>
      <Link to="/" className="button">
        Go to the start page
      </Link>
    </div>
  );
}
