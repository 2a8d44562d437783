// A local TaxisNet (GSIS OAuth2 server) on 127.0.0.1 and a free port, speaking the real wire protocol: the
// authorize endpoint answers with a real 302 to the redirect URI (code and state, or error=access_denied),
// the token endpoint takes a form POST and answers JSON or an OAuth error, userinfo answers XML with GSIS's
// quirks. Knobs make each endpoint fail the ways GSIS does, so tests run the real client against them.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TaxisNetDoubleOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

/** userinfo's attributes exactly as written on the wire: padding, Greek, absence are the test's to choose. */
export type UserinfoAttributes = Partial<Record<'userid' | 'taxid' | 'lastname' | 'firstname' | 'fathername' | 'mothername' | 'birthyear', string>>;

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** The body read as a form, for the token endpoint. */
  readonly form: Readonly<Record<string, string>>;
}

/**
 * How each endpoint behaves. `down`: the socket is closed without an answer; `slow`: headers never come
 * (or, for `slowBody`, the body never ends), so only the client's deadline ends the wait.
 */
export interface TaxisNetBehaviour {
  authorize: 'consent' | 'deny';
  token: 'ok' | 'down' | 'slow' | 'error500' | 'invalid_grant' | 'not_json' | 'no_token';
  userinfo: 'ok' | 'down' | 'slow' | 'slowBody' | 'error500' | 'errorXml' | 'errorJson' | 'htmlPage' | 'notXml' | 'dtd' | 'redirect';
}

export interface TaxisNetDouble {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Who the next logins are. */
  setUser(attributes: UserinfoAttributes): void;
  behave(knobs: Partial<TaxisNetBehaviour>): void;
  close(): Promise<void>;
}

const AUTHORIZE = '/oauth2server/oauth/authorize';
const TOKEN = '/oauth2server/oauth/token';
const USERINFO = '/oauth2server/userinfo';
const LOGOUT = /^\/oauth2server\/logout\/([^/]+)\/$/;

/** A citizen as GSIS writes one: values padded to the field's width. */
export const paddedCitizen: UserinfoAttributes = {
  userid: 'dtest01        ',
  taxid: '012481630 ',
  lastname: 'ΠΑΠΑΔΑΤΟΣ                     ',
  firstname: 'ΓΕΩΡΓΙΟΣ                      ',
  fathername: 'ΔΙΟΝΥΣΙΟΣ                     ',
  mothername: 'ΜΑΡΙΑ                         ',
  birthyear: '1968 ',
};

const xmlEscape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

