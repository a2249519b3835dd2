import { AppShell } from './components/AppShell.tsx';
import { PageHeader } from './components/PageHeader.tsx';
import { ErrorState, Loading } from './components/QueryState.tsx';
import { NotFoundPage } from './pages/public/NotFoundPage.tsx';
import { Link, Redirect, useLocation } from './router.tsx';
import { findRoute } from './routes.ts';
import { homeFor, useSession, type Role } from './session.ts';

const ROLE_NAMES: Record<Role, string> = { merchant: 'store', affiliate: 'creator', admin: 'administrator' };

export function App() {
  const location = useLocation();
  const session = useSession();
  const route = findRoute(location.pathname);

  if (session.isPending) {
    return (
      <AppShell session={null}>
        <Loading what="your account" />
      </AppShell>
    );
  }
  if (session.isError) {
    return (
      <AppShell session={null}>
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </AppShell>
    );
  }

  const current = session.data;
  if (!route) {
    return (
      <AppShell session={current}>
        <NotFoundPage />
      </AppShell>
    );
  }
  if (route.access === 'guest' && current) return <Redirect to={homeFor(current.user.role)} />;
  if (route.access !== 'guest' && route.access !== 'public') {
    if (!current) return <Redirect to={`/login?next=${encodeURIComponent(location.href)}`} />;
    if (current.user.role !== route.access) {
      return (
        <AppShell session={current}>
          <div className="narrow">
            <PageHeader title="Not available to this account">
              <p>
                This page is for {ROLE_NAMES[route.access]} accounts; you are signed in as a {ROLE_NAMES[current.user.role]}.
              </p>
            </PageHeader>
            <Link to={homeFor(current.user.role)} className="button">
              Go to your overview
            </Link>
          </div>
        </AppShell>
      );
    }
  }

  const Page = route.page;
  return (
    <AppShell session={current}>
      <Page />
    </AppShell>
  );
}
