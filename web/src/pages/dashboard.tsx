// The dashboard: the region map, counts, and the organisation's alerts as
// they arrive (server-sent events from GET /api/v1/events).
import { useEffect, useState } from 'preact/hooks';
import { get, type Session } from '../api';
import type { Alert } from '../alerts_model';
import { organisationLabel, organisationOf } from '../community';
import { ErrorMessage, Link, Loading, useLoad } from '../components/common';
import { RegionMap, type MapLink } from '../components/region_map';
import { formatDate, formatNumber, t } from '../i18n';

interface Facets {
  type: Record<string, number>;
  tlp: Record<string, number>;
  author: Record<string, number>;
  complete: boolean;
}

interface Overview {
  facets: Facets;
  alerts: Alert[];
}

async function loadOverview(): Promise<Overview> {
  const [search, alerts] = await Promise.all([
    get<{ facets: Facets }>('/api/v1/objects?limit=1&facets=true'),
    get<{ alerts: Alert[] }>('/api/v1/alerts?limit=200'),
  ]);
  return { facets: search.facets, alerts: alerts.alerts };
}

// Objects per country of their authors' organisations.
function activityByCountry(facets: Facets): Record<string, number> {
  const activity: Record<string, number> = {};
  for (const [author, count] of Object.entries(facets.author)) {
    const country = organisationOf(author)?.country;
    if (country) activity[country] = (activity[country] ?? 0) + count;
  }
  return activity;
}

function linksOf(alerts: Alert[]): MapLink[] {
  const links = new Map<string, MapLink>();
  for (const alert of alerts) {
    const from = organisationOf(alert.organisation)?.country;
    const to = organisationOf(alert.other.organisation)?.country;
    if (!from || !to || from === to) continue;
    const [a, b] = from < to ? [from, to] : [to, from];
    const link = links.get(`${a}-${b}`) ?? { from: a, to: b, count: 0 };
    link.count += 1;
    links.set(`${a}-${b}`, link);
  }
  return [...links.values()];
}

function LiveAlerts({ initial }: { initial: Alert[] }) {
  const [alerts, setAlerts] = useState(initial.slice(0, 10));
  const [live, setLive] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    // The events say that alerts arrived (`alert` events carry one, `alert.raised` notices name it);
    // the list is read again either way, so it always shows the alerts as the API does.
    const refresh = () =>
      get<{ alerts: Alert[] }>('/api/v1/alerts?limit=10').then((body) => {
        setAlerts(body.alerts);
        setError(null);
      }, setError);
    const events = new EventSource('/api/v1/events');
    events.onopen = () => setLive(true);
    events.addEventListener('alert', refresh);
    events.addEventListener('alert.raised', refresh);
    return () => events.close();
  }, []);
  return (
    <section class="card" aria-live="polite">
      <h2>
        {t('dashboard.recentAlerts')}{' '}
        <span class={live ? 'pill live' : 'pill'}>{live ? t('dashboard.live') : t('dashboard.connecting')}</span>
      </h2>
      <ErrorMessage error={error} />
      {alerts.length === 0 ? (
        <p class="muted">{t('dashboard.noAlerts')}</p>
      ) : (
        <ul class="alert-list" data-testid="recent-alerts">
          {alerts.map((alert) => (
            <li key={alert.id} data-alert-id={alert.id}>
              <strong>{alert.key.kind}</strong> <code>{alert.key.value ?? '…'}</code> —{' '}
              {t('alerts.otherHolds', { organisation: organisationLabel(alert.other.organisation) })}
              <br />
              <span class="muted">{formatDate(alert.created)}</span>{' '}
              <Link href={`/objects/${alert.object_id}`}>{alert.object_id}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DashboardPage({ session }: { session: Session }) {
  const overview = useLoad(loadOverview, session.user ?? '');
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <Loading loaded={overview}>
        {({ facets, alerts }) => {
          const total = Object.values(facets.type).reduce((sum, count) => sum + count, 0);
          const open = alerts.filter((alert) => !alert.acknowledged).length;
          return (
            <div class="dashboard">
              <section class="card map-card">
                <h2>{t('dashboard.map')}</h2>
                <RegionMap activity={activityByCountry(facets)} links={linksOf(alerts)} />
                <p class="muted small">{t('dashboard.mapLegend')}</p>
              </section>
              <section class="card">
                <h2>{t('dashboard.counts')}</h2>
                <dl class="counts">
                  <div>
                    <dt>{t('dashboard.objects')}</dt>
                    <dd data-testid="count-objects">{formatNumber(total)}</dd>
                  </div>
                  <div>
                    <dt>{t('dashboard.indicators')}</dt>
                    <dd>{formatNumber(facets.type['indicator'] ?? 0)}</dd>
                  </div>
                  <div>
                    <dt>{t('dashboard.alertsOpen')}</dt>
                    <dd>{formatNumber(open)}</dd>
                  </div>
                </dl>
                <h3>{t('dashboard.byType')}</h3>
                <ul class="bars">
                  {Object.entries(facets.type)
                    .sort((a, b) => b[1] - a[1])
                    .map(([type, count]) => (
                      <li key={type}>
                        <Link href={`/search?type=${encodeURIComponent(type)}`}>{type}</Link>
                        <meter min={0} max={total} value={count} aria-label={type} />
                        <span>{formatNumber(count)}</span>
                      </li>
                    ))}
                </ul>
              </section>
              <LiveAlerts initial={alerts} />
            </div>
          );
        }}
      </Loading>
    </section>
  );
}
