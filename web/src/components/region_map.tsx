// The map of Central Asia, Afghanistan and their neighbours, drawn with
// d3-geo from world-atlas's TopoJSON (a file of the build, fetched from the
// node: no tile server, no CDN). States are shaded by how many objects their
// organisations authored; cross-border links are drawn between states.
import { geoCentroid, geoConicEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { formatNumber, t } from '../i18n';

// ISO 3166 alpha-2 -> the numeric code world-atlas names countries by, for the states of the region.
const numericCodes: Record<string, string> = {
  KZ: '398', KG: '417', TJ: '762', TM: '795', UZ: '860', AF: '004', CN: '156', RU: '643', IR: '364',
  PK: '586', IN: '356', MN: '496', AZ: '031', GE: '268', AM: '051', TR: '792', IQ: '368',
};
const regionMembers = new Set(['KZ', 'KG', 'TJ', 'TM', 'UZ', 'AF']);
const width = 640;
const height = 420;

export interface MapLink {
  from: string; // alpha-2
  to: string;
  count: number;
}

type CountryFeature = Feature<Geometry, { name: string }>;

let atlas: Promise<CountryFeature[]> | null = null;
function loadAtlas(): Promise<CountryFeature[]> {
  atlas ??= fetch(atlasUrl)
    .then((response) => response.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>)
    .then((topology) => (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features);
  return atlas;
}

export function RegionMap({ activity, links }: { activity: Record<string, number>; links: MapLink[] }) {
  const [countries, setCountries] = useState<CountryFeature[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadAtlas().then(setCountries, (failure: unknown) => setError(String(failure)));
  }, []);
  if (error) return <p class="error">{error}</p>;
  if (!countries) return <p class="muted">{t('common.loading')}</p>;

  const projection = geoConicEqualArea()
    .parallels([35, 50])
    .rotate([-66, 0])
    .fitExtent(
      [
        [10, 10],
        [width - 10, height - 10],
      ],
      { type: 'MultiPoint', coordinates: [[47, 30], [86, 30], [47, 55], [86, 55]] },
    );
  const path = geoPath(projection);
  const byNumeric = new Map(countries.map((country) => [String(country.id), country]));
  const alphaOf = new Map(Object.entries(numericCodes).map(([alpha, numeric]) => [numeric, alpha]));
  const maximum = Math.max(1, ...Object.values(activity));
  const centre = (alpha: string) => {
    const country = byNumeric.get(numericCodes[alpha] ?? '');
    return country ? projection(geoCentroid(country)) : null;
  };

  return (
    <svg class="region-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('dashboard.map')}>
      {countries.map((country) => {
        const alpha = alphaOf.get(String(country.id));
        const count = alpha ? (activity[alpha] ?? 0) : 0;
        // Five shades of one hue (styles.css), the busiest state darkest: readable in print and for colour-blind eyes.
        const level = count > 0 ? Math.max(1, Math.ceil((count / maximum) * 5)) : 0;
        const classes = ['country', `level-${level}`, alpha && regionMembers.has(alpha) ? 'member' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <path key={String(country.id)} d={path(country) ?? ''} class={classes} data-country={alpha}>
            <title>{t('dashboard.mapCountry', { country: country.properties.name, count: formatNumber(count) })}</title>
          </path>
        );
      })}
      {links.map((link) => {
        const from = centre(link.from);
        const to = centre(link.to);
        if (!from || !to) return null;
        const [mx, my] = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2 - 30];
        return (
          <path
            key={`${link.from}-${link.to}`}
            class="link"
            d={`M${from[0]},${from[1]} Q${mx},${my} ${to[0]},${to[1]}`}
            stroke-width={Math.min(6, 1.5 + link.count / 2)}
          >
            <title>{`${link.from} — ${link.to}: ${formatNumber(link.count)}`}</title>
          </path>
        );
      })}
      {[...regionMembers].map((alpha) => {
        const point = centre(alpha);
        return point ? (
          <text key={alpha} x={point[0]} y={point[1]} class="label">
            {alpha}
          </text>
        ) : null;
      })}
    </svg>
  );
}
