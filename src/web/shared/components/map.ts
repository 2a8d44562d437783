// A schematic map as inline SVG: the registered assets as dots on a graticule, with a scale bar, and
// no tiles from anywhere (the strict content policy allows none, and the tests run offline).
// Coordinates are projected equirectangularly, corrected by the cosine of the mean latitude: over a
// few kilometres that is as true as any web map.
import { html } from '../html.ts';
import type { Html } from '../html.ts';

export interface MapPoint {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

export interface MapOptions {
  readonly id: string;
  readonly title: string;
  readonly points: readonly MapPoint[];
  /** The id of the point drawn larger: the asset the page is about. */
  readonly highlight?: string;
  readonly northLabel: string;
}

const WIDTH = 340;
const HEIGHT = 240;
const METRES_PER_DEGREE = 111_320;

const niceStep = (span: number): number => {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
};

export const mapSvg = (options: MapOptions): Html | null => {
  const points = options.points;
  if (points.length === 0) return null;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const cos = Math.cos((midLat * Math.PI) / 180);
  // Half-spans in degrees of latitude-equivalent, padded, at least ~300 m so one point is not a close-up.
  const half = Math.max(((Math.max(...lats) - Math.min(...lats)) / 2) * 1.2, ((Math.max(...lons) - Math.min(...lons)) / 2) * cos * 1.2 * (HEIGHT / WIDTH), 0.003);
  const scale = HEIGHT / 2 / half; // SVG units per degree of latitude
  const x = (lon: number): number => WIDTH / 2 + (lon - midLon) * cos * scale;
  const y = (lat: number): number => HEIGHT / 2 - (lat - midLat) * scale;
  const latStep = niceStep(2 * half);
  const lonStep = niceStep(WIDTH / scale / cos);
  const lines: Html[] = [];
  for (let lat = Math.ceil((midLat - half) / latStep) * latStep; lat <= midLat + half; lat += latStep) {
    lines.push(html`<line x1="0" x2="${WIDTH}" y1="${y(lat).toFixed(1)}" y2="${y(lat).toFixed(1)}" class="map-grid"/><text x="3" y="${(y(lat) - 3).toFixed(1)}" class="map-label">${lat.toFixed(3)}°</text>`);
  }
  const lonSpan = WIDTH / scale / cos / 2;
  for (let lon = Math.ceil((midLon - lonSpan) / lonStep) * lonStep; lon <= midLon + lonSpan; lon += lonStep) {
    lines.push(html`<line y1="0" y2="${HEIGHT}" x1="${x(lon).toFixed(1)}" x2="${x(lon).toFixed(1)}" class="map-grid"/><text x="${(x(lon) + 3).toFixed(1)}" y="${HEIGHT - 4}" class="map-label">${lon.toFixed(3)}°</text>`);
  }
  const barMetres = [100, 200, 500, 1000, 2000, 5000].find((m) => (m / METRES_PER_DEGREE) * scale >= 50) ?? 5000;
  const barLength = (barMetres / METRES_PER_DEGREE) * scale;
  const highlight = options.highlight;
  const dots = points
    .filter((p) => p.id !== highlight)
    .map((p) => html`<circle cx="${x(p.lon).toFixed(1)}" cy="${y(p.lat).toFixed(1)}" r="4" class="map-point"/>`);
  const current = highlight ? points.find((p) => p.id === highlight) : undefined;
  const marker = current
    ? html`<circle cx="${x(current.lon).toFixed(1)}" cy="${y(current.lat).toFixed(1)}" r="9" class="map-highlight-ring"/><circle cx="${x(current.lon).toFixed(1)}" cy="${y(current.lat).toFixed(1)}" r="5" class="map-highlight"/>`
    : null;
  return html`<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${options.id}-title" focusable="false">
<title id="${options.id}-title">${options.title}</title>
<rect width="${WIDTH}" height="${HEIGHT}" class="map-bg"/>
${lines}
${dots}
${marker}
<g class="map-scale"><text x="${WIDTH - 12}" y="${HEIGHT - 40}" text-anchor="end" class="map-label">${barMetres >= 1000 ? `${barMetres / 1000} km` : `${barMetres} m`}</text><rect x="${(WIDTH - barLength - 12).toFixed(1)}" y="${HEIGHT - 34}" width="${barLength.toFixed(1)}" height="4"/></g>
<g class="map-north"><path d="M${WIDTH - 26} 30 l6 -16 l6 16 l-6 -5 z"/><text x="${WIDTH - 20}" y="42" text-anchor="middle" class="map-label">${options.northLabel}</text></g>
</svg>`;
};
