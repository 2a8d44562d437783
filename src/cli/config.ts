// Configuration from the environment, checked once at start-up with a message that names the setting.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppSettings } from '../api/app.ts';
import { defaultWebSocketLimits } from '../api/shared/websockets.ts';
import { isMailDomain } from '../integrations/mail/index.ts';
import { VIVA_DEMO, VIVA_PRODUCTION } from '../integrations/payments/index.ts';
import { isKeyName } from '../domain/log/index.ts';
import type { WitnessAddress } from '../integrations/witnesses/index.ts';
import { DEFAULT_REQUESTS_FILE } from '../api/requests/index.ts';
import type { Bounds } from '../domain/index.ts';
import { isValidAfm, LIXOURI_BOUNDS, LIXOURI_TAXID } from '../domain/index.ts';
import type { MapTiles } from '../web/shared/map.ts';
import { OSM_TILES, parseTileUrl } from '../web/shared/map.ts';
import { parseWitnesses } from '../integrations/witnesses/index.ts';
import type { DiavgeiaConfig } from './diavgeiaConfig.ts';
import { diavgeiaConfigOf } from './diavgeiaConfig.ts';

/** The verifiable log: its origin line, its signing key and its witnesses. */
export interface LogSettings {
  /** OPENDIMOS_LOG_ORIGIN; default the public host + "/ledger". */
  readonly origin: string;
  /** OPENDIMOS_LOG_KEY (note private-key format), or null for the key file of the data directory. */
  readonly key: string | null;
  /** OPENDIMOS_WITNESSES: "<URL> <verifier key>" entries separated by commas. */
  readonly witnesses: readonly WitnessAddress[];
}

const logSettingsOf = (env: NodeJS.ProcessEnv, publicUrl: string): LogSettings => {
  const origin = env.OPENDIMOS_LOG_ORIGIN?.trim() || `${new URL(publicUrl).host}/ledger`;
  if (!isKeyName(origin)) throw new ConfigError(`OPENDIMOS_LOG_ORIGIN must have no spaces and no "+" (got "${origin}")`);
  const witnesses = parseWitnesses(env.OPENDIMOS_WITNESSES ?? '');
  if (typeof witnesses === 'string') throw new ConfigError(`OPENDIMOS_WITNESSES: ${witnesses}`);
  return { origin, key: env.OPENDIMOS_LOG_KEY?.trim() || null, witnesses };
};

/** The municipality's signing certificate for issued documents; both null: the development certificate. */
export interface SigningSettings {
  /** OPENDIMOS_SIGNING_P12: the path of its PKCS#12 (.p12 / .pfx). */
  readonly p12Path: string | null;
  /** OPENDIMOS_SIGNING_PASSPHRASE, as given (a passphrase may begin or end with a space). */
  readonly passphrase: string | null;
}

const signingSettingsOf = (env: NodeJS.ProcessEnv): SigningSettings => {
  const p12 = env.OPENDIMOS_SIGNING_P12?.trim() || null;
  const passphrase = env.OPENDIMOS_SIGNING_PASSPHRASE || null;
  if ((p12 === null) !== (passphrase === null)) {
    throw new ConfigError(`The signing certificate needs both OPENDIMOS_SIGNING_P12 and OPENDIMOS_SIGNING_PASSPHRASE, or neither for the development certificate; missing: ${p12 === null ? 'OPENDIMOS_SIGNING_P12' : 'OPENDIMOS_SIGNING_PASSPHRASE'}`);
  }
  return { p12Path: p12 === null ? null : resolve(p12), passphrase };
};

/** Requests to the services: the request types, the territory a report must fall in, the map's tiles. */
export interface RequestsSettings {
  /** OPENDIMOS_REQUESTS: the YAML file of request types (default config/requests.yaml, Lixouri's). */
  readonly typesFile: string;
  /** OPENDIMOS_REQUESTS_BOUNDS: "south,west,north,east" in WGS 84 degrees (default the Paliki peninsula). */
  readonly bounds: Bounds;
  /** OPENDIMOS_MAP_TILES (a tile URL template) and OPENDIMOS_MAP_ATTRIBUTION; default OpenStreetMap's. */
  readonly mapTiles: MapTiles;
}

