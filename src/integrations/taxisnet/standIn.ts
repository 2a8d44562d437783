// The development stand-in for TaxisNet: mounted (e.g. under /dev/taxisnet) when no TaxisNet settings are
// given, it speaks GSIS's protocol at <prefix>/oauth2server/… so the real client code logs a newcomer in as
// one of the fixture people. It checks what GSIS checks (client, redirect URI, one-time codes, the secret)
// and PKCE besides; its memory is bounded. Never in production: it refuses to start there.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { codeChallengeOf, isCodeVerifier } from './loginAttempt.ts';
import { escapeMarkup } from './markup.ts';
import { SCOPE } from './paths.ts';
import type { AuthorizeRequest } from './standInPages.ts';
import { authorizePage, refusalPage } from './standInPages.ts';
import type { StandInPerson } from './standInPeople.ts';
import { standInPeople } from './standInPeople.ts';
import { ExpiringStore } from './standInStore.ts';

export interface StandInOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The one redirect URI registered for the client, compared exactly. */
  readonly redirectUri: string;
  /** The clock, for tests of expiry; Date.now by default. */
  readonly now?: () => number;
}

const CODE_TTL_MS = 60_000;
const TOKEN_TTL_MS = 10 * 60_000;
const TOKEN_TTL_S = TOKEN_TTL_MS / 1000;
const MAX_LIVE = 1000;
/** GSIS pads each value to its registry field's width; the stand-in does the same. */
const FIELD_WIDTH = 30;

interface IssuedCode {
  readonly taxid: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
}

