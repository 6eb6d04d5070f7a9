// Search with facets: full text, type, TLP and author, each facet counted
// over the whole result (GET /api/v1/objects?facets=true); the URL holds the
// search, so it can be shared and the back button works.
import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../api';
import { organisationLabel } from '../community';
import { ErrorMessage, Link, Table, TlpBadge } from '../components/common';
import { formatDate, formatNumber, t, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { displayName, tlpOf, type StixObject } from '../stix';

interface Page {
  objects: StixObject[];
  more: boolean;
  next: string | null;
  facets?: { type: Record<string, number>; tlp: Record<string, number>; author: Record<string, number>; complete: boolean };
}

const facetNames = ['type', 'tlp', 'author'] as const;
type FacetName = (typeof facetNames)[number];

// The API's filters from the page's URL.
function filtersOf(params: URLSearchParams) {
  return {
    q: params.get('q') ?? undefined,
    type: params.getAll('type'),
    tlp: params.getAll('tlp'),
    author: params.get('author') ?? undefined,
  };
}

function searchUrl(params: URLSearchParams, change: (next: URLSearchParams) => void): string {
  const next = new URLSearchParams(params);
  change(next);
  const text = next.toString();
  return text ? `/search?${text}` : '/search';
}

export function SearchPage({ params }: { params: URLSearchParams }) {
  const [text, setText] = useState(params.get('q') ?? '');
  const [page, setPage] = useState<Page | null>(null);
  const [objects, setObjects] = useState<StixObject[]>([]);
  const [error, setError] = useState<unknown>(null);
  const key = params.toString();

  useEffect(() => {
    setText(params.get('q') ?? '');
    setError(null);
    setPage(null);
    get<Page>(`/api/v1/objects${query({ ...filtersOf(params), limit: 25, facets: true })}`).then(
      (first) => {
        setPage(first);
        setObjects(first.objects);
      },
      setError,
    );
  }, [key]);

  async function more() {
    if (!page?.next) return;
    try {
      const next = await get<Page>(`/api/v1/objects${query({ ...filtersOf(params), limit: 25, cursor: page.next })}`);
      setPage({ ...next, facets: page.facets });
      setObjects((previous) => [...previous, ...next.objects]);
    } catch (failure) {
      setError(failure);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    navigate(searchUrl(params, (next) => (text ? next.set('q', text) : next.delete('q'))));
  }

  const total = page?.facets ? Object.values(page.facets.type).reduce((sum, count) => sum + count, 0) : 0;
  const facetLabel = (name: FacetName, value: string) => (name === 'author' ? organisationLabel(value) : value);

  return (
    <section>
      <h1>{t('search.title')}</h1>
      <form class="search-form" role="search" onSubmit={submit}>
        <label class="grow">
          <span class="visually-hidden">{t('search.query')}</span>
          <input
            type="search"
            name="q"
            placeholder={t('search.query')}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary">
          {t('search.submit')}
        </button>
      </form>
      <ErrorMessage error={error} />
      <div class="search-layout">
        <aside class="facets" aria-label={t('search.facets')}>
          <h2>{t('search.facets')}</h2>
          {page?.facets &&
            facetNames.map((name) => (
              <fieldset key={name}>
                <legend>{t(`search.${name}` as MessageKey)}</legend>
                <ul>
                  {Object.entries(page.facets![name])
                    .sort((a, b) => b[1] - a[1])
                    .slice(0, 12)
                    .map(([value, count]) => {
                      const chosen = params.getAll(name).includes(value);
                      const href = searchUrl(params, (next) => {
                        next.delete('cursor');
                        if (chosen) {
                          const rest = next.getAll(name).filter((other) => other !== value);
                          next.delete(name);
                          rest.forEach((other) => next.append(name, other));
                        } else if (name === 'author') {
                          next.set(name, value);
                        } else {
                          next.append(name, value);
                        }
                      });
                      return (
                        <li key={value}>
                          <Link href={href} class={chosen ? 'facet chosen' : 'facet'}>
                            {facetLabel(name, value)} <span class="muted">({formatNumber(count)})</span>
                          </Link>
                        </li>
                      );
                    })}
                </ul>
              </fieldset>
            ))}
          {key && <Link href="/search">{t('search.clear')}</Link>}
        </aside>
        <div class="results">
          {page === null && !error && <p class="muted">{t('common.loading')}</p>}
          {page && (
            <p class="muted" data-testid="result-count">
              {t(page.facets?.complete === false ? 'search.resultsAtLeast' : 'search.results', { count: formatNumber(total) })}
            </p>
          )}
          {page && objects.length === 0 && <p>{t('search.noResults')}</p>}
          {objects.length > 0 && (
            <Table headers={[t('search.type'), t('search.name'), t('search.author'), t('search.tlp'), t('search.modified')]}>
                  {objects.map((object) => (
                    <tr key={object.id} data-object-id={object.id}>
                      <td>{object.type}</td>
                      <td class="wrap">
                        <Link href={`/objects/${object.id}`}>{displayName(object)}</Link>
                      </td>
                      <td>{organisationLabel(object.created_by_ref)}</td>
                      <td>
                        <TlpBadge tlp={tlpOf(object)} />
                      </td>
                      <td>{formatDate(object.modified ?? object.created)}</td>
                    </tr>
                  ))}
            </Table>
          )}
          {page?.more && (
            <button type="button" onClick={more}>
              {t('common.more')}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
