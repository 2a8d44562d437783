// The real TaxisNet client against the local GSIS double: the authorize URL (state, PKCE S256), the whole
// code → token → userinfo round trip over HTTP, and every way the token and userinfo endpoints fail.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TaxisNetClient, TaxisNetError } from '../../../src/integrations/taxisnet/index.ts';
import { createTaxisNetClient, isTaxisNetError, newLoginAttempt } from '../../../src/integrations/taxisnet/index.ts';
import type { TaxisNetBehaviour, TaxisNetDouble } from '../../support/doubles/taxisnet/index.ts';
import { startTaxisNetDouble } from '../../support/doubles/taxisnet/index.ts';

const CLIENT = { clientId: 'od-lixouri', clientSecret: 's3cr3t:with&odd=chars', redirectUri: 'http://localhost:8080/auth/taxisnet/callback' };

const test = suite<{ double: TaxisNetDouble; client: TaxisNetClient }>('taxisnet client');

test.before(async (context) => {
  context.double = await startTaxisNetDouble(CLIENT);
  // A short deadline: the double's slow knobs never answer, so only the deadline ends the wait.
  context.client = createTaxisNetClient({ baseUrl: `${context.double.baseUrl}/`, ...CLIENT, timeoutMs: 300 });
});
test.before.each(({ double }) => {
  double.behave({ authorize: 'consent', token: 'ok', userinfo: 'ok' });
  double.requests.length = 0;
});
test.after(async ({ double }) => double.close());

/** The browser's part: follow authorize to its 302 and read the callback's query. */
const authorize = async (client: TaxisNetClient) => {
  const attempt = newLoginAttempt();
  const response = await fetch(client.authorizeUrl(attempt), { redirect: 'manual' });
  assert.is(response.status, 302);
  const callback = new URL(response.headers.get('location') ?? '');
  return { attempt, callback };
};

const login = async (client: TaxisNetClient) => {
  const { attempt, callback } = await authorize(client);
  assert.is(callback.searchParams.get('state'), attempt.state);
  const { accessToken } = await client.exchangeCode(callback.searchParams.get('code') ?? '', attempt.codeVerifier);
  return client.userinfo(accessToken);
};

const failure = async (work: () => Promise<unknown>): Promise<TaxisNetError> => {
  try {
    await work();
  } catch (error) {
    if (isTaxisNetError(error)) return error;
    throw error;
  }
  throw new Error('expected a TaxisNetError');
};

test('newLoginAttempt: 32 random bytes each, base64url, and the S256 challenge of the verifier', async () => {
  const a = newLoginAttempt();
  const b = newLoginAttempt();
  assert.match(a.state, /^[A-Za-z0-9_-]{43}$/);
  assert.match(a.codeVerifier, /^[A-Za-z0-9_-]{43}$/);
  assert.not.equal(a.state, b.state);
  assert.not.equal(a.codeVerifier, b.codeVerifier);
  const { createHash } = await import('node:crypto');
  assert.is(a.codeChallenge, createHash('sha256').update(a.codeVerifier).digest('base64url'));
});

test('authorizeUrl: GSIS path, response_type=code, client, redirect URI, scope read, state and PKCE S256', ({ client, double }) => {
  const attempt = newLoginAttempt();
  const url = new URL(client.authorizeUrl(attempt));
  assert.is(`${url.origin}${url.pathname}`, `${double.baseUrl}/oauth2server/oauth/authorize`);
  assert.equal(Object.fromEntries(url.searchParams), {
    response_type: 'code',
    client_id: CLIENT.clientId,
    redirect_uri: CLIENT.redirectUri,
    scope: 'read',
    state: attempt.state,
    code_challenge: attempt.codeChallenge,
    code_challenge_method: 'S256',
  });
  assert.not.ok(url.href.includes(attempt.codeVerifier), 'the verifier never goes to the browser');
});

test('a whole login: 302 with code and state, form POST for the token, bearer userinfo?format=xml, padded values trimmed', async ({ client, double }) => {
  const user = await login(client);
  assert.equal(user, {
    userId: 'dtest01', taxid: '012481630', lastName: 'ΠΑΠΑΔΑΤΟΣ', firstName: 'ΓΕΩΡΓΙΟΣ', fatherName: 'ΔΙΟΝΥΣΙΟΣ', motherName: 'ΜΑΡΙΑ', birthYear: 1968, kind: 'person',
  });
  const token = double.requests.find((r) => r.path === '/oauth2server/oauth/token');
  assert.is(token?.method, 'POST');
  assert.match(String(token?.headers['content-type']), /^application\/x-www-form-urlencoded/);
  assert.equal(Object.keys(token?.form ?? {}).sort(), ['client_id', 'client_secret', 'code', 'code_verifier', 'grant_type', 'redirect_uri']);
  assert.is(token?.form.client_secret, CLIENT.clientSecret);
  assert.is(token?.form.redirect_uri, CLIENT.redirectUri);
  const userinfo = double.requests.find((r) => r.path === '/oauth2server/userinfo');
  assert.is(userinfo?.query.format, 'xml');
  assert.match(String(userinfo?.headers.authorization), /^Bearer \S+$/);
});

