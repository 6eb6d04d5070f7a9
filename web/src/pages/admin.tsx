// Administration for org-admins and admins: organisations, users (disable
// one), sharing groups, and for admins the audit log.
import { useState } from 'preact/hooks';
import { get, post, type Session } from '../api';
import { allOrganisations, organisationLabel } from '../community';
import { ErrorMessage, Loading, Table, TlpBadge, useAction, useLoad } from '../components/common';
import { formatDate, t, type MessageKey } from '../i18n';
import type { Tlp } from '../stix';

interface User {
  name: string;
  organisation: string;
  role: string;
  disabled: boolean;
  has_password: boolean;
}

interface Group {
  id: string;
  name: string;
  owner: string;
  members: string[];
}

interface AuditEntry {
  sequence: number;
  time: string;
  actor: string;
  organisation: string;
  action: string;
  target: string;
  outcome: string;
  detail: string;
  source: string;
}

type Tab = 'organisations' | 'users' | 'groups' | 'audit';

function Organisations() {
  return (
    <Table headers={[t('admin.code'), t('admin.name'), t('admin.standing'), t('admin.country'), t('admin.defaultTlp')]}>
          {allOrganisations().map((organisation) => (
            <tr key={organisation.id}>
              <td>{organisation.code}</td>
              <td>{organisation.name}</td>
              <td>{organisation.standing}</td>
              <td>{organisation.country ?? '—'}</td>
              <td>
                <TlpBadge tlp={organisation.default_tlp as Tlp} />
              </td>
            </tr>
          ))}
    </Table>
  );
}

function Users() {
  const users = useLoad(() => get<{ users: User[] }>('/api/v1/users'), 'users');
  const [error, run] = useAction();
  async function disable(user: User) {
    if (await run(() => post(`/api/v1/users/${encodeURIComponent(user.name)}/disable`, {}))) users.reload();
  }
  return (
    <Loading loaded={users}>
      {({ users: list }) => (
        <>
          <ErrorMessage error={error} />
          <Table
            headers={[t('admin.name'), t('admin.organisation'), t('admin.role'), t('admin.password'), t('admin.disabled'), '']}
          >
              {list.map((user) => (
                <tr key={user.name}>
                  <td>{user.name}</td>
                  <td>{organisationLabel(user.organisation)}</td>
                  <td>{t(`role.${user.role}` as MessageKey)}</td>
                  <td>{user.has_password ? t('common.yes') : t('common.no')}</td>
                  <td>{user.disabled ? t('common.yes') : t('common.no')}</td>
                  <td>
                    {!user.disabled && (
                      <button type="button" onClick={() => disable(user)}>
                        {t('admin.disable')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
          </Table>
        </>
      )}
    </Loading>
  );
}

function Groups() {
  const groups = useLoad(() => get<{ groups: Group[] }>('/api/v1/groups'), 'groups');
  return (
    <Loading loaded={groups}>
      {({ groups: list }) =>
        list.length === 0 ? (
          <p class="muted">{t('common.none')}</p>
        ) : (
          <Table headers={[t('admin.name'), t('admin.owner'), t('admin.members')]}>
                {list.map((group) => (
                  <tr key={group.id}>
                    <td>{group.name}</td>
                    <td>{organisationLabel(group.owner)}</td>
                    <td>{group.members.map(organisationLabel).join(', ')}</td>
                  </tr>
                ))}
          </Table>
        )
      }
    </Loading>
  );
}

function Audit() {
  const entries = useLoad(() => get<{ entries: AuditEntry[] }>('/api/v1/audit?limit=100'), 'audit');
  return (
    <Loading loaded={entries}>
      {({ entries: list }) => (
        <Table
          headers={[t('admin.time'), t('admin.actor'), t('admin.action'), t('admin.target'), t('admin.outcome'), t('admin.source')]}
        >
              {list.map((entry) => (
                <tr key={entry.sequence}>
                  <td>{formatDate(entry.time)}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.action}</td>
                  <td class="wrap">{entry.target}</td>
                  <td class={entry.outcome === 'ok' ? '' : 'refused'}>{entry.outcome}</td>
                  <td>{entry.source}</td>
                </tr>
              ))}
        </Table>
      )}
    </Loading>
  );
}

export function AdminPage({ session }: { session: Session }) {
  const [tab, setTab] = useState<Tab>('organisations');
  const tabs: Tab[] = ['organisations', 'users', 'groups'];
  if (session.role === 'admin') tabs.push('audit');
  return (
    <section>
      <h1>{t('admin.title')}</h1>
      <div class="tabs" role="tablist">
        {tabs.map((name) => (
          <button
            type="button"
            role="tab"
            key={name}
            aria-selected={tab === name}
            class={tab === name ? 'active' : ''}
            onClick={() => setTab(name)}
          >
            {t(`admin.${name}` as MessageKey)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'organisations' && <Organisations />}
        {tab === 'users' && <Users />}
        {tab === 'groups' && <Groups />}
        {tab === 'audit' && (session.role === 'admin' ? <Audit /> : <p>{t('admin.auditAdminsOnly')}</p>)}
      </div>
    </section>
  );
}