const requestsSettingsOf = (env: NodeJS.ProcessEnv): RequestsSettings => {
  const boundsText = env.OPENDIMOS_REQUESTS_BOUNDS?.trim();
  let bounds = LIXOURI_BOUNDS;
  if (boundsText) {
    const parts = boundsText.split(',').map((p) => Number(p.trim()));
    const [south, west, north, east] = parts as [number, number, number, number];
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || south >= north || west >= east || south < -90 || north > 90 || west < -180 || east > 180) {
      throw new ConfigError(`OPENDIMOS_REQUESTS_BOUNDS must be "south,west,north,east" in degrees, south < north and west < east, e.g. 38.15,20.33,38.32,20.52 (got "${boundsText}")`);
    }
    bounds = { south, west, north, east };
  }
  const tilesText = env.OPENDIMOS_MAP_TILES?.trim();
  const tileUrl = tilesText ? parseTileUrl(tilesText) : OSM_TILES.url;
  if (typeof tileUrl !== 'string') throw new ConfigError(`OPENDIMOS_MAP_TILES must be ${tileUrl.error} (got "${tilesText}")`);
  const attribution = env.OPENDIMOS_MAP_ATTRIBUTION?.trim() || (tilesText ? '' : OSM_TILES.attribution);
  if (attribution === '') throw new ConfigError('OPENDIMOS_MAP_ATTRIBUTION must be set with OPENDIMOS_MAP_TILES: the tiles\' licence asks that every map credit them');
  return { typesFile: env.OPENDIMOS_REQUESTS?.trim() ? resolve(env.OPENDIMOS_REQUESTS.trim()) : DEFAULT_REQUESTS_FILE, bounds, mapTiles: { url: tileUrl, attribution } };
};

/** The catalogue of services shipped with the program: Lixouri's; another municipality points OPENDIMOS_SERVICES at its own. */
export const SHIPPED_SERVICES = fileURLToPath(new URL('../../config/services', import.meta.url));

export interface Config {
  readonly log: LogSettings;
  readonly requests: RequestsSettings;
  readonly signing: SigningSettings;
  /** OPENDIMOS_SERVICES: the folder of the catalogue's service files (one YAML file per service). */
  readonly servicesDir: string;
  /** PostgreSQL for events and read models; when absent, PGlite under `dataDir`. */
  readonly databaseUrl: string | null;
  /** EventStoreDB for events (read models stay in PostgreSQL/PGlite). */
  readonly eventStoreUrl: string | null;
  readonly dataDir: string;
  readonly schema: string;
  readonly port: number;
  readonly host: string;
  readonly app: AppSettings;
  /** OPENDIMOS_PUBLIC_URL: the address citizens use (links in e-mails, TaxisNet's redirect URI, cookies' Secure). */
  readonly publicUrl: string;
  /** Real TaxisNet when all three settings are given; `stand-in` for development; `off` in production without them. */
  readonly taxisNet: TaxisNetConfig;
  /** OPENDIMOS_MASTER_KEY as given (checked when the key is loaded); null: the key file in the data directory. */
  readonly masterKey: string | null;
  /** OPENDIMOS_SMTP_URL; null: messages are written as .eml files under the data directory. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Card payments: Viva Smart Checkout, the development stand-in, or none (production without Viva settings). */
  readonly payments: PaymentsConfig;
  /** OPENDIMOS_PAYMENT_IBAN: the account debts are paid into by transfer (RF); null: the placeholder of src/api/debts. */
  readonly paymentIban: string | null;
  /** OPENDIMOS_MUNICIPALITY_TAXID: the municipality's ΑΦΜ, every e-invoice's buyer; default LIXOURI_TAXID (a placeholder). */
  readonly municipalityTaxid: string;
  /** OPENDIMOS_DIAVGEIA_URL, _ORG and _INTERVAL: whose decisions to sync from Diavgeia, and how often while serving. */
  readonly diavgeia: DiavgeiaConfig;
}

export type PaymentsConfig =
  | {
      readonly mode: 'viva';
      readonly apiUrl: string;
      readonly accountsUrl: string;
      readonly checkoutUrl: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly sourceCode: string;
      readonly merchantId: string;
      readonly apiKey: string;
    }
  | { readonly mode: 'stand-in' }
  | { readonly mode: 'off' };