test('a code is good once, and only with its own PKCE verifier', async ({ client }) => {
  const { attempt, callback } = await authorize(client);
  const code = callback.searchParams.get('code') ?? '';
  assert.is((await failure(() => client.exchangeCode(code, newLoginAttempt().codeVerifier))).code, 'OD_TAXISNET_REFUSED');
  // The double, like GSIS, spends the code on the failed try too.
  assert.is((await failure(() => client.exchangeCode(code, attempt.codeVerifier))).code, 'OD_TAXISNET_REFUSED');
  const again = await authorize(client);
  const { accessToken } = await client.exchangeCode(again.callback.searchParams.get('code') ?? '', again.attempt.codeVerifier);
  assert.is((await failure(() => client.exchangeCode(again.callback.searchParams.get('code') ?? '', again.attempt.codeVerifier))).code, 'OD_TAXISNET_REFUSED');
  assert.ok(accessToken.length > 0);
});

test('a cancelled login comes back as error=access_denied with the state', async ({ client, double }) => {
  double.behave({ authorize: 'deny' });
  const { attempt, callback } = await authorize(client);
  assert.is(callback.searchParams.get('error'), 'access_denied');
  assert.is(callback.searchParams.get('state'), attempt.state);
  assert.is(callback.searchParams.get('code'), null);
});

const tokenCases: [TaxisNetBehaviour['token'], string][] = [
  ['down', 'OD_TAXISNET_DOWN'],
  ['slow', 'OD_TAXISNET_TIMEOUT'],
  ['error500', 'OD_TAXISNET_DOWN'],
  ['invalid_grant', 'OD_TAXISNET_REFUSED'],
  ['not_json', 'OD_TAXISNET_BAD_ANSWER'],
  ['no_token', 'OD_TAXISNET_BAD_ANSWER'],
];
for (const [knob, code] of tokenCases) {
  test(`token endpoint ${knob} → ${code}, with the Greek and English text and nothing of the answer in it`, async ({ client, double }) => {
    const { attempt, callback } = await authorize(client);
    double.behave({ token: knob });
    const error = await failure(() => client.exchangeCode(callback.searchParams.get('code') ?? '', attempt.codeVerifier));
    assert.is(error.code, code);
    assert.ok(error.el.length > 0 && error.en.length > 0);
    assert.is(error.message, `${error.el} / ${error.en}`);
    assert.not.match(error.message, /invalid_grant|maintenance|Internal/);
    assert.ok(error.cause !== undefined, 'the detail is kept for the log');
  });
}

test('the timeout text is the one the brief fixes', async ({ client, double }) => {
  const { attempt, callback } = await authorize(client);
  double.behave({ token: 'slow' });
  const error = await failure(() => client.exchangeCode(callback.searchParams.get('code') ?? '', attempt.codeVerifier));
  assert.match(error.el, /^Η σύνδεση με το TaxisNet δεν απάντησε εγκαίρως\./);
  assert.match(error.en, /^TaxisNet did not answer in time\./);
  assert.is(error.status, 504);
});

const userinfoCases: [TaxisNetBehaviour['userinfo'], string][] = [
  ['down', 'OD_TAXISNET_DOWN'],
  ['slow', 'OD_TAXISNET_TIMEOUT'],
  ['slowBody', 'OD_TAXISNET_TIMEOUT'],
  ['error500', 'OD_TAXISNET_DOWN'],
  ['errorXml', 'OD_TAXISNET_REFUSED'],
  ['errorJson', 'OD_TAXISNET_REFUSED'],
  ['htmlPage', 'OD_TAXISNET_REFUSED'],
  ['redirect', 'OD_TAXISNET_REFUSED'],
  ['notXml', 'OD_TAXISNET_BAD_ANSWER'],
  ['dtd', 'OD_TAXISNET_BAD_ANSWER'],
];
for (const [knob, code] of userinfoCases) {
  test(`userinfo ${knob} → ${code}`, async ({ client, double }) => {
    const { attempt, callback } = await authorize(client);
    const { accessToken } = await client.exchangeCode(callback.searchParams.get('code') ?? '', attempt.codeVerifier);
    double.behave({ userinfo: knob });
    const error = await failure(() => client.userinfo(accessToken));
    assert.is(error.code, code);
    assert.not.match(error.message, /invalid_token|1234|expired|διαθέσιμη<\/body>/);
  });
}

