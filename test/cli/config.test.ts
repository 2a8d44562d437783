// Settings read at start-up: the payments section (OPENDIMOS_PAYMENTS and OPENDIMOS_VIVA_*) and the mail
// sender's default and the signing certificate, each wrong setting refused by name before anything starts.
import { resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, loadConfig } from '../../src/cli/config.ts';
import { parseFrom } from '../../src/integrations/mail/index.ts';
import { DEFAULT_REQUESTS_FILE } from '../../src/api/requests/index.ts';
import { LIXOURI_BOUNDS } from '../../src/domain/index.ts';
import { OSM_TILES, tileSource } from '../../src/web/shared/map.ts';

const test = suite('config: payments and mail');

const PRODUCTION = { NODE_ENV: 'production', OPENDIMOS_PUBLIC_URL: 'https://opendimos.lixouri.gov.gr', OPENDIMOS_PAYMENT_IBAN: 'GR16 0110 1250 0000 0001 2300 695' };
const CREDENTIALS = {
  OPENDIMOS_VIVA_CLIENT_ID: 'abc.apps.vivapayments.com',
  OPENDIMOS_VIVA_CLIENT_SECRET: 's3cret',
  OPENDIMOS_VIVA_SOURCE_CODE: '4821',
  OPENDIMOS_VIVA_MERCHANT_ID: '1b7f8c1e-3f34-4a8e-9d7a-0c2ad7b4e001',
  OPENDIMOS_VIVA_API_KEY: 'key',
};
const HOSTS = {
  OPENDIMOS_VIVA_URL: 'https://api.vivapayments.com/',
  OPENDIMOS_VIVA_ACCOUNTS_URL: 'https://accounts.vivapayments.com',
  OPENDIMOS_VIVA_CHECKOUT_URL: 'https://www.vivapayments.com',
};

