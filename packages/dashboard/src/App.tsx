import { matchClientRoute } from '@hookline/server/client-routes';
import type { ClientRoute } from '@hookline/server/client-routes';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, answer, hookline, onSignedOut, setCsrfToken } from './api.js';
import type { Program, SessionInfo } from './api.js';
import { Button, ErrorMessage, Loading } from './components/ui.js';
import { DeliveryPage } from './pages/DeliveryPage.js';
import { LogsPage } from './pages/LogsPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { PostbacksPage } from './pages/PostbacksPage.js';
import { ProgramPage } from './pages/ProgramPages.js';
import { LeadsPage, PayoutRequestsPage, SubscribersPage } from './pages/ProgramTypePages.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { ApiKeysPage } from './pages/ApiKeysPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { WebhookPage } from './pages/WebhookPage.js';
import { WebhooksPage } from './pages/WebhooksPage.js';
import { queryClient } from './queries.js';
import { Link, navigate, useLocation } from './router.js';

/**
 * Cookie the server sets beside the session that only says "signed in here" (no secret; the
 * session itself is HttpOnly). Checking it first spares a 401 round trip on the sign-in page.
 */
const SIGNED_IN_HINT = 'hookline_signed_in';

function hasSignedInHint(): boolean {
  return document.cookie.split(';').some((c) => c.trim().startsWith(`${SIGNED_IN_HINT}=`));
}

/** Forgets the hint once the server says the session is gone (the server sets it). */
function clearSignedInHint(): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain flag cookie; the Cookie Store API is not in every browser
  document.cookie = `${SIGNED_IN_HINT}=; Path=/; SameSite=Strict; Max-Age=0`;
}

interface NavItem {
  href: ClientRoute;
  label: string;
}

const NAV: readonly NavItem[] = [
  { href: '/overview', label: 'Overview' },
  { href: '/logs', label: 'Logs' },
  { href: '/partners', label: 'Partners' },
  { href: '/customers', label: 'Customers' },
  { href: '/transactions', label: 'Transactions' },
  { href: '/rewards', label: 'Rewards' },
  { href: '/leads', label: 'Leads' },
  { href: '/payouts', label: 'Payouts' },
  { href: '/postbacks', label: 'Postbacks' },
  { href: '/subscribers', label: 'Subscribers' },
];

/** The program's configuration, grouped under one heading: its settings and its webhooks. */
const SETTINGS_NAV: readonly NavItem[] = [
  { href: '/settings', label: 'General' },
  { href: '/webhooks', label: 'Webhooks' },
  { href: '/settings/api-keys', label: 'API keys' },
];

function matches(href: string, path: string): boolean {
  return path === href || path.startsWith(`${href}/`) || (href === '/overview' && path === '/');
}

/** The item a path belongs to: the longest matching href (`/settings/api-keys` over `/settings`). */
function isActive(href: string, path: string, items: readonly NavItem[]): boolean {
  if (!matches(href, path)) return false;
  return !items.some((other) => other.href.length > href.length && matches(other.href, path));
}

function NavLinks({ items, path }: { items: readonly NavItem[]; path: string }) {
  return items.map((item) => (
    <li key={item.href}>
      <Link href={item.href} aria-current={isActive(item.href, path, items) ? 'page' : undefined}>
        {item.label}
      </Link>
    </li>
  ));
}

type SessionState =
  | { state: 'checking' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; session: SessionInfo }
  | { state: 'error'; error: Error };