type Fields = Record<string, unknown>;
const one = (fields: unknown, name: string): string => {
  const value = typeof fields === 'object' && fields !== null ? (fields as Fields)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

/** §2.3.1: id and secret form-urlencoded, joined by the first colon, in base64; null when absent or malformed. */
const basicCredentialsOf = (header: string | undefined): { id: string; secret: string } | null => {
  const encoded = /^Basic ([A-Za-z0-9+/]+=*)$/.exec(header ?? '')?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
};

const oauthError = (reply: FastifyReply, status: number, error: string, description: string): FastifyReply =>
  reply.code(status).header('cache-control', 'no-store').send({ error, error_description: description });

const xmlError = (reply: FastifyReply, status: number, error: string, description: string): FastifyReply =>
  reply
    .code(status)
    .type('application/xml; charset=utf-8')
    .send(`<?xml version="1.0" encoding="UTF-8"?><oauth><error_description>${escapeMarkup(description)}</error_description><error>${error}</error></oauth>`);

/** userinfo as GSIS writes it: every value padded, missing attributes left out. */
const userinfoXml = (person: StandInPerson): string => {
  const attributes: [string, string][] = [
    ['userid', person.userId],
    ['taxid', person.taxid],
    ['lastname', person.lastName],
    ['firstname', person.firstName],
    ['fathername', person.fatherName],
    ['mothername', person.motherName],
    ['birthyear', person.birthYear === null ? '' : String(person.birthYear)],
  ];
  const written = attributes
    .filter(([name]) => !(person.missing as readonly string[]).includes(name))
    .map(([name, value]) => ` ${name}="${escapeMarkup(value.padEnd(FIELD_WIDTH, ' '))}"`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><root><userinfo${written}/></root>`;
};

const checkOptions = (options: StandInOptions): void => {
  if (process.env.NODE_ENV === 'production') throw new Error('taxisNetStandIn: the TaxisNet stand-in is for development and never runs with NODE_ENV=production');
  if (!options.clientId || !options.clientSecret) throw new RangeError('taxisNetStandIn: clientId and clientSecret must be given');
  try {
    new URL(options.redirectUri);
  } catch {
    throw new RangeError(`taxisNetStandIn: redirectUri must be an absolute URL (got «${options.redirectUri}»)`);
  }
};

export const taxisNetStandIn: FastifyPluginAsync<StandInOptions> = async (app, options) => {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const codes = new ExpiringStore<IssuedCode>(MAX_LIVE, CODE_TTL_MS, now);
  const tokens = new ExpiringStore<string>(MAX_LIVE, TOKEN_TTL_MS, now);
  // The app may parse forms already (sessions, CSRF); a second parser for the same type would be refused.
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);

  const page = (reply: FastifyReply, status: number, html: string): FastifyReply =>
    reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);

  /** RFC 6749 §4.1.2.1: with a wrong client or redirect URI, say so here and send nobody anywhere. */
  const unknownClient = (reply: FastifyReply, fields: unknown): FastifyReply | null => {
    if (one(fields, 'client_id') !== options.clientId) {
      return page(reply, 400, refusalPage('Άγνωστη εφαρμογή (client_id).', 'Unknown application (client_id).'));
    }
    if (one(fields, 'redirect_uri') !== options.redirectUri) {
      return page(reply, 400, refusalPage('Η διεύθυνση επιστροφής (redirect_uri) δεν είναι η δηλωμένη.', 'The redirect URI is not the registered one.'));
    }
    return null;
  };

  const backToClient = (reply: FastifyReply, parameters: Record<string, string>): FastifyReply => {
    const target = new URL(options.redirectUri);
    for (const [name, value] of Object.entries(parameters)) if (value !== '') target.searchParams.set(name, value);
    return reply.header('cache-control', 'no-store').redirect(target.href, 303);
  };

  /** The rest of §4.1.1's checks; a problem here goes back to the client as error=… with the state. */
  const requestProblem = (fields: unknown): { error: string; description: string } | null => {
    if (one(fields, 'response_type') !== 'code') return { error: 'unsupported_response_type', description: 'response_type must be code' };
    const scope = one(fields, 'scope');
    if (scope !== '' && scope !== SCOPE) return { error: 'invalid_scope', description: `scope must be ${SCOPE}` };
    if (one(fields, 'state') === '') return { error: 'invalid_request', description: 'state is required' };
    const challenge = one(fields, 'code_challenge');
    const method = one(fields, 'code_challenge_method');
    if (challenge !== '' && (method !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge))) {
      return { error: 'invalid_request', description: 'PKCE: code_challenge must be S256, 43 base64url characters' };
    }
    return null;
  };

  const authorizeRequestOf = (fields: unknown): AuthorizeRequest => ({
    clientId: one(fields, 'client_id'),
    redirectUri: one(fields, 'redirect_uri'),
    state: one(fields, 'state'),
    scope: one(fields, 'scope'),
    codeChallenge: one(fields, 'code_challenge'),
    codeChallengeMethod: one(fields, 'code_challenge_method'),
  });

  const answerAuthorize = (fields: unknown, reply: FastifyReply, decide: () => FastifyReply): FastifyReply => {
    const refused = unknownClient(reply, fields);
    if (refused) return refused;
    const problem = requestProblem(fields);
    if (problem) return backToClient(reply, { error: problem.error, error_description: problem.description, state: one(fields, 'state') });
    return decide();
  };

  app.get('/oauth2server/oauth/authorize', async (request, reply) =>
    answerAuthorize(request.query, reply, () => page(reply, 200, authorizePage(authorizeRequestOf(request.query), standInPeople))),
  );

  app.post('/oauth2server/oauth/authorize', async (request, reply) =>
    answerAuthorize(request.body, reply, () => {
      const fields = request.body;
      const state = one(fields, 'state');
      if (one(fields, 'cancel') !== '') return backToClient(reply, { error: 'access_denied', state });
      const person = standInPeople.find((p) => p.taxid === one(fields, 'taxid'));
      if (!person) return page(reply, 400, refusalPage('Δεν επιλέχθηκε κανένα από τα πρόσωπα της λίστας.', 'None of the listed people was chosen.'));
      const code = randomBytes(32).toString('base64url');
      codes.put(code, { taxid: person.taxid, clientId: options.clientId, redirectUri: options.redirectUri, codeChallenge: one(fields, 'code_challenge') });
      return backToClient(reply, { code, state });
    }),
  );

  app.post('/oauth2server/oauth/token', async (request, reply) => {
    const fields = request.body;
    // Client authentication (§2.3.1): HTTP Basic or the form's client_id and client_secret.
    const basic = basicCredentialsOf(request.headers.authorization);
    const clientId = basic?.id ?? one(fields, 'client_id');
    const secret = basic?.secret ?? one(fields, 'client_secret');
    if (clientId !== options.clientId || !sameSecret(secret, options.clientSecret)) return oauthError(reply, 401, 'invalid_client', 'Bad client credentials');
    if (one(fields, 'grant_type') !== 'authorization_code') return oauthError(reply, 400, 'unsupported_grant_type', 'grant_type must be authorization_code');
    const issued = codes.take(one(fields, 'code'));
    if (!issued || issued.clientId !== clientId) return oauthError(reply, 400, 'invalid_grant', 'Invalid authorization code');
    if (one(fields, 'redirect_uri') !== issued.redirectUri) return oauthError(reply, 400, 'invalid_grant', 'Redirect URI mismatch');
    if (issued.codeChallenge !== '') {
      const verifier = one(fields, 'code_verifier');
      if (!isCodeVerifier(verifier) || codeChallengeOf(verifier) !== issued.codeChallenge) return oauthError(reply, 400, 'invalid_grant', 'PKCE verification failed');
    }
    const accessToken = randomBytes(32).toString('base64url');
    tokens.put(accessToken, issued.taxid);
    return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send({ access_token: accessToken, token_type: 'bearer', expires_in: TOKEN_TTL_S, scope: SCOPE });
  });

  app.get('/oauth2server/userinfo', async (request, reply) => {
    if (one(request.query, 'format') !== 'xml') return xmlError(reply, 400, 'invalid_request', 'The stand-in answers format=xml only');
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? one(request.query, 'access_token');
    const taxid = bearer === '' ? undefined : tokens.get(bearer);
    const person = standInPeople.find((p) => p.taxid === taxid);
    if (!person) return xmlError(reply, 401, 'invalid_token', 'Invalid access token');
    return reply.header('cache-control', 'no-store').type('application/xml; charset=utf-8').send(userinfoXml(person));
  });

  app.get<{ Params: { clientId: string } }>('/oauth2server/logout/:clientId/', async (request, reply) => {
    const url = one(request.query, 'url');
    let target: URL | null = null;
    try {
      target = new URL(url);
    } catch {
      target = null;
    }
    // Only back to the registered application's own site: never an open redirect.
    if (request.params.clientId !== options.clientId || !target || target.origin !== new URL(options.redirectUri).origin) {
      return page(reply, 400, refusalPage('Η αποσύνδεση επιστρέφει μόνο στην εφαρμογή που τη ζήτησε.', 'Logout returns only to the application that asked for it.'));
    }
    return reply.header('cache-control', 'no-store').redirect(target.href, 302);
  });
};
