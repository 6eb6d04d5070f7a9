// An object's page: its properties with its TLP badge, its versions, its
// relationships and sightings (links the caller may see), and who else
// holds its values (correlations; hidden holders show only as organisations).
import { get } from '../api';
import { organisationLabel } from '../community';
import { ErrorMessage, Link, Loading, TlpBadge, useLoad } from '../components/common';
import { formatDate, t } from '../i18n';
import { displayName, type StixObject, type Tlp } from '../stix';

interface Entry {
  object: StixObject;
  date_added: string;
  tlp: Tlp | null;
}

interface ObjectLink {
  direction: 'outgoing' | 'incoming';
  property: string;
  relationship_type?: string;
  relationship?: StixObject;
  other: Entry;
}

interface Correlation {
  kind: string;
  value: string;
  warning?: string | null;
  over_correlated?: boolean;
  holdings: { organisation: string; visible: boolean; object_id?: string; type?: string; score?: number }[];
}

interface ObjectView {
  entry: Entry & { links: ObjectLink[]; links_truncated: boolean };
  versions: Entry[];
  correlations: Correlation[];
  correlationError: unknown;
}

async function loadObject(id: string): Promise<ObjectView> {
  const path = `/api/v1/objects/${encodeURIComponent(id)}`;
  const [entry, versions, correlations] = await Promise.all([
    get<ObjectView['entry']>(path),
    get<{ versions: Entry[] }>(`${path}/versions`),
    // Correlations are a service of their own: the page shows the object, and their error, without them.
    get<{ correlations: Correlation[] }>(`${path}/correlations`).then(
      (body) => ({ correlations: body.correlations, correlationError: null as unknown }),
      (error: unknown) => ({ correlations: [] as Correlation[], correlationError: error }),
    ),
  ]);
  return { entry, versions: versions.versions, ...correlations };
}

function PropertyValue({ name, value }: { name: string; value: unknown }) {
  if (typeof value === 'string' && /^[a-z0-9-]+--[0-9a-f-]{36}$/.test(value) && name !== 'id') {
    return <Link href={`/objects/${value}`}>{name === 'created_by_ref' ? organisationLabel(value) : value}</Link>;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <span class="wrap">{String(value)}</span>;
  }
  return <pre class="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function ObjectPage({ id }: { id: string }) {
  const view = useLoad(() => loadObject(id), id);
  return (
    <Loading loaded={view}>
      {({ entry, versions, correlations, correlationError }) => {
        const object = entry.object;
        const sightings = entry.links.filter((link) => link.other.object.type === 'sighting');
        const relationships = entry.links.filter((link) => link.other.object.type !== 'sighting');
        return (
          <article class="object-page">
            <p class="muted">{object.type}</p>
            <h1 class="wrap">
              {displayName(object)} <TlpBadge tlp={entry.tlp} />
            </h1>
            <p class="muted">
              {t('object.added')}: {formatDate(entry.date_added)}
            </p>
            <section class="card">
              <h2>{t('object.properties')}</h2>
              <dl class="properties">
                {Object.entries(object).map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>
                      <PropertyValue name={name} value={value} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            <section class="card">
              <h2>{t('object.versions')}</h2>
              {versions.length === 0 ? (
                <p class="muted">{t('object.noVersions')}</p>
              ) : (
                <ol class="versions">
                  {versions.map((version) => (
                    <li key={`${version.object.modified}-${version.date_added}`}>
                      {formatDate(version.object.modified ?? version.date_added)} <TlpBadge tlp={version.tlp} />{' '}
                      <span class="muted">
                        {t('object.added')}: {formatDate(version.date_added)}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section class="card">
              <h2>{t('object.relationships')}</h2>
              {relationships.length === 0 ? (
                <p class="muted">{t('object.noRelationships')}</p>
              ) : (
                <ul>
                  {relationships.map((link) => (
                    <li key={`${link.direction}-${link.property}-${link.other.object.id}`}>
                      <span class="muted">
                        {link.relationship_type ?? link.property} ({t(link.direction === 'incoming' ? 'object.incoming' : 'object.outgoing')})
                      </span>{' '}
                      <Link href={`/objects/${link.other.object.id}`}>{displayName(link.other.object)}</Link>{' '}
                      <TlpBadge tlp={link.other.tlp} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section class="card">
              <h2>{t('object.sightings')}</h2>
              {sightings.length === 0 ? (
                <p class="muted">{t('object.noSightings')}</p>
              ) : (
                <ul>
                  {sightings.map((link) => {
                    const sighting = link.other.object;
                    const where = (sighting['where_sighted_refs'] as string[] | undefined) ?? [];
                    return (
                      <li key={sighting.id}>
                        <Link href={`/objects/${sighting.id}`}>
                          {t('object.sightedBy', {
                            organisation: where.map(organisationLabel).join(', ') || organisationLabel(sighting.created_by_ref),
                            count: String(sighting['count'] ?? 1),
                            last: formatDate((sighting['last_seen'] as string | undefined) ?? sighting.modified),
                          })}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
            <section class="card">
              <h2>{t('object.correlations')}</h2>
              <ErrorMessage error={correlationError} />
              {correlations.every((correlation) => correlation.holdings.length === 0) ? (
                <p class="muted">{t('object.noCorrelations')}</p>
              ) : (
                <ul>
                  {correlations.map((correlation) => (
                    <li key={`${correlation.kind}-${correlation.value}`}>
                      <strong>{correlation.kind}</strong> <code>{correlation.value}</code>
                      {correlation.warning && <span class="muted"> — {t('object.warning', { warning: correlation.warning })}</span>}
                      <ul>
                        {correlation.holdings.map((holding, index) => (
                          <li key={holding.object_id ?? `${holding.organisation}-${index}`}>
                            {holding.visible && holding.object_id ? (
                              <Link href={`/objects/${holding.object_id}`}>{holding.object_id}</Link>
                            ) : (
                              <span class="muted">{t('object.hidden')}</span>
                            )}{' '}
                            {t('object.heldBy', { organisation: organisationLabel(holding.organisation) })}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </article>
        );
      }}
    </Loading>
  );
}
