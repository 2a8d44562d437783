// GraphQL at /graphql (POST and GET) and its subscriptions over WebSocket on the same path, with the
// graphql-transport-ws protocol and the legacy graphql-ws one (served by ./subscriptions.ts, with its limits).
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import mercurius from 'mercurius';
import { kae2014Url, parseClassification } from '../../domain/index.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import type { ChangeFeed } from '../../projections/changeFeed.ts';
import type { WebSocketLimits } from '../websockets.ts';
import { defaultWebSocketLimits } from '../websockets.ts';
import { decimalScalar } from './decimalScalar.ts';
import { depthAndCostRule } from './limits.ts';
import { createResolvers } from './resolvers.ts';
import { installResponseCache, refuseToCache } from './responseCache.ts';
import { createSubscriptionServer } from './subscriptions.ts';

export interface GraphqlOptions {
  readonly client: SqlClient;
  readonly schema: string;
  readonly changes: ChangeFeed;
  readonly graphiql: boolean;
  readonly webSocketLimits?: Partial<WebSocketLimits>;
}

export const schemaUrl = new URL('../../../schema.graphql', import.meta.url);

export const graphqlPlugin: FastifyPluginAsync<GraphqlOptions> = async (app, options) => {
  const classification = parseClassification(await readFile(kae2014Url, 'utf8'));
  const { resolvers, loaders } = createResolvers({ client: options.client, schema: options.schema, classification, readModelPosition: options.changes.position });
  // Subscriptions are ours, not mercurius': limited, and executed once per group of equal subscriptions.
  const subscriptions = createSubscriptionServer({ app, changes: options.changes, limits: { ...defaultWebSocketLimits, ...options.webSocketLimits } });
  app.addHook('onClose', async () => subscriptions.close());

  if (options.graphiql) {
    // GraphiQL (opt-in, for developers) loads React and its own bundle from unpkg.com: its pages alone get
    // a policy that allows that. The public site never loads anything from outside.
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/graphiql')) {
        reply.header(
          'content-security-policy',
          "default-src 'self'; script-src 'self' https://unpkg.com; style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data:; connect-src 'self'; worker-src 'self'",
        );
      }
    });
  }
  installResponseCache(app, { position: options.changes.position, maxBytes: 16 * 2 ** 20, maxEntryBytes: 4 * 2 ** 20 });
  await app.register(mercurius, {
    schema: await readFile(schemaUrl, 'utf8'),
    resolvers: { ...resolvers, Decimal: decimalScalar },
    loaders,
    path: '/graphql',
    graphiql: options.graphiql,
    validationRules: [depthAndCostRule],
    // Compiled execution after a query's first run: a 3,000-line budget is 20,000 fields to resolve.
    jit: 1,
    additionalRouteOptions: { config: { webSocket: subscriptions.handler } },
  });

  app.graphql.addHook('onResolution', async (execution, context) => {
    if (execution.errors && execution.errors.length > 0) refuseToCache(context.reply.request);
  });
};
