import { useEffect, useRef, type ReactNode } from 'react';
import { asApiError } from '../api.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useLogout, type Session } from '../session.ts';
import { NAVIGATION } from './navigation.ts';
import { VerifyEmailNotice } from '../pages/account/VerifyEmailNotice.tsx';

const ROLE_NAMES = { merchant: 'Merchant', affiliate: 'Affiliate', admin: 'Admin' } as const;

/** The frame around every page: skip link, brand, navigation for the signed-in role, account menu. */
export function AppShell({ session, children }: { session: Session | null; children: ReactNode }) {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After an in-app navigation, move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  const items = NAVIGATION[session?.user.role ?? 'guest'];
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to={session ? `/${session.user.role}` : '/'} className="brand">
          <span className="brand-mark" aria-hidden="true">
            IM
          </span>
          Influencemart
        </Link>
        <nav aria-label="Main" className="nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={isCurrent(pathname, item.to) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {session && <AccountMenu session={session} />}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {session && session.user.role !== 'admin' && <VerifyEmailNotice />}
        {children}
      </main>
      <footer className="footer">
        <span>Influencemart</span>
        <a href="/docs">API reference</a>
      </footer>
    </div>
  );
}

function isCurrent(pathname: string, to: string): boolean {
  return pathname === to;
}

function AccountMenu({ session }: { session: Session }) {
  const logout = useLogout();
  const signOut = () => logout.mutate(undefined, { onSuccess: () => navigate('/login', { replace: true }) });
  return (
    <div className="account">
      <span className="account-who">
        <span className="account-role">{ROLE_NAMES[session.user.role]}</span>
        <span className="account-email" data-testid="signed-in-email">
          {session.user.email}
        </span>
      </span>
      <button type="button" className="button button--quiet" onClick={signOut} disabled={logout.isPending}>
        {logout.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {logout.isError && (
        <span role="alert" className="account-error">
          {asApiError(logout.error).message}
        </span>
      )}
    </div>
  );
}
