// Server-side sessions and CSRF. The cookie `__Host-od_session` carries a random id (32 bytes, base64url);
// the row is found by its SHA-256 (sessionRows.ts). HttpOnly, SameSite=Lax, Path=/, no Domain, and Secure,
// which the `__Host-` prefix requires of browsers: the public address must be https, or the machine itself
// (browsers treat http://localhost and 127.0.0.1 as secure contexts); any other plain-http address is
// refused at start-up, since browsers would silently drop the cookie and nobody could log in. A login
// rotates the id (the old row is deleted), so an id planted before login is worth nothing after it; logout
// deletes the row, so a stolen cookie is worth nothing after logout. Idle 30 minutes, absolute 12 hours.
//
// CSRF (csrf.ts): every POST, PUT, PATCH and DELETE that comes with a session cookie must carry the
// session's token, or it is refused with 403 before its handler runs (refusal.ts). Routes that declare
// `config: { csrf: 'pre-session' }` (login forms, before any session) need the signed pre-session token
// instead, from `preSessionToken`.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SqlClient } from '../../../eventstore/sql/client.ts';
import { table } from '../../../projections/shared/tables.ts';
import { givenToken, loadPreSessionSecret, preSessionNonce, preSessionValid, sameToken, signNonce } from './csrf.ts';
import { refuseCsrf } from './refusal.ts';
import type { Session, SessionLimits, SessionStart, SessionSubject } from './sessionRows.ts';
import { deleteSession, insertSession, loadSession } from './sessionRows.ts';
import { SESSION_SECRET, SESSIONS } from './sessionTable.ts';

export { sessionMigrations, SESSIONS } from './sessionTable.ts';
export { CSRF_FIELD, CSRF_HEADER, PRE_SESSION_COOKIE } from './csrf.ts';
export type { ActingBy, Session, SessionKind, SessionStart, SessionSubject } from './sessionRows.ts';

export const SESSION_COOKIE = '__Host-od_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's session, or null; set before any handler runs. */
    session: Session | null;
  }
  interface FastifyContextConfig {
    /** `pre-session`: a login form; its POST carries the signed pre-session token instead of a session's. */
    csrf?: 'pre-session';
  }
}

export interface SessionOptions {
  readonly client: SqlClient;
  readonly schema: string;
  /** OPENDIMOS_PUBLIC_URL: whether cookies are Secure, and whether sessions can work at all. */
  readonly publicUrl: string;
  readonly idleMinutes?: number;
  readonly absoluteHours?: number;
  /** Paths under which state-changing requests are not checked for CSRF (the development TaxisNet stand-in's own forms). */
  readonly csrfExempt?: readonly string[];
  /** The clock, for tests of expiry. */
  readonly now?: () => Date;
}

export class SessionSettingsError extends Error {
  readonly code = 'OD_CONFIG';
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** Whether cookies may say Secure here: https, or the machine itself over http (a secure context in browsers). */
export const cookiesSecure = (publicUrl: string): boolean => {
  const url = new URL(publicUrl);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname));
};

interface Internals {
  readonly client: SqlClient;
  readonly sessions: string;
  readonly secure: boolean;
  readonly limits: SessionLimits;
  readonly now: () => Date;
  readonly secret: Buffer;
}

// By request, since a route's `request.server` is its own encapsulated instance, not the one registered on.
const internals = new WeakMap<FastifyRequest, Internals>();
const internalsOf = (request: FastifyRequest): Internals => {
  const found = internals.get(request);
  if (!found) throw new Error('sessionsPlugin is not registered on this app');
  return found;
};

const cookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure });

/** Starts a session for the subject: any session the request came with is deleted first (rotation). */
export const startSession = async (request: FastifyRequest, reply: FastifyReply, subject: SessionStart): Promise<Session> => {
  const { client, sessions, secure, limits, now } = internalsOf(request);
  if (request.session) await deleteSession(client, sessions, request.session.id);
  const session = await insertSession(client, sessions, subject, now(), limits);
  request.session = session;
  reply.setCookie(SESSION_COOKIE, session.id, cookieOptions(secure));
  return session;
};

