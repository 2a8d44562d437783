// The site's two languages: Greek at `/`, English under `/en`. Paths inside the site are written once,
// in their Greek (unprefixed) form, and localised here.

export type Lang = 'el' | 'en';
export const LANGS: readonly Lang[] = ['el', 'en'];

export const prefixOf = (lang: Lang): string => (lang === 'el' ? '' : '/en');

/** `/budget/2025` → `/en/budget/2025` in English; `/` → `/en`. */
export const localPath = (lang: Lang, path: string): string => {
  if (lang === 'el') return path;
  return path === '/' ? '/en' : `/en${path}`;
};

/** The same page in the other language: the request URL (path and query) with the prefix swapped. */
export const alternateUrl = (url: string, to: Lang): string => {
  const greek = url === '/en' || url.startsWith('/en/') || url.startsWith('/en?') ? url.slice(3) || '/' : url;
  const normalised = greek.startsWith('?') ? `/${greek}` : greek;
  if (to === 'el') return normalised;
  const [path = '/', query] = normalised.split(/\?(.*)/s, 2);
  return `${localPath('en', path)}${query ? `?${query}` : ''}`;
};

/** A query string from the parameters that have a value, in the order given; empty when none do. */
export const queryString = (params: Readonly<Record<string, string | number | null | undefined>>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};
