// Viva's settings, checked once when the provider is made, with a message naming the wrong setting.
// Hosts (developer.viva.com, "Smart Checkout integration" and "OAuth2 authentication"): the API host for
// orders and transactions, the accounts host for tokens, and the www host for the checkout page and the
// Basic-auth calls (order state, the webhook verification key).

export interface VivaHosts {
  /** OPENDIMOS_VIVA_URL: /checkout/v2/… */
  readonly apiUrl: string;
  /** OPENDIMOS_VIVA_ACCOUNTS_URL: /connect/token */
  readonly accountsUrl: string;
  /** OPENDIMOS_VIVA_CHECKOUT_URL: /web/checkout, /api/orders, /api/transactions, /api/messages/config/token */
  readonly checkoutUrl: string;
}

export const VIVA_DEMO: VivaHosts = {
  apiUrl: 'https://demo-api.vivapayments.com',
  accountsUrl: 'https://demo-accounts.vivapayments.com',
  checkoutUrl: 'https://demo.vivapayments.com',
};

export const VIVA_PRODUCTION: VivaHosts = {
  apiUrl: 'https://api.vivapayments.com',
  accountsUrl: 'https://accounts.vivapayments.com',
  checkoutUrl: 'https://www.vivapayments.com',
};

export interface VivaSettings extends VivaHosts {
  /** OPENDIMOS_VIVA_CLIENT_ID and _SECRET: the Smart Checkout credentials (OAuth2 client credentials). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** OPENDIMOS_VIVA_SOURCE_CODE: the payment source (its success and failure URLs are set at Viva). */
  readonly sourceCode: string;
  /** OPENDIMOS_VIVA_MERCHANT_ID and _API_KEY: Basic auth for the order state and the webhook key. */
  readonly merchantId: string;
  readonly apiKey: string;
  /** Per request to Viva, body included; default 5000. */
  readonly timeoutMs?: number;
  /** How long an order can be paid (Viva's paymentTimeout); default 1800, Viva's own. */
  readonly paymentTimeoutSeconds?: number;
  /** The clock, for tests; Date.now by default. */
  readonly now?: () => number;
}

export interface CheckedVivaSettings extends VivaHosts {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly sourceCode: string;
  readonly merchantId: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly paymentTimeoutSeconds: number;
  readonly now: () => number;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An https origin (plain http only on this machine: the stand-in, tests), with no path, query or user. */
const hostOf = (value: string, setting: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`Viva: ${setting} must be an absolute URL (got «${value}»)`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new RangeError(`Viva: ${setting} must be https:// (plain http only for localhost), got «${value}»`);
  }
  if (url.username || url.password || url.search || url.hash) throw new RangeError(`Viva: ${setting} must carry no user, password, ?query or #fragment`);
  return url.href.replace(/\/+$/, '');
};

const given = (value: string, setting: string): string => {
  if (typeof value !== 'string' || value.trim() === '' || value !== value.trim()) throw new RangeError(`Viva: ${setting} must be given, without surrounding spaces`);
  return value;
};

const wholeNumber = (value: number, setting: string, min: number, max: number): number => {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`Viva: ${setting} must be a whole number from ${min} to ${max} (got ${value})`);
  return value;
};

export const checkVivaSettings = (settings: VivaSettings): CheckedVivaSettings => ({
  apiUrl: hostOf(settings.apiUrl, 'apiUrl (OPENDIMOS_VIVA_URL)'),
  accountsUrl: hostOf(settings.accountsUrl, 'accountsUrl (OPENDIMOS_VIVA_ACCOUNTS_URL)'),
  checkoutUrl: hostOf(settings.checkoutUrl, 'checkoutUrl (OPENDIMOS_VIVA_CHECKOUT_URL)'),
  clientId: given(settings.clientId, 'clientId (OPENDIMOS_VIVA_CLIENT_ID)'),
  clientSecret: given(settings.clientSecret, 'clientSecret (OPENDIMOS_VIVA_CLIENT_SECRET)'),
  sourceCode: given(settings.sourceCode, 'sourceCode (OPENDIMOS_VIVA_SOURCE_CODE)'),
  merchantId: given(settings.merchantId, 'merchantId (OPENDIMOS_VIVA_MERCHANT_ID)'),
  apiKey: given(settings.apiKey, 'apiKey (OPENDIMOS_VIVA_API_KEY)'),
  timeoutMs: wholeNumber(settings.timeoutMs ?? 5000, 'timeoutMs', 1, 60_000),
  // Viva's paymentTimeout is in seconds; a minute is the least a citizen can use.
  paymentTimeoutSeconds: wholeNumber(settings.paymentTimeoutSeconds ?? 1800, 'paymentTimeoutSeconds', 60, 65_535),
  now: settings.now ?? Date.now,
});