/** The whole app: session gate, layout, routes. */
export function App() {
  const location = useLocation();
  const navRef = useRef<HTMLElement>(null);
  const [session, setSession] = useState<SessionState>(() =>
    hasSignedInHint() ? { state: 'checking' } : { state: 'signed-out' },
  );

  const check = useCallback(() => {
    answer(hookline.GET('/auth/session')).then(
      (info) => {
        setCsrfToken(info.csrf_token);
        setSession({ state: 'signed-in', session: info });
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) {
          clearSignedInHint();
          setSession({ state: 'signed-out' });
        } else {
          setSession({ state: 'error', error: error as Error });
        }
      },
    );
  }, []);

  useEffect(() => {
    if (session.state === 'checking') check();
  }, [session.state, check]);

  useEffect(
    () =>
      onSignedOut(() => {
        clearSignedInHint();
        // Nothing of this program stays on screen, nor in the cache for the next sign-in.
        queryClient.clear();
        setSession({ state: 'signed-out' });
      }),
    [],
  );

  // On phones the navigation is a row that scrolls sideways; keep the current page's tab in
  // view. Only the row scrolls, never the page (back/forward restores the page's position).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    const list = navRef.current?.querySelector('ul');
    const link = navRef.current?.querySelector('[aria-current="page"]');
    if (!list || !link || list.scrollWidth <= list.clientWidth) return;
    const row = list.getBoundingClientRect();
    const tab = link.getBoundingClientRect();
    if (tab.left < row.left || tab.right > row.right) {
      list.scrollLeft += tab.left - row.left - (row.width - tab.width) / 2;
    }
  }, [location.path, session.state]);

  if (session.state === 'checking') {
    return (
      <main className="center">
        <Loading what="Opening the dashboard" />
      </main>
    );
  }
  if (session.state === 'error') {
    return (
      <main className="center">
        <ErrorMessage error={session.error} action={<Button onClick={check}>Try again</Button>} />
      </main>
    );
  }
  if (session.state === 'signed-out') {
    return (
      <SignInPage
        linkInvalid={location.query.get('link') === 'invalid'}
        onSignedIn={(info) => {
          queryClient.clear();
          setCsrfToken(info.csrf_token);
          setSession({ state: 'signed-in', session: info });
          if (location.path === '/sign-in') navigate('/overview', { replace: true });
        }}
      />
    );
  }

  const signOut = async () => {
    try {
      await hookline.DELETE('/auth/session');
    } finally {
      setCsrfToken('');
      queryClient.clear();
      clearSignedInHint();
      setSession({ state: 'signed-out' });
      navigate('/sign-in', { replace: true });
    }
  };

  return (
    <div className="layout">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/overview" className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" /> Hookline
        </Link>
        <span className="program" title={session.session.program.id}>
          {session.session.program.name}
        </span>
        <Button onClick={signOut} className="signout">
          Sign out
        </Button>
      </header>
      <nav className="sidenav" aria-label="Main" ref={navRef}>
        <ul>
          <NavLinks items={NAV} path={location.path} />
          <li className="nav-group">
            <span className="nav-group-label" id="nav-settings">
              Program settings
            </span>
            <ul aria-labelledby="nav-settings">
              <NavLinks items={SETTINGS_NAV} path={location.path} />
            </ul>
          </li>
        </ul>
      </nav>
      <main id="content" className="content" tabIndex={-1}>
        <Route
          path={location.path}
          onProgramSaved={(program) =>
            setSession({
              state: 'signed-in',
              session: { ...session.session, program: { id: program.id, name: program.name } },
            })
          }
        />
      </main>
    </div>
  );
}

function Route({
  path,
  onProgramSaved,
}: {
  path: string;
  onProgramSaved: (program: Program) => void;
}) {
  const match = matchClientRoute(path);
  if (!match) {
    return (
      <section>
        <h1>Page not found</h1>
        <p>
          There is no page at <code>{path}</code>. <Link href="/overview">Go to the overview</Link>.
        </p>
      </section>
    );
  }
  // One case per route of the server's list: a route without a page, or a page without a
  // route, fails the type check.
  switch (match.route) {
    case '/':
    case '/sign-in':
    case '/overview':
      return <OverviewPage />;
    case '/settings':
      return <SettingsPage onSaved={onProgramSaved} />;
    case '/settings/api-keys':
      return <ApiKeysPage />;
    case '/webhooks':
      return <WebhooksPage />;
    case '/webhooks/:key':
      return <WebhookPage webhookKey={match.params.key} />;
    case '/logs':
      return <LogsPage />;
    case '/logs/:id':
      return <DeliveryPage id={match.params.id} />;
    case '/leads':
      return <LeadsPage />;
    case '/payouts':
      return <PayoutRequestsPage />;
    case '/subscribers':
      return <SubscribersPage />;
    case '/postbacks':
      return <PostbacksPage />;
    case '/partners':
    case '/customers':
    case '/transactions':
    case '/rewards':
      return <ProgramPage kind={match.route.slice(1) as ProgramKind} />;
    default: {
      const unhandled: never = match;
      return unhandled;
    }
  }
}

type ProgramKind = 'partners' | 'customers' | 'transactions' | 'rewards';
