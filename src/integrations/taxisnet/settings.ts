// TaxisNet's settings checked once, when the client is made, with a message naming the wrong setting.
import type { TaxisNetSettings } from './types.ts';

export interface CheckedSettings {
  /** The base URL without a trailing slash. */
  readonly base: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An absolute http(s) URL; plain http only on this machine (the stand-in, tests), never across a network. */
const webUrl = (value: string, setting: string): URL => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`TaxisNet: ${setting} must be an absolute URL (got «${value}»)`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new RangeError(`TaxisNet: ${setting} must be an https:// URL (plain http only for localhost), got «${value}»`);
  }
  if (url.username || url.password || url.hash) throw new RangeError(`TaxisNet: ${setting} must carry no user, password or #fragment`);
  return url;
};

export const checkSettings = (settings: TaxisNetSettings): CheckedSettings => {
  const base = webUrl(settings.baseUrl, 'baseUrl (OPENDIMOS_TAXISNET_URL)');
  if (base.search) throw new RangeError('TaxisNet: baseUrl (OPENDIMOS_TAXISNET_URL) must have no ?query: the GSIS paths are appended to it');
  webUrl(settings.redirectUri, 'redirectUri (OPENDIMOS_PUBLIC_URL + /auth/taxisnet/callback)');
  for (const [name, value] of [['clientId (OPENDIMOS_TAXISNET_CLIENT_ID)', settings.clientId], ['clientSecret (OPENDIMOS_TAXISNET_CLIENT_SECRET)', settings.clientSecret]] as const) {
    if (typeof value !== 'string' || value.trim() === '' || value !== value.trim()) throw new RangeError(`TaxisNet: ${name} must be given, without surrounding spaces`);
  }
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new RangeError(`TaxisNet: timeoutMs must be a whole number of milliseconds above 0 (got ${timeoutMs})`);
  return { base: base.href.replace(/\/+$/, ''), clientId: settings.clientId, clientSecret: settings.clientSecret, redirectUri: settings.redirectUri, timeoutMs };
};