/** Ends the request's session: the row goes, the cookie is cleared. */
export const endSession = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
  const { client, sessions, secure } = internalsOf(request);
  if (request.session) await deleteSession(client, sessions, request.session.id);
  request.session = null;
  reply.clearCookie(SESSION_COOKIE, cookieOptions(secure));
};

/**
 * Ends every session of a subject (an erased account, a disabled staff member), on every node: their own,
 * and those in which they act for another (a company they represent).
 */
export const endSessionsOf = async (client: SqlClient, schema: string, subject: SessionSubject): Promise<void> => {
  await client.query(`DELETE FROM ${table(schema, SESSIONS)} WHERE kind = $1 AND (subject_id = $2 OR actor_subject_id = $2)`, [subject.kind, subject.subjectId]);
};

/** Ends every session acting under a representation (revoked), on every node. */
export const endSessionsActingUnder = async (client: SqlClient, schema: string, representationId: string): Promise<void> => {
  await client.query(`DELETE FROM ${table(schema, SESSIONS)} WHERE representation_id = $1`, [representationId]);
};

/** The token a login form carries in `_csrf` (its route declares `config: { csrf: 'pre-session' }`). */
export const preSessionToken = (request: FastifyRequest, reply: FastifyReply): string => {
  const { secure, secret } = internalsOf(request);
  return signNonce(secret, preSessionNonce(request, reply, secure));
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sessionsPluginImpl: FastifyPluginAsync<SessionOptions> = async (app, options) => {
  if (!cookiesSecure(options.publicUrl)) {
    throw new SessionSettingsError(
      `OPENDIMOS_PUBLIC_URL must be https:// (or http://localhost, http://127.0.0.1 on this machine): browsers refuse the __Host- session cookie over plain http, so nobody could log in (got "${options.publicUrl}") / ` +
        `Το OPENDIMOS_PUBLIC_URL πρέπει να είναι https:// (ή http://localhost σε αυτό το μηχάνημα)`,
    );
  }
  const limits: SessionLimits = { idleMs: (options.idleMinutes ?? 30) * 60_000, absoluteMs: (options.absoluteHours ?? 12) * 3_600_000 };
  const now = options.now ?? (() => new Date());
  const sessions = table(options.schema, SESSIONS);
  const { client } = options;
  const secret = await loadPreSessionSecret(client, table(options.schema, SESSION_SECRET));
  const own: Internals = { client, sessions, secure: true, limits, now, secret };
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody, { bodyLimit: 65_536 });
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    internals.set(request, own);
    request.session = null;
    const id = request.cookies[SESSION_COOKIE];
    if (typeof id === 'string') request.session = await loadSession(client, sessions, id, now(), limits);
  });

  // After the body is parsed (the form's hidden field), before the handler.
  app.addHook('preHandler', async (request, reply) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const path = request.url.split('?')[0] ?? '';
    if ((options.csrfExempt ?? []).some((prefix) => path.startsWith(prefix))) return;
    if (request.routeOptions.config.csrf === 'pre-session') {
      if (!preSessionValid(request, secret)) return refuseCsrf(request, reply);
      return;
    }
    // Requests without a session cookie have nothing of anyone's to change.
    if (typeof request.cookies[SESSION_COOKIE] !== 'string') return;
    // A cookie of a session that has ended (expired, logged out elsewhere) has no token to match: refused too.
    const given = givenToken(request);
    if (request.session && given.length > 0 && sameToken(given, request.session.csrfToken)) return;
    return refuseCsrf(request, reply);
  });
};

export const sessionsPlugin = fp(sessionsPluginImpl, { name: 'opendimos-sessions', fastify: '5.x' });