export type TaxisNetConfig =
  | { readonly mode: 'taxisnet'; readonly baseUrl: string; readonly clientId: string; readonly clientSecret: string }
  | { readonly mode: 'stand-in' }
  | { readonly mode: 'off' };

export class ConfigError extends Error {
  readonly code = 'OD_CONFIG';
}

const SCHEMA = /^[a-z_][a-z0-9_]{0,39}$/;

const VIVA_HOSTS = { OPENDIMOS_VIVA_URL: 'apiUrl', OPENDIMOS_VIVA_ACCOUNTS_URL: 'accountsUrl', OPENDIMOS_VIVA_CHECKOUT_URL: 'checkoutUrl' } as const;
const VIVA_CREDENTIALS = ['OPENDIMOS_VIVA_CLIENT_ID', 'OPENDIMOS_VIVA_CLIENT_SECRET', 'OPENDIMOS_VIVA_SOURCE_CODE', 'OPENDIMOS_VIVA_MERCHANT_ID', 'OPENDIMOS_VIVA_API_KEY'] as const;

/**
 * OPENDIMOS_PAYMENTS: viva, stand-in or off. Unset: viva when any OPENDIMOS_VIVA_* is given, else the
 * stand-in (off in production), as TaxisNet. The hosts default to Viva's demo, but not in production,
 * where taking no money while telling citizens they paid must be a choice written down.
 */
