// The user's API keys (and, for org-admins and admins, those they manage):
// create one (shown once), revoke one.
import { useState } from 'preact/hooks';
import { api, get, post, type Session } from '../api';
import { ErrorMessage, Loading, Table, useAction, useLoad } from '../components/common';
import { formatDate, t } from '../i18n';

interface Key {
  key_id: string;
  user: string;
  label: string;
  created: string;
  expires: string | null;
  revoked: string | null;
}

export function KeysPage({ session }: { session: Session }) {
  const keys = useLoad(() => get<{ keys: Key[] }>('/api/v1/keys'), session.user ?? '');
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [error, run] = useAction();

  async function create(event: Event) {
    event.preventDefault();
    const done = await run(async () => setCreated((await post<{ key: string }>('/api/v1/keys', { label })).key));
    if (done) {
      setLabel('');
      keys.reload();
    }
  }

  async function revoke(key: Key) {
    if (await run(() => api('DELETE', `/api/v1/keys/${encodeURIComponent(key.key_id)}`))) keys.reload();
  }

  return (
    <section>
      <h1>{t('keys.title')}</h1>
      <p class="muted">{t('keys.help')}</p>
      <form class="inline-form" onSubmit={create}>
        <label>
          {t('keys.label')}
          <input name="label" value={label} onInput={(event) => setLabel(event.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {t('keys.create')}
        </button>
      </form>
      {created && (
        <div class="notice" role="status">
          <p>{t('keys.newKey')}</p>
          <code class="secret" data-testid="new-key">
            {created}
          </code>
        </div>
      )}
      <ErrorMessage error={error} />
      <Loading loaded={keys}>
        {({ keys: list }) =>
          list.length === 0 ? (
            <p class="muted">{t('keys.none')}</p>
          ) : (
            <Table
              headers={[t('keys.id'), t('keys.user'), t('keys.label'), t('keys.created'), t('keys.expires'), t('keys.revoked'), '']}
            >
              {list.map((key) => (
                <tr key={key.key_id}>
                  <td>
                    <code>{key.key_id}</code>
                  </td>
                  <td>{key.user}</td>
                  <td>{key.label}</td>
                  <td>{formatDate(key.created)}</td>
                  <td>{key.expires ? formatDate(key.expires) : t('keys.never')}</td>
                  <td>{formatDate(key.revoked)}</td>
                  <td>
                    {!key.revoked && (
                      <button type="button" onClick={() => revoke(key)}>
                        {t('keys.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </section>
  );
}
