// The development stand-in for Viva: mounted (under /dev/payments) when no Viva settings are given, it
// speaks Viva's protocol (vivaSimulator.ts) so that the real adapter takes a newcomer through a whole card
// payment: order, checkout page, return with t and s, webhook, confirmation server to server. Its memory
// is bounded. Never in production: it refuses to start there.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { VivaAccount } from './vivaSimulator.ts';
import { VivaSimulator } from './vivaSimulator.ts';

export interface PaymentsStandInOptions {
  readonly account: VivaAccount;
  /** Delivers a webhook event's JSON body to the webhook URL (the app's own route, through inject). */
  readonly notify?: (body: string) => void;
  /** The clock, for tests of expiry; Date.now by default. */
  readonly now?: () => number;
}

const ROUTES: readonly (readonly ['GET' | 'POST', string])[] = [
  ['POST', '/connect/token'],
  ['POST', '/checkout/v2/orders'],
  ['GET', '/web/checkout'],
  ['POST', '/web/checkout'],
  ['GET', '/checkout/v2/transactions/:id'],
  ['GET', '/api/orders/:code'],
  ['GET', '/api/transactions'],
  ['GET', '/api/messages/config/token'],
];

export const paymentsStandIn: FastifyPluginAsync<PaymentsStandInOptions> = async (app, options) => {
  if (process.env.NODE_ENV === 'production') throw new Error('paymentsStandIn: the payments stand-in is for development and never runs with NODE_ENV=production');
  for (const url of [options.account.successUrl, options.account.failureUrl]) {
    try {
      new URL(url);
    } catch {
      throw new RangeError(`paymentsStandIn: the success and failure URLs must be absolute (got «${url}»)`);
    }
  }
  const simulator = new VivaSimulator(options.account, { ...(options.now ? { now: options.now } : {}), ...(options.notify ? { notify: options.notify } : {}) });
  // The simulator reads bodies as Viva receives them, as text; these parsers hold for this plugin only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const answer = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const url = new URL(request.url, 'http://stand-in');
    const result = simulator.handle({
      method: request.method,
      path: url.pathname.slice(app.prefix.length),
      query: url.searchParams,
      authorization: request.headers.authorization,
      body: typeof request.body === 'string' ? request.body : '',
    });
    if (!result) return reply.code(404).send();
    reply.code(result.status).type(result.type).header('cache-control', 'no-store');
    if (result.location) reply.header('location', result.location);
    return reply.send(result.body);
  };
  for (const [method, url] of ROUTES) app.route({ method, url, handler: answer });
};