const paymentsOf = (env: NodeJS.ProcessEnv, production: boolean): PaymentsConfig => {
  const names: readonly string[] = [...Object.keys(VIVA_HOSTS), ...VIVA_CREDENTIALS];
  const stray = Object.keys(env).filter((name) => name.startsWith('OPENDIMOS_VIVA_') && !names.includes(name));
  if (stray.length > 0) throw new ConfigError(`Unknown Viva setting ${stray.join(', ')}; the settings are ${names.join(', ')}`);
  const vivaGiven = names.filter((name) => name in env);
  const mode = env.OPENDIMOS_PAYMENTS?.trim() || (vivaGiven.length > 0 ? 'viva' : production ? 'off' : 'stand-in');
  if (mode === 'off') return { mode: 'off' };
  if (mode === 'stand-in') {
    if (production) throw new ConfigError('OPENDIMOS_PAYMENTS=stand-in is for development: it never runs with NODE_ENV=production');
    if (vivaGiven.length > 0) throw new ConfigError(`OPENDIMOS_PAYMENTS=stand-in with Viva settings (${vivaGiven.join(', ')}): remove them, or set OPENDIMOS_PAYMENTS=viva`);
    return { mode: 'stand-in' };
  }
  if (mode !== 'viva') throw new ConfigError(`OPENDIMOS_PAYMENTS must be viva, stand-in or off (got "${env.OPENDIMOS_PAYMENTS}")`);
  const missing = VIVA_CREDENTIALS.filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new ConfigError(`Viva payments need all of ${VIVA_CREDENTIALS.join(', ')}; missing or empty: ${missing.join(', ')}`);
  const host = (name: keyof typeof VIVA_HOSTS): string => {
    const value = env[name]?.trim() || (production ? '' : VIVA_DEMO[VIVA_HOSTS[name]]);
    if (value === '') throw new ConfigError(`With NODE_ENV=production, ${name} must be given (the default is Viva's demo, which takes no money), e.g. ${VIVA_PRODUCTION[VIVA_HOSTS[name]]}`);
    if (!/^https:\/\/[^/?#]+\/?$/.test(value) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(value)) {
      throw new ConfigError(`${name} must be an https:// origin, e.g. ${VIVA_PRODUCTION[VIVA_HOSTS[name]]} (got "${value}")`);
    }
    return value.replace(/\/+$/, '');
  };
  const [clientId, clientSecret, sourceCode, merchantId, apiKey] = VIVA_CREDENTIALS.map((name) => env[name]?.trim() ?? '') as [string, string, string, string, string];
  return {
    mode: 'viva',
    apiUrl: host('OPENDIMOS_VIVA_URL'),
    accountsUrl: host('OPENDIMOS_VIVA_ACCOUNTS_URL'),
    checkoutUrl: host('OPENDIMOS_VIVA_CHECKOUT_URL'),
    clientId,
    clientSecret,
    sourceCode,
    merchantId,
    apiKey,
  };
};

/**
 * The sender when OPENDIMOS_MAIL_FROM is not set: no-reply at the public address's host, when that host is a mail
 * domain. An IP address is not one (the mail settings refuse `no-reply@127.0.0.1`, and an SMTP server checks a
 * sender's domain); nor is a bare name. In development the mail then goes from no-reply@localhost, which the
 * .eml files and a local test SMTP server take as is; production, whose mail leaves the machine, is told to set it.
 */
const defaultMailFrom = (hostname: string, production: boolean): string => {
  if (isMailDomain(hostname)) return `Δήμος Ληξουρίου <no-reply@${hostname}>`;
  if (production) {
    throw new ConfigError(`OPENDIMOS_MAIL_FROM must be set when OPENDIMOS_PUBLIC_URL's host "${hostname}" is not a mail domain, e.g. "Δήμος Ληξουρίου <no-reply@lixouri.gov.gr>"`);
  }
  return 'Δήμος Ληξουρίου <no-reply@localhost>';
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got "${databaseUrl}")`);
  }
  const eventStoreUrl = env.EVENTSTORE_URL?.trim() || null;
  if (eventStoreUrl && !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(eventStoreUrl)) {
    throw new ConfigError(`EVENTSTORE_URL must be an esdb:// connection string (got "${eventStoreUrl}")`);
  }
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a whole number 0-65535 (got "${env.PORT}")`);
  const schema = env.OPENDIMOS_SCHEMA ?? 'opendimos';
  if (!SCHEMA.test(schema)) throw new ConfigError(`OPENDIMOS_SCHEMA must be lower-case letters, digits and _, at most 40 (got "${schema}")`);
  const rateLimit = Number(env.OPENDIMOS_RATE_LIMIT ?? 600);
  if (!Number.isInteger(rateLimit) || rateLimit < 0) {
    throw new ConfigError(`OPENDIMOS_RATE_LIMIT must be a whole number of requests per minute, 0 for none (got "${env.OPENDIMOS_RATE_LIMIT}")`);
  }
  const flag = (name: string): boolean => {
    const value = (env[name] ?? '').trim().toLowerCase();
    if (['', '0', 'false', 'no'].includes(value)) return false;
    if (['1', 'true', 'yes'].includes(value)) return true;
    throw new ConfigError(`${name} must be 1 or 0 (got "${env[name]}")`);
  };
  const count = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number, 0 for no limit (got "${env[name]}")`);
    return value;
  };
  const webSocketLimits = {
    liveConnectionsPerAddress: count('OPENDIMOS_LIVE_PER_ADDRESS', defaultWebSocketLimits.liveConnectionsPerAddress),
    graphqlConnectionsPerAddress: count('OPENDIMOS_GRAPHQL_WS_PER_ADDRESS', defaultWebSocketLimits.graphqlConnectionsPerAddress),
  };
  const publicUrl = (env.OPENDIMOS_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  let parsedPublic: URL;
  try {
    parsedPublic = new URL(publicUrl);
  } catch {
    throw new ConfigError(`OPENDIMOS_PUBLIC_URL must be an absolute http(s) address, e.g. https://opendimos.lixouri.gov.gr (got "${publicUrl}")`);
  }
  if (!/^https?:$/.test(parsedPublic.protocol) || parsedPublic.pathname !== '/' || parsedPublic.search || parsedPublic.hash) {
    throw new ConfigError(`OPENDIMOS_PUBLIC_URL must be an http(s) origin without a path, e.g. https://opendimos.lixouri.gov.gr (got "${publicUrl}")`);
  }
  const production = (env.NODE_ENV ?? '').trim() === 'production';
  if (production && parsedPublic.protocol !== 'https:') {
    throw new ConfigError(`With NODE_ENV=production, OPENDIMOS_PUBLIC_URL must be https:// (got "${publicUrl}")`);
  }
  const taxisNames = ['OPENDIMOS_TAXISNET_URL', 'OPENDIMOS_TAXISNET_CLIENT_ID', 'OPENDIMOS_TAXISNET_CLIENT_SECRET'] as const;
  const taxisValues = taxisNames.map((name) => env[name]?.trim() || '');
  const stray = Object.keys(env).filter((name) => name.startsWith('OPENDIMOS_TAXISNET_') && !(taxisNames as readonly string[]).includes(name));
  if (stray.length > 0) throw new ConfigError(`Unknown TaxisNet setting ${stray.join(', ')}; the settings are ${taxisNames.join(', ')}`);
  const taxisGiven = taxisNames.filter((name) => name in env);
  if (taxisGiven.length > 0 && taxisValues.some((v) => v === '')) {
    throw new ConfigError(`TaxisNet needs all of ${taxisNames.join(', ')}; missing or empty: ${taxisNames.filter((_, i) => taxisValues[i] === '').join(', ')}`);
  }
  const [taxisUrl, clientId, clientSecret] = taxisValues as [string, string, string];
  if (taxisGiven.length > 0 && !/^https:\/\/[^/]/.test(taxisUrl) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(taxisUrl)) {
    throw new ConfigError(`OPENDIMOS_TAXISNET_URL must be https://, e.g. https://www1.gsis.gr (got "${taxisUrl}")`);
  }
  const taxisNet: TaxisNetConfig =
    taxisGiven.length > 0 ? { mode: 'taxisnet', baseUrl: taxisUrl.replace(/\/+$/, ''), clientId, clientSecret } : production ? { mode: 'off' } : { mode: 'stand-in' };
  const smtpUrl = env.OPENDIMOS_SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new ConfigError('OPENDIMOS_SMTP_URL must be smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465');
  }
  const mailFrom = env.OPENDIMOS_MAIL_FROM?.trim() || defaultMailFrom(parsedPublic.hostname, production);
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) {
    throw new ConfigError(`OPENDIMOS_MAIL_FROM must be an address, e.g. "Δήμος Ληξουρίου <no-reply@lixouri.gov.gr>" (got "${mailFrom}")`);
  }
  const masterKey = env.OPENDIMOS_MASTER_KEY?.trim() || null;
  const payments = paymentsOf(env, production);
  const paymentIban = env.OPENDIMOS_PAYMENT_IBAN?.replace(/\s+/g, '').toUpperCase() || null;
  if (paymentIban && !/^GR\d{25}$/.test(paymentIban)) throw new ConfigError(`OPENDIMOS_PAYMENT_IBAN must be a Greek IBAN, GR and 25 digits (got "${paymentIban}")`);
  if (production && !paymentIban) throw new ConfigError('OPENDIMOS_PAYMENT_IBAN must be set in production: the account citizens pay their debts into');
  const municipalityTaxid = env.OPENDIMOS_MUNICIPALITY_TAXID?.replace(/\s+/g, '').replace(/^(EL|GR)/i, '') || LIXOURI_TAXID;
  if (!isValidAfm(municipalityTaxid)) throw new ConfigError(`OPENDIMOS_MUNICIPALITY_TAXID must be the municipality's ΑΦΜ, 9 digits with a valid check digit (got "${env.OPENDIMOS_MUNICIPALITY_TAXID ?? ''}")`);
  return {
    log: logSettingsOf(env, publicUrl),
    requests: requestsSettingsOf(env),
    signing: signingSettingsOf(env),
    servicesDir: env.OPENDIMOS_SERVICES?.trim() ? resolve(env.OPENDIMOS_SERVICES.trim()) : SHIPPED_SERVICES,
    paymentIban,
    municipalityTaxid,
    diavgeia: diavgeiaConfigOf(env, production, (message) => new ConfigError(message)),
    publicUrl,
    payments,
    taxisNet,
    masterKey,
    smtpUrl,
    mailFrom,
    app: { graphiql: flag('OPENDIMOS_GRAPHIQL'), rateLimitPerMinute: rateLimit, trustProxy: flag('OPENDIMOS_TRUST_PROXY'), logger: flag('OPENDIMOS_LOG'), webSocketLimits },
    databaseUrl,
    eventStoreUrl,
    dataDir: resolve(env.OPENDIMOS_DATA ?? './data'),
    schema,
    port,
    host: env.HOST ?? '0.0.0.0',
  };
};
