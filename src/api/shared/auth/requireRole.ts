// A preHandler that lets a request through only with a Bearer token of a role (RFC 6750): no token or an
// unknown or revoked one is 401 with WWW-Authenticate; a valid token of another role is 403.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { SqlExecutor } from '../../../eventstore/sql/client.ts';
import { ApiError } from '../errors.ts';
import type { Role, TokenRecord } from './tokens.ts';
import { verifyToken } from './tokens.ts';

const REALM = 'Bearer realm="opendimos"';

const principals = new WeakMap<FastifyRequest, TokenRecord>();

/** The token a request was let through with (after requireRole). */
export const principalOf = (request: FastifyRequest): TokenRecord => {
  const principal = principals.get(request);
  if (!principal) throw new Error('principalOf: the route has no requireRole preHandler');
  return principal;
};

const bearerToken = (authorization: string | undefined): string | null => {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
};

/** 403 for a valid token of another role. */
export const roleNeeded = (role: string): ApiError =>
  new ApiError('OD_FORBIDDEN', { el: `χρειάζεται ο ρόλος ${role}`, en: `the ${role} role is needed` }, {
    'www-authenticate': `${REALM}, error="insufficient_scope"`,
  });

export const requireRole =
  (tokens: { readonly db: SqlExecutor; readonly schema: string }, role: Role | readonly Role[]): preHandlerAsyncHookHandler =>
  async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (token === null) throw new ApiError('OD_UNAUTHORIZED', undefined, { 'www-authenticate': REALM });
    const record = await verifyToken(tokens.db, tokens.schema, token);
    if (record === null) {
      throw new ApiError(
        'OD_UNAUTHORIZED',
        { el: 'το κλειδί είναι άγνωστο ή ανακλημένο', en: 'the token is unknown or revoked' },
        { 'www-authenticate': `${REALM}, error="invalid_token"` },
      );
    }
    const roles: readonly string[] = typeof role === 'string' ? [role] : role;
    if (!roles.includes(record.role)) throw roleNeeded(roles.join(' | '));
    principals.set(request, record);
  };