const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    assert.instance(error, ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

test('nothing set: the stand-in in development, off in production', () => {
  assert.equal(loadConfig({}).payments, { mode: 'stand-in' });
  assert.equal(loadConfig({ ...PRODUCTION }).payments, { mode: 'off' });
  assert.equal(loadConfig({ OPENDIMOS_PAYMENTS: 'off' }).payments, { mode: 'off' });
});

test('the stand-in is refused under NODE_ENV=production and beside any Viva setting', () => {
  assert.match(refusal({ ...PRODUCTION, OPENDIMOS_PAYMENTS: 'stand-in' }), /NODE_ENV=production/);
  assert.match(refusal({ OPENDIMOS_PAYMENTS: 'stand-in', OPENDIMOS_VIVA_API_KEY: 'k' }), /OPENDIMOS_VIVA_API_KEY/);
});

test('Viva: every credential given, the hosts Viva’s demo by default; Viva settings alone choose Viva', () => {
  const expected = {
    mode: 'viva',
    apiUrl: 'https://demo-api.vivapayments.com',
    accountsUrl: 'https://demo-accounts.vivapayments.com',
    checkoutUrl: 'https://demo.vivapayments.com',
    clientId: CREDENTIALS.OPENDIMOS_VIVA_CLIENT_ID,
    clientSecret: 's3cret',
    sourceCode: '4821',
    merchantId: CREDENTIALS.OPENDIMOS_VIVA_MERCHANT_ID,
    apiKey: 'key',
  };
  assert.equal(loadConfig({ OPENDIMOS_PAYMENTS: 'viva', ...CREDENTIALS }).payments, expected);
  assert.equal(loadConfig({ ...CREDENTIALS }).payments, expected);
});

test('Viva: a missing credential is named; so is an unknown Viva setting or mode', () => {
  const { OPENDIMOS_VIVA_SOURCE_CODE: _source, ...withoutSource } = CREDENTIALS;
  assert.match(refusal({ OPENDIMOS_PAYMENTS: 'viva', ...withoutSource }), /missing or empty: OPENDIMOS_VIVA_SOURCE_CODE$/);
  assert.match(refusal({ ...CREDENTIALS, OPENDIMOS_VIVA_CLIENT_SECRET: '  ' }), /OPENDIMOS_VIVA_CLIENT_SECRET/);
  assert.match(refusal({ ...CREDENTIALS, OPENDIMOS_VIVA_SECRET: 'x' }), /Unknown Viva setting OPENDIMOS_VIVA_SECRET/);
  assert.match(refusal({ OPENDIMOS_PAYMENTS: 'paypal' }), /OPENDIMOS_PAYMENTS must be viva, stand-in or off/);
});

test('Viva in production: the hosts must be written down (no silent demo), https, trailing slash dropped', () => {
  assert.match(refusal({ ...PRODUCTION, ...CREDENTIALS }), /NODE_ENV=production, OPENDIMOS_VIVA_URL must be given/);
  const config = loadConfig({ ...PRODUCTION, ...CREDENTIALS, ...HOSTS }).payments;
  assert.is(config.mode, 'viva');
  if (config.mode === 'viva') assert.is(config.apiUrl, 'https://api.vivapayments.com');
  assert.match(refusal({ ...CREDENTIALS, OPENDIMOS_VIVA_CHECKOUT_URL: 'http://www.vivapayments.com' }), /OPENDIMOS_VIVA_CHECKOUT_URL must be an https:\/\/ origin/);
  assert.match(refusal({ ...CREDENTIALS, OPENDIMOS_VIVA_URL: 'https://api.vivapayments.com/checkout' }), /OPENDIMOS_VIVA_URL/);
  assert.is(loadConfig({ ...CREDENTIALS, OPENDIMOS_VIVA_URL: 'http://127.0.0.1:9001' }).payments.mode, 'viva');
});

test('the account debts are paid into: a Greek IBAN, required in production, spaces and case forgiven', () => {
  const { NODE_ENV: _env, OPENDIMOS_PAYMENT_IBAN: _iban, ...development } = PRODUCTION;
  assert.match(refusal({ NODE_ENV: 'production', OPENDIMOS_PUBLIC_URL: PRODUCTION.OPENDIMOS_PUBLIC_URL }), /OPENDIMOS_PAYMENT_IBAN must be set in production/);
  assert.match(refusal({ ...development, OPENDIMOS_PAYMENT_IBAN: 'DE89370400440532013000' }), /Greek IBAN/);
  assert.match(refusal({ ...development, OPENDIMOS_PAYMENT_IBAN: 'GR16011012500000000123006' }), /Greek IBAN/);
  assert.is(loadConfig({ ...development, OPENDIMOS_PAYMENT_IBAN: 'gr16 0110 1250 0000 0001 2300 695' }).paymentIban, 'GR1601101250000000012300695');
  assert.is(loadConfig(development).paymentIban, null);
});

test('the default sender: no-reply at the public host when it is a mail domain; an IP address gives localhost in development', () => {
  // What the server does with it at start-up (createEmailTransport): parseFrom refuses the file's sender, and the server with it.
  const senderOf = (env: NodeJS.ProcessEnv) => parseFrom(loadConfig(env).mailFrom);
  assert.is(senderOf({ OPENDIMOS_PUBLIC_URL: 'http://opendimos.lixouri.gov.gr:3000' }).from, 'Δήμος Ληξουρίου <no-reply@opendimos.lixouri.gov.gr>');
  assert.is(senderOf({}).domain, 'localhost');
  for (const url of ['http://127.0.0.1:3000', 'http://[::1]:3000', 'http://opendimos:3000']) {
    assert.is(senderOf({ OPENDIMOS_PUBLIC_URL: url }).from, 'Δήμος Ληξουρίου <no-reply@localhost>', url);
  }
  assert.throws(() => parseFrom('no-reply@127.0.0.1'), /OPENDIMOS_MAIL_FROM/);
  assert.is(loadConfig({ OPENDIMOS_PUBLIC_URL: 'http://127.0.0.1:3000', OPENDIMOS_MAIL_FROM: 'Δήμος <noreply@lixouri.gr>' }).mailFrom, 'Δήμος <noreply@lixouri.gr>');
  // Production mail leaves the machine: from an address at no domain, it would not be delivered.
  const atAddress = { ...PRODUCTION, OPENDIMOS_PUBLIC_URL: 'https://10.0.0.5' };
  assert.match(refusal(atAddress), /OPENDIMOS_MAIL_FROM must be set .*"10\.0\.0\.5" is not a mail domain/);
  assert.is(loadConfig({ ...atAddress, OPENDIMOS_MAIL_FROM: 'noreply@lixouri.gr' }).mailFrom, 'noreply@lixouri.gr');
});

test('the signing certificate: both settings or neither, the path made absolute, the passphrase as given', () => {
  assert.equal(loadConfig({}).signing, { p12Path: null, passphrase: null });
  assert.equal(loadConfig({ OPENDIMOS_SIGNING_P12: 'certs/dimos.p12', OPENDIMOS_SIGNING_PASSPHRASE: ' two words ' }).signing, {
    p12Path: resolve('certs/dimos.p12'),
    passphrase: ' two words ',
  });
  assert.match(refusal({ OPENDIMOS_SIGNING_P12: 'certs/dimos.p12' }), /needs both .*missing: OPENDIMOS_SIGNING_PASSPHRASE$/);
  assert.match(refusal({ OPENDIMOS_SIGNING_PASSPHRASE: 'secret' }), /needs both .*missing: OPENDIMOS_SIGNING_P12$/);
});

test('requests: the shipped types, Lixouri’s bounds and OpenStreetMap by default; each setting checked by name', () => {
  assert.equal(loadConfig({}).requests, { typesFile: DEFAULT_REQUESTS_FILE, bounds: LIXOURI_BOUNDS, mapTiles: OSM_TILES });
  const given = loadConfig({
    OPENDIMOS_REQUESTS: 'conf/requests.yaml',
    OPENDIMOS_REQUESTS_BOUNDS: ' 38.1, 20.3 ,38.4,20.6 ',
    OPENDIMOS_MAP_TILES: 'https://{s}.tiles.example.gr/osm/{z}/{x}/{y}.png',
    OPENDIMOS_MAP_ATTRIBUTION: '© OpenStreetMap, tiles by Example',
  }).requests;
  assert.equal(given, {
    typesFile: resolve('conf/requests.yaml'),
    bounds: { south: 38.1, west: 20.3, north: 38.4, east: 20.6 },
    mapTiles: { url: 'https://{s}.tiles.example.gr/osm/{z}/{x}/{y}.png', attribution: '© OpenStreetMap, tiles by Example' },
  });
  assert.is(tileSource(given.mapTiles), 'https://*.tiles.example.gr', 'the CSP names the tile host, its {s} subdomains as a wildcard');
  assert.is(tileSource(OSM_TILES), 'https://tile.openstreetmap.org');
  for (const bounds of ['38.1,20.3,38.4', '38.4,20.3,38.1,20.6', 'a,b,c,d', '38.1,20.6,38.4,20.3', '91,0,92,1']) {
    assert.match(refusal({ OPENDIMOS_REQUESTS_BOUNDS: bounds }), /^OPENDIMOS_REQUESTS_BOUNDS must be "south,west,north,east"/, bounds);
  }
  assert.match(refusal({ OPENDIMOS_MAP_TILES: 'https://tiles.example.gr/{z}/{x}.png', OPENDIMOS_MAP_ATTRIBUTION: 'x' }), /^OPENDIMOS_MAP_TILES must be an http\(s\) URL template with \{z\}, \{x\} and \{y\}/);
  assert.match(refusal({ OPENDIMOS_MAP_TILES: 'javascript:{z}{x}{y}', OPENDIMOS_MAP_ATTRIBUTION: 'x' }), /^OPENDIMOS_MAP_TILES must be/);
  assert.match(refusal({ OPENDIMOS_MAP_TILES: 'https://tiles.example.gr/{z}/{x}/{y}.png' }), /^OPENDIMOS_MAP_ATTRIBUTION must be set with OPENDIMOS_MAP_TILES/);
});

test.run();
