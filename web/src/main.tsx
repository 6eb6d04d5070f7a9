// The Kenes web UI: sign-in, then the pages of the signed-in user.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, get, rememberSession, whenSignedOut, type Session } from './api';
import { loadOrganisations, organisationLabel } from './community';
import { ErrorMessage, Link } from './components/common';
import { language, languages, onLanguageChange, setLanguage, t, type MessageKey } from './i18n';
import { AdminPage } from './pages/admin';
import { AlertsPage } from './pages/alerts';
import { CreateIndicatorPage } from './pages/create_indicator';
import { DashboardPage } from './pages/dashboard';
import { KeysPage } from './pages/keys';
import { ObjectPage } from './pages/object';
import { SearchPage } from './pages/search';
import { SignInPage } from './pages/sign_in';
import { navigate, useLocation } from './router';
import './styles.css';

function LanguageSwitch() {
  return (
    <div class="language" role="group" aria-label={t('lang.label')}>
      {languages.map((code) => (
        <button
          type="button"
          key={code}
          class={code === language() ? 'active' : ''}
          aria-pressed={code === language()}
          lang={code}
          onClick={() => setLanguage(code)}
        >
          {code === 'en' ? 'English' : 'Русский'}
        </button>
      ))}
    </div>
  );
}

function Pages({ session }: { session: Session }) {
  const where = useLocation();
  const path = where.path;
  if (path === '/' || path === '/dashboard') return <DashboardPage session={session} />;
  if (path === '/search') return <SearchPage params={where.params} />;
  if (path.startsWith('/objects/')) return <ObjectPage id={decodeURIComponent(path.slice('/objects/'.length))} />;
  if (path === '/indicators/new') return <CreateIndicatorPage session={session} />;
  if (path === '/alerts') return <AlertsPage session={session} />;
  if (path === '/keys') return <KeysPage session={session} />;
  if (path === '/admin') return <AdminPage session={session} />;
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <Link href="/">{t('notFound.back')}</Link>
    </section>
  );
}

function App() {
  const [, setLanguageVersion] = useState(0);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [expired, setExpired] = useState(false);
  const where = useLocation();

  useEffect(() => onLanguageChange(() => setLanguageVersion((value) => value + 1)), []);
  useEffect(() => {
    whenSignedOut(() => {
      setExpired(true);
      setSession({ signed_in: false });
    });
    get<Session>('/api/v1/session').then(signedIn, (failure: unknown) => {
      // 401: the browser holds the cookie of a session that has ended (the node cleared it).
      if (failure instanceof ApiError && failure.status === 401) setExpired(true);
      else setError(failure);
      setSession({ signed_in: false });
    });
  }, []);

  async function signedIn(next: Session) {
    rememberSession(next);
    if (next.signed_in) {
      try {
        await loadOrganisations();
      } catch (failure) {
        setError(failure);
      }
      setExpired(false);
    }
    setSession(next);
  }

  async function signOut() {
    try {
      await api('DELETE', '/api/v1/session');
    } catch (failure) {
      setError(failure);
    }
    rememberSession({ signed_in: false });
    setSession({ signed_in: false });
    navigate('/');
  }

  if (session === null) return <p class="muted page">{t('common.loading')}</p>;
  if (!session.signed_in) {
    return (
      <div class="signed-out">
        <header class="bar">
          <span class="brand">{t('app.name')}</span>
          <LanguageSwitch />
        </header>
        <main id="main">
          {expired && <p class="notice">{t('session.expired')}</p>}
          <ErrorMessage error={error} />
          <SignInPage onSignedIn={signedIn} />
        </main>
      </div>
    );
  }
  const admin = session.role === 'admin' || session.role === 'org-admin';
  const nav: [string, MessageKey][] = [
    ['/', 'nav.dashboard'],
    ['/search', 'nav.search'],
    ['/indicators/new', 'nav.create'],
    ['/alerts', 'nav.alerts'],
    ['/keys', 'nav.keys'],
  ];
  if (admin) nav.push(['/admin', 'nav.admin']);
  return (
    <div>
      <a class="skip" href="#main">
        {t('nav.main')}
      </a>
      <header class="bar">
        <span class="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          {nav.map(([href, key]) => (
            <Link
              key={href}
              href={href}
              class={where.path === href || (href !== '/' && where.path.startsWith(href)) ? 'current' : ''}
            >
              {t(key)}
            </Link>
          ))}
        </nav>
        <div class="who">
          <span class="muted">
            {t('session.signedInAs', {
              user: session.user ?? '',
              role: t(`role.${session.role ?? 'reader'}` as MessageKey),
              organisation: organisationLabel(session.organisation),
            })}
          </span>
          <LanguageSwitch />
          <button type="button" onClick={signOut}>
            {t('session.signOut')}
          </button>
        </div>
      </header>
      <main id="main" class="page">
        <ErrorMessage error={error} />
        <Pages session={session} />
      </main>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
