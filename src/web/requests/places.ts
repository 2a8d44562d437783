// The local gazetteer of Paliki (config/places.yaml): Lixouri's squares, streets and landmarks and the
// villages, for the address search of «Αναφορά προβλήματος». Kept local on purpose: no outside geocoder sees
// what citizens type, and the search works offline. Matched accent- and case-insensitively («αγια θεκλη»,
// «AGIA THEKLI» and «Αγία Θέκλη» are one), names first by how they start, then by containing the words.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Bounds } from '../../domain/index.ts';
import { withinBounds } from '../../domain/index.ts';

export const DEFAULT_PLACES_FILE = fileURLToPath(new URL('../../../config/places.yaml', import.meta.url));

export interface Place {
  readonly id: string;
  readonly kind: string;
  readonly el: string;
  readonly en: string;
  readonly lat: number;
  readonly long: number;
  /** Every name folded: Greek, Latin, aliases. */
  readonly keys: readonly string[];
}

/** Lower case, accents dropped, final sigma as sigma: what a search compares. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The places of a YAML file, each checked (names, coordinates inside the bounds); a bad entry stops the start. */
export const loadPlaces = (bounds: Bounds, file: string = DEFAULT_PLACES_FILE): readonly Place[] => {
  const raw: unknown = parse(readFileSync(file, 'utf8'));
  if (!isRecord(raw) || !Array.isArray(raw['places'])) throw new Error(`${file}: places: a list is expected`);
  return (raw['places'] as unknown[]).map((entry, i) => {
    const fail = (what: string): never => {
      throw new Error(`${file}: places[${i}]: ${what}`);
    };
    if (!isRecord(entry)) return fail('an object is expected');
    const text = (key: string): string => (typeof entry[key] === 'string' && (entry[key]).trim() !== '' ? (entry[key]).trim() : fail(`${key} is missing`));
    const lat = entry['lat'];
    const long = entry['long'];
    if (typeof lat !== 'number' || typeof long !== 'number' || !withinBounds(bounds, lat, long)) fail('lat and long must be numbers inside the municipality');
    const aliases = Array.isArray(entry['aliases']) ? (entry['aliases'] as unknown[]).filter((a): a is string => typeof a === 'string') : [];
    const [el, en] = [text('el'), text('en')];
    return { id: text('id'), kind: text('kind'), el, en, lat: lat as number, long: long as number, keys: [el, en, ...aliases].map(fold) };
  });
};

/** At most `limit` places matching the query: names starting with it first, then names containing each word. */
export const searchPlaces = (places: readonly Place[], query: string, limit = 8): Place[] => {
  const q = fold(query);
  if (q.length < 2) return [];
  const words = q.split(' ');
  const rank = (p: Place): number => {
    if (p.keys.some((k) => k.startsWith(q))) return 0;
    if (p.keys.some((k) => k.split(' ').some((w) => w.startsWith(q)))) return 1;
    if (p.keys.some((k) => words.every((w) => k.includes(w)))) return 2;
    return -1;
  };
  return places
    .map((p) => [p, rank(p)] as const)
    .filter(([, r]) => r >= 0)
    .sort((a, b) => a[1] - b[1] || a[0].el.localeCompare(b[0].el, 'el'))
    .slice(0, limit)
    .map(([p]) => p);
};

/** The one place an address names exactly (a citizen without JavaScript typing «Βουνί»), or null. */
export const placeNamed = (places: readonly Place[], address: string): Place | null => {
  const q = fold(address);
  return places.find((p) => p.keys.includes(q)) ?? null;
};
