// The organisation's cross-border alerts (acknowledge; ask the other
// organisation for details) and the requests for details both ways
// (the holder approves or declines).
import { useState } from 'preact/hooks';
import { get, post, type Session } from '../api';
import type { Alert, DetailRequest } from '../alerts_model';
import { organisationLabel } from '../community';
import { ErrorMessage, Link, Loading, Table, useAction, useLoad } from '../components/common';
import { formatDate, t, type MessageKey } from '../i18n';

function AlertRow({ alert, canAct, onChange }: { alert: Alert; canAct: boolean; onChange: () => void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const [error, run] = useAction();
  const act = (path: string, body: unknown) => run(() => post(path, body));

  return (
    <tr data-alert-id={alert.id}>
      <td>
        <strong>{alert.key.kind}</strong> <code class="wrap">{alert.key.value ?? '…'}</code>
      </td>
      <td>
        {organisationLabel(alert.other.organisation)}
        {alert.other.visible && alert.other.object_id && (
          <>
            {' '}
            <Link href={`/objects/${alert.other.object_id}`}>{alert.other.object_id}</Link>
          </>
        )}
      </td>
      <td>
        <Link href={`/objects/${alert.object_id}`}>{alert.object_id}</Link>
      </td>
      <td>{alert.score.toFixed(2)}</td>
      <td>{formatDate(alert.created)}</td>
      <td class="actions">
        {alert.acknowledged ? (
          <span class="muted">
            {t('alerts.acknowledged')}: {formatDate(alert.acknowledged)}
          </span>
        ) : (
          <button type="button" onClick={async () => (await act(`/api/v1/alerts/${alert.id}/acknowledge`, {})) && onChange()}>
            {t('alerts.acknowledge')}
          </button>
        )}
        {canAct && !alert.other.visible && !sent && (
          asking ? (
            <form
              class="inline-form"
              onSubmit={async (event) => {
                event.preventDefault();
                if (await act(`/api/v1/alerts/${alert.id}/detail-requests`, { reason })) {
                  setSent(true);
                  onChange();
                }
              }}
            >
              <label>
                {t('alerts.reason')}
                <input required value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
              </label>
              <button type="submit" class="primary">
                {t('alerts.send')}
              </button>
              <button type="button" onClick={() => setAsking(false)}>
                {t('common.cancel')}
              </button>
            </form>
          ) : (
            <button type="button" onClick={() => setAsking(true)}>
              {t('alerts.askDetails')}
            </button>
          )
        )}
        {sent && <span class="ok">{t('alerts.requestSent')}</span>}
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}

function Requests({ requests, canAct, onChange }: { requests: DetailRequest[]; canAct: boolean; onChange: () => void }) {
  const [error, run] = useAction();
  async function decide(request: DetailRequest, decision: 'approve' | 'decline') {
    if (await run(() => post(`/api/v1/detail-requests/${request.id}/${decision}`, {}))) onChange();
  }
  if (requests.length === 0) return <p class="muted">{t('alerts.noRequests')}</p>;
  return (
    <>
      <ErrorMessage error={error} />
      <Table headers={[t('alerts.direction'), t('alerts.other'), t('alerts.reason'), t('alerts.state'), t('alerts.created'), '']}>
          {requests.map((request) => {
            const incoming = request.direction === 'incoming';
            return (
              <tr key={request.id}>
                <td>{request.direction ? t(`alerts.${request.direction}` as MessageKey) : '—'}</td>
                <td>{organisationLabel(incoming ? request.requester : request.holder)}</td>
                <td class="wrap">{request.reason}</td>
                <td>{request.state}</td>
                <td>{formatDate(request.created)}</td>
                <td class="actions">
                  {incoming && canAct && request.state === 'pending' && (
                    <>
                      <button type="button" class="primary" onClick={() => decide(request, 'approve')}>
                        {t('alerts.approve')}
                      </button>
                      <button type="button" onClick={() => decide(request, 'decline')}>
                        {t('alerts.decline')}
                      </button>
                    </>
                  )}
                  {request.visible && request.object_id && <Link href={`/objects/${request.object_id}`}>{request.object_id}</Link>}
                </td>
              </tr>
            );
          })}
      </Table>
    </>
  );
}

export function AlertsPage({ session }: { session: Session }) {
  const loaded = useLoad(
    () =>
      Promise.all([
        get<{ alerts: Alert[] }>('/api/v1/alerts?limit=100'),
        get<{ detail_requests: DetailRequest[] }>('/api/v1/detail-requests'),
      ]),
    session.user ?? '',
  );
  const canAct = session.role === 'analyst' || session.role === 'org-admin';
  return (
    <section>
      <h1>{t('alerts.title')}</h1>
      <Loading loaded={loaded}>
        {([alerts, requests]) => (
          <>
            {alerts.alerts.length === 0 ? (
              <p class="muted">{t('alerts.none')}</p>
            ) : (
              <Table headers={[t('alerts.key'), t('alerts.other'), t('alerts.object'), t('alerts.score'), t('alerts.created'), '']}>
                {alerts.alerts.map((alert) => (
                  <AlertRow key={alert.id} alert={alert} canAct={canAct} onChange={loaded.reload} />
                ))}
              </Table>
            )}
            <h2>{t('alerts.requests')}</h2>
            <Requests requests={requests.detail_requests} canAct={canAct} onChange={loaded.reload} />
          </>
        )}
      </Loading>
    </section>
  );
}
