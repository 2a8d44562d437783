// A real map (Leaflet over the configured tiles), as the element src/web/static/map.js brings to life: the
// page says what it shows in data attributes, so no script is inline. A page with one adds
// TILE_MAP_ASSETS' scripts and styles. Without JavaScript the box stays empty and the page's own fields
// (an address, a list) carry it.
import type { Bounds } from '../../../domain/index.ts';
import type { StaticFile } from '../staticFiles.ts';
import { attr, html, Html } from '../html.ts';
import type { MapTiles } from '../map.ts';

/** What a page with a map loads: Leaflet, then the site's map script; Leaflet's stylesheet. */
export const TILE_MAP_ASSETS: { readonly scripts: readonly StaticFile[]; readonly styles: readonly StaticFile[] } = { scripts: ['leaflet.js', 'map.js'], styles: ['leaflet.css'] };

export interface TilePoint {
  readonly lat: number;
  readonly long: number;
  readonly title: string;
  readonly url: string;
  readonly status: 'open' | 'closed';
}

interface Common {
  readonly id: string;
  readonly tiles: MapTiles;
  readonly bounds: Bounds;
  /** What the map is of, for screen readers. */
  readonly label: string;
}

export type TileMap =
  | (Common & { readonly mode: 'pick'; readonly latInput: string; readonly longInput: string })
  | (Common & { readonly mode: 'show'; readonly lat: number; readonly long: number })
  | (Common & { readonly mode: 'list'; readonly points: readonly TilePoint[] });

const centreOf = (b: Bounds): string => `${((b.south + b.north) / 2).toFixed(5)},${((b.west + b.east) / 2).toFixed(5)}`;

// JSON in a non-executed script element: `<` escaped so no text can close the element.
const jsonData = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

export const tileMap = (map: TileMap): Html => {
  const centre = map.mode === 'show' ? `${map.lat},${map.long}` : centreOf(map.bounds);
  const zoom = map.mode === 'show' ? 17 : 13;
  const pointsId = `${map.id}-points`;
  return html`<div class="od-map" id="${map.id}" role="region" aria-label="${map.label}" data-mode="${map.mode}" data-tiles="${map.tiles.url}" data-attribution="${map.tiles.attribution}"
 data-center="${centre}" data-zoom="${zoom}" data-bounds="${[map.bounds.south, map.bounds.west, map.bounds.north, map.bounds.east].join(',')}"${
   map.mode === 'pick' ? html`${attr('data-lat-input', map.latInput)}${attr('data-long-input', map.longInput)}` : null
 }${map.mode === 'show' ? html`${attr('data-lat', map.lat)}${attr('data-long', map.long)}` : null}${map.mode === 'list' ? attr('data-points', pointsId) : null}></div>${
   map.mode === 'list' ? html`<script type="application/json" id="${pointsId}">${new Html(jsonData(map.points))}</script>` : null
 }`;
};
