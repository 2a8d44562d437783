// CSRF tokens. With a session: the synchronizer token stored in the session's row, sent back by forms in
// `_csrf` and by JSON clients in `x-csrf-token`. Before a session (the login forms): a signed double-submit
// token. The browser gets a random nonce in the cookie `__Host-od_presession`; the form carries
// HMAC-SHA256(secret, nonce). A forged cross-site login would need both, and a third-party page can neither
// read our cookie nor compute the HMAC without the secret, which never leaves the database; the `__Host-`
// prefix keeps sibling subdomains from planting a nonce of their choosing. Chosen over anonymous
// pre-session rows so that a visitor who only looks at the login page writes nothing to the database.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SqlExecutor } from '../../../eventstore/sql/client.ts';
import { randomToken, TOKEN_SHAPE } from './sessionRows.ts';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const PRE_SESSION_COOKIE = '__Host-od_presession';
/** A login form left open this long still works; after it, the page is opened again. */
export const PRE_SESSION_SECONDS = 2 * 3600;

export const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The token a state-changing request carries: the header (JSON), else the form's hidden field. */
export const givenToken = (request: FastifyRequest): string => {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const body = request.body;
  if (body && typeof body === 'object' && CSRF_FIELD in body) {
    const field = (body as Record<string, unknown>)[CSRF_FIELD];
    if (typeof field === 'string') return field;
  }
  return '';
};

/** The installation's signing secret: made once by whichever node starts first, then shared by all. */
export const loadPreSessionSecret = async (db: SqlExecutor, secretTable: string): Promise<Buffer> => {
  await db.query(`INSERT INTO ${secretTable} (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [randomBytes(32).toString('hex')]);
  const [row] = await db.query<{ secret: string }>(`SELECT secret FROM ${secretTable} WHERE id = 1`);
  if (!row) throw new Error('the pre-session secret could not be stored');
  return Buffer.from(row.secret, 'hex');
};

export const signNonce = (secret: Buffer, nonce: string): string => createHmac('sha256', secret).update(`od-presession:${nonce}`, 'utf8').digest('base64url');

/** This browser's nonce, set now if it has none (or a malformed one). */
export const preSessionNonce = (request: FastifyRequest, reply: FastifyReply, secure: boolean): string => {
  const given = request.cookies[PRE_SESSION_COOKIE];
  if (typeof given === 'string' && TOKEN_SHAPE.test(given)) return given;
  const nonce = randomToken();
  reply.setCookie(PRE_SESSION_COOKIE, nonce, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: PRE_SESSION_SECONDS });
  // Later calls in the same request (a page with two forms) see the same nonce.
  request.cookies[PRE_SESSION_COOKIE] = nonce;
  return nonce;
};

export const preSessionValid = (request: FastifyRequest, secret: Buffer): boolean => {
  const nonce = request.cookies[PRE_SESSION_COOKIE];
  if (typeof nonce !== 'string' || !TOKEN_SHAPE.test(nonce)) return false;
  const given = givenToken(request);
  return given.length > 0 && sameToken(given, signNonce(secret, nonce));
};
