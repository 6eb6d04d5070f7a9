// Sign-in with user name and password: POST /api/v1/session.
import { useState } from 'preact/hooks';
import { post, type Session } from '../api';
import { ErrorMessage } from '../components/common';
import { t } from '../i18n';

export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await post<Session>('/api/v1/session', { user, password }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="sign-in">
      <h1>{t('session.signIn')}</h1>
      <p class="muted">{t('app.tagline')}</p>
      <form onSubmit={submit}>
        <label>
          {t('session.user')}
          <input
            name="user"
            autocomplete="username"
            required
            value={user}
            onInput={(event) => setUser(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('session.password')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('session.signingIn') : t('session.signIn')}
        </button>
      </form>
    </section>
  );
}
