// Security for every route: headers (helmet, with a strict Content Security Policy: the site serves its own
// script and styles, nothing inline), a rate limit per client address, and the one error body for refusals
// (a body over the 1 MB JSON limit, a rate limit, bad input). Registered first in buildApp: the rate limit
// and the error handler only reach the routes registered after them.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, apiErrorHandler } from './errors.ts';

export interface SecurityOptions {
  /** Requests per minute per client address; 0 turns the limit off (benchmarks). */
  readonly rateLimitPerMinute: number;
  /** Origins besides this one that a form may lead to (the TaxisNet logout). */
  readonly formActions?: readonly string[];
  /** Origins besides this one that images may come from (the map's tile server). */
  readonly imageSources?: readonly string[];
}

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  // The live feed is a WebSocket to the same host, which 'self' covers.
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const security: FastifyPluginAsync<SecurityOptions> = async (app, { rateLimitPerMinute, formActions = [], imageSources = [] }) => {
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 0) {
    throw new Error(`securityPlugin: rateLimitPerMinute must be a whole number of requests per minute, 0 for none (got ${rateLimitPerMinute})`);
  }
  app.setErrorHandler(apiErrorHandler);
  await app.register(helmet, {
    // No upgrade-insecure-requests: a newcomer's http://localhost:8080 must keep loading its own script.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(
        Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, k === 'formAction' ? [...v, ...formActions] : k === 'imgSrc' ? [...v, ...new Set(imageSources)] : [...v]]),
      ),
    },
    frameguard: { action: 'deny' },
  });
  if (rateLimitPerMinute === 0) return;
  await app.register(rateLimit, {
    max: rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => new ApiError('OD_RATE_LIMITED', { el: `δοκιμάστε ξανά σε ${context.after}`, en: `retry in ${context.after}` }),
  });
};

export const securityPlugin = fp(security, { name: 'opendimos-security', fastify: '5.x' });
