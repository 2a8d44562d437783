// The map of the site's pages (Leaflet, served from our own origin): where its tiles come from. The tile
// server is the only other host the pages load anything from, so the Content Security Policy names it alone.

export interface MapTiles {
  /** A Leaflet tile URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  readonly url: string;
  /** Shown on every map, as the tiles' licence asks (HTML, from the operator's configuration). */
  readonly attribution: string;
}

/** OpenStreetMap's standard tiles, with the attribution its tile usage policy requires. */
export const OSM_TILES: MapTiles = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
};

const TEMPLATE = /^https?:\/\/(\{s\}\.)?[^/{}]+\/.*\{z\}.*\{x\}.*\{y\}/;

/** The checked template, or why it is not one (for the configuration's message). */
export const parseTileUrl = (url: string): string | { readonly error: string } => {
  if (!TEMPLATE.test(url)) return { error: 'an http(s) URL template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png' };
  return url;
};

/** The origin the Content Security Policy allows images from: the template's host ({s} subdomains as a wildcard). */
export const tileSource = (tiles: MapTiles): string => {
  const [, scheme, host] = /^(https?):\/\/([^/]+)/.exec(tiles.url) ?? [];
  return `${scheme}://${host!.replace(/^\{s\}\./, '*.')}`;
};
