import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { asApiError } from '../api.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useLogout, type Session } from '../session.ts';
import { NAVIGATION } from './navigation.ts';
import { VerifyEmailNotice } from '../pages/account/VerifyEmailNotice.tsx';

const ROLE_NAMES = { merchant: 'Merchant', affiliate: 'Affiliate', admin: 'Admin' } as const;

/**
 * The frame around every page: skip link, brand, navigation for the signed-in role, account menu.
 * Under 640 px the navigation and account fold behind a Menu button (styles.css), which closes
 * again on Escape and on any navigation.
 */
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

  // The menu is open for the page it was opened on: navigating anywhere closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpenOn(null);
    menuButtonRef.current?.focus();
  };

  const items = NAVIGATION[session?.user.role ?? 'guest'];
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar" onKeyDown={closeOnEscape}>
        <Link to={session ? `/${session.user.role}` : '/'} className="brand">
          <span className="brand-mark" aria-hidden="true">
            IM
          </span>
          Influencemart
        </Link>
        <button
          ref={menuButtonRef}
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="site-menu"
          onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
        >
          <span className="menu-icon" aria-hidden="true" />
          Menu
        </button>
        <div id="site-menu" className={menuOpen ? 'site-menu site-menu--open' : 'site-menu'}>
          <nav aria-label="Main" className="nav">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={isCurrent(pathname, item.to) ? 'page' : undefined} onClick={() => setMenuOpenOn(null)}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {session && <AccountMenu session={session} />}
        </div>
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