const userinfoXml = (attributes: UserinfoAttributes): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<root><userinfo${Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${xmlEscape(value ?? '')}"`)
    .join('')}/></root>`;

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const send = (response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  response.end(body);
};

const json = (response: ServerResponse, status: number, body: unknown): void =>
  send(response, status, 'application/json;charset=UTF-8', JSON.stringify(body), { 'cache-control': 'no-store' });

const challengeOf = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export const startTaxisNetDouble = async (options: TaxisNetDoubleOptions): Promise<TaxisNetDouble> => {
  const requests: RecordedRequest[] = [];
  let behaviour: TaxisNetBehaviour = { authorize: 'consent', token: 'ok', userinfo: 'ok' };
  let user: UserinfoAttributes = paddedCitizen;
  const codes = new Map<string, { redirectUri: string; challenge: string; method: string }>();
  const tokens = new Map<string, UserinfoAttributes>();

  const redirect = (response: ServerResponse, to: URL): void => {
    response.writeHead(302, { location: to.href, 'content-length': 0 });
    response.end();
  };

  const authorize = (query: Record<string, string>, response: ServerResponse): void => {
    if (query.client_id !== options.clientId || query.redirect_uri !== options.redirectUri) {
      send(response, 400, 'text/html;charset=UTF-8', '<html><body><h1>Σφάλμα</h1><p>invalid client or redirect_uri</p></body></html>');
      return;
    }
    const back = new URL(options.redirectUri);
    if (behaviour.authorize === 'deny') {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = randomBytes(12).toString('base64url');
      codes.set(code, { redirectUri: query.redirect_uri, challenge: query.code_challenge ?? '', method: query.code_challenge_method ?? '' });
      back.searchParams.set('code', code);
    }
    if (query.state !== undefined) back.searchParams.set('state', query.state);
    redirect(response, back);
  };

  const token = (form: Record<string, string>, response: ServerResponse): void => {
    switch (behaviour.token) {
      case 'down': response.socket?.destroy(); return;
      case 'slow': return;
      case 'error500': send(response, 500, 'text/html;charset=UTF-8', '<html><body>Internal Server Error</body></html>'); return;
      case 'invalid_grant': json(response, 400, { error: 'invalid_grant', error_description: 'Invalid authorization code' }); return;
      case 'not_json': send(response, 200, 'text/html;charset=UTF-8', '<html><body>maintenance</body></html>'); return;
      case 'no_token': json(response, 200, { token_type: 'bearer', expires_in: 43199 }); return;
      case 'ok': break;
    }
    if (form.client_id !== options.clientId || form.client_secret !== options.clientSecret) {
      json(response, 401, { error: 'invalid_client', error_description: 'Bad client credentials' });
      return;
    }
    const issued = codes.get(form.code ?? '');
    codes.delete(form.code ?? '');
    if (form.grant_type !== 'authorization_code' || !issued || issued.redirectUri !== form.redirect_uri) {
      json(response, 400, { error: 'invalid_grant', error_description: 'Invalid authorization code' });
      return;
    }
    if (issued.challenge !== '' && (issued.method !== 'S256' || challengeOf(form.code_verifier ?? '') !== issued.challenge)) {
      json(response, 400, { error: 'invalid_grant', error_description: 'Invalid code verifier' });
      return;
    }
    const accessToken = randomBytes(16).toString('hex');
    tokens.set(accessToken, user);
    json(response, 200, { access_token: accessToken, token_type: 'bearer', expires_in: 43199, scope: 'read' });
  };

  const userinfo = (request: IncomingMessage, query: Record<string, string>, response: ServerResponse): void => {
    const xml = 'application/xml;charset=UTF-8';
    switch (behaviour.userinfo) {
      case 'down': response.socket?.destroy(); return;
      case 'slow': return;
      case 'slowBody': response.writeHead(200, { 'content-type': xml }); response.write('<?xml version="1.0"?><root>'); return;
      case 'error500': send(response, 500, 'text/html;charset=UTF-8', '<html><body>Internal Server Error</body></html>'); return;
      case 'errorXml': send(response, 200, xml, '<oauth><error_description>Invalid access token: 1234</error_description><error>invalid_token</error></oauth>'); return;
      case 'errorJson': send(response, 401, 'application/json;charset=UTF-8', '{"error":"invalid_token","error_description":"Access token expired"}'); return;
      case 'htmlPage': send(response, 200, 'text/html;charset=UTF-8', '<!DOCTYPE html><html><head><title>TaxisNet</title></head><body>Η υπηρεσία δεν είναι διαθέσιμη</body></html>'); return;
      case 'notXml': send(response, 200, xml, 'userid=x;taxid=012481630'); return;
      case 'dtd': send(response, 200, xml, '<!DOCTYPE root [<!ENTITY x "ΠΑΠΑ">]><root><userinfo taxid="012481630" lastname="&x;&x;"/></root>'); return;
      case 'redirect': redirect(response, new URL('/oauth2server/login.jsp', `http://${request.headers.host ?? '127.0.0.1'}`)); return;
      case 'ok': break;
    }
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const holder = bearer ? tokens.get(bearer) : undefined;
    if (query.format !== 'xml' || !holder) {
      send(response, 401, xml, '<oauth><error_description>Invalid access token</error_description><error>invalid_token</error></oauth>');
      return;
    }
    send(response, 200, xml, userinfoXml(holder));
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(request);
      const query = Object.fromEntries(url.searchParams);
      const form = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(body)) : {};
      requests.push({ method: request.method ?? '', path: url.pathname, query, headers: request.headers, body, form });
      const logout = LOGOUT.exec(url.pathname);
      if (request.method === 'GET' && url.pathname === AUTHORIZE) authorize(query, response);
      else if (request.method === 'POST' && url.pathname === TOKEN) token(form, response);
      else if (request.method === 'GET' && url.pathname === USERINFO) userinfo(request, query, response);
      else if (request.method === 'GET' && logout && logout[1] === options.clientId && query.url) redirect(response, new URL(query.url));
      else send(response, 404, 'text/html;charset=UTF-8', '<html><body>404</body></html>');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    setUser(attributes) {
      user = attributes;
    },
    behave(knobs) {
      behaviour = { ...behaviour, ...knobs };
    },
    async close() {
      // The slow knobs leave answers hanging on purpose; end them so the server can close.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};