test('an OAuth error body is kept in the cause (for the log), not in the text shown', async ({ client, double }) => {
  double.behave({ userinfo: 'errorXml' });
  const error = await failure(() => client.userinfo('some-token'));
  assert.match(JSON.stringify(error.cause), /invalid_token/);
  assert.not.match(error.message, /invalid_token/);
});

test('a token the double never issued is refused by userinfo', async ({ client }) => {
  assert.is((await failure(() => client.userinfo('never-issued'))).code, 'OD_TAXISNET_REFUSED');
});

test('a TaxisNet nobody listens on is OD_TAXISNET_DOWN (ECONNREFUSED)', async () => {
  const gone = await startTaxisNetDouble(CLIENT);
  await gone.close();
  const client = createTaxisNetClient({ baseUrl: gone.baseUrl, ...CLIENT });
  const error = await failure(() => client.exchangeCode('a-code', newLoginAttempt().codeVerifier));
  assert.is(error.code, 'OD_TAXISNET_DOWN');
  assert.match(JSON.stringify(error.cause, (_k, v: unknown) => (v instanceof Error ? { message: v.message, cause: v.cause } : v)), /ECONNREFUSED/);
});

test('bad input to the client is refused before anything is sent', async ({ client, double }) => {
  assert.is((await failure(() => client.exchangeCode('', newLoginAttempt().codeVerifier))).code, 'OD_TAXISNET_REFUSED');
  assert.is((await failure(() => client.exchangeCode('a b', newLoginAttempt().codeVerifier))).code, 'OD_TAXISNET_REFUSED');
  assert.is((await failure(() => client.userinfo(''))).code, 'OD_TAXISNET_REFUSED');
  const wrongVerifier = await client.exchangeCode('code', 'short').then(() => null, (error: unknown) => error);
  assert.instance(wrongVerifier, TypeError);
  assert.is(double.requests.length, 0);
});

test('logoutUrl: /oauth2server/logout/{clientId}/?url=…, the return address encoded; only http(s) returns', ({ client, double }) => {
  const url = new URL(client.logoutUrl('http://localhost:8080/?bye=1&x=ά'));
  assert.is(url.pathname, '/oauth2server/logout/od-lixouri/');
  assert.is(url.origin, double.baseUrl);
  assert.is(url.searchParams.get('url'), 'http://localhost:8080/?bye=1&x=%CE%AC');
  assert.throws(() => client.logoutUrl('javascript:alert(1)'), /http/);
  assert.throws(() => client.logoutUrl('/relative'), /absolute/);
});

test('logout at the double redirects back to the url given', async ({ client }) => {
  const response = await fetch(client.logoutUrl('http://localhost:8080/'), { redirect: 'manual' });
  assert.is(response.status, 302);
  assert.is(response.headers.get('location'), 'http://localhost:8080/');
});

test('settings are checked when the client is made, naming the wrong one', () => {
  const good = { baseUrl: 'https://www1.gsis.gr', ...CLIENT };
  assert.not.throws(() => createTaxisNetClient(good));
  assert.throws(() => createTaxisNetClient({ ...good, baseUrl: 'www1.gsis.gr' }), /OPENDIMOS_TAXISNET_URL/);
  assert.throws(() => createTaxisNetClient({ ...good, baseUrl: 'http://www1.gsis.gr' }), /https/);
  assert.throws(() => createTaxisNetClient({ ...good, baseUrl: 'https://www1.gsis.gr/?x=1' }), /query/);
  assert.throws(() => createTaxisNetClient({ ...good, clientId: '' }), /OPENDIMOS_TAXISNET_CLIENT_ID/);
  assert.throws(() => createTaxisNetClient({ ...good, clientSecret: ' x ' }), /OPENDIMOS_TAXISNET_CLIENT_SECRET/);
  assert.throws(() => createTaxisNetClient({ ...good, redirectUri: '/auth/taxisnet/callback' }), /redirectUri/);
  assert.throws(() => createTaxisNetClient({ ...good, timeoutMs: 0 }), /timeoutMs/);
  assert.is(new URL(createTaxisNetClient({ ...good, baseUrl: 'https://test.gsis.gr/' }).authorizeUrl(newLoginAttempt())).pathname, '/oauth2server/oauth/authorize');
});

test.run();
