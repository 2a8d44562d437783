// GraphQL at /graphql (POST and GET) and its subscriptions over WebSocket on the same path, with the
// graphql-transport-ws protocol and the legacy graphql-ws one (both spoken by mercurius).
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { DocumentNode } from 'graphql';
import { specifiedRules, validate } from 'graphql';
import mercurius from 'mercurius';
import type { IResolvers } from 'mercurius';
import { kae2014Url, parseClassification } from '../../domain/index.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import type { ChangeFeed } from '../../projections/changeFeed.ts';
import type { TransactionFilter, TransactionView } from '../../projections/queries/index.ts';
import { decimalScalar } from './decimalScalar.ts';
import { depthAndCostRule } from './limits.ts';
import { createResolvers } from './resolvers.ts';
import { installResponseCache, refuseToCache } from './responseCache.ts';
import { matchesFilter } from './subscriptionFilter.ts';

export interface GraphqlOptions {
  readonly client: SqlClient;
  readonly schema: string;
  readonly changes: ChangeFeed;
  readonly graphiql: boolean;
}

export const schemaUrl = new URL('../../../schema.graphql', import.meta.url);

const TRANSACTION_RECORDED = 'TRANSACTION_RECORDED';
const budgetLineTopic = (year: number) => `BUDGET_LINE_CHANGED_${year}`;

type Pubsub = { subscribe: (topic: string) => Promise<AsyncIterable<unknown>> };

export const graphqlPlugin: FastifyPluginAsync<GraphqlOptions> = async (app, options) => {
  const classification = parseClassification(await readFile(kae2014Url, 'utf8'));
  const { resolvers, loaders } = createResolvers({ client: options.client, schema: options.schema, classification, readModelPosition: options.changes.position });
  const subscriptionResolvers: IResolvers = {
    Decimal: decimalScalar,
    Subscription: {
      transactionRecorded: {
        subscribe: mercurius.withFilter(
          (_root: unknown, _args: { filter?: TransactionFilter | null }, { pubsub }: { pubsub: Pubsub }) => pubsub.subscribe(TRANSACTION_RECORDED),
          (payload: { transactionRecorded: TransactionView }, { filter }: { filter?: TransactionFilter | null }) => matchesFilter(payload.transactionRecorded, filter),
        ),
      },
      budgetLineChanged: {
        subscribe: (_root: unknown, { year }: { year: number }, { pubsub }: { pubsub: Pubsub }) => pubsub.subscribe(budgetLineTopic(year)),
      },
    },
  };

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
    resolvers: { ...resolvers, ...subscriptionResolvers },
    loaders,
    path: '/graphql',
    graphiql: options.graphiql,
    validationRules: [depthAndCostRule],
    // Compiled execution after a query's first run: a 3,000-line budget is 20,000 fields to resolve.
    jit: 1,
    subscription: { keepAlive: 25_000 },
  });

  app.graphql.addHook('onResolution', async (execution, context) => {
    if (execution.errors && execution.errors.length > 0) refuseToCache(context.reply.request);
  });

  // Mercurius checks a subscription for nothing but depth: it gets the same rules as a query here.
  app.graphql.addHook('preSubscriptionExecution', async (schema, document: DocumentNode) => {
    const errors = validate(schema, document, [...specifiedRules, depthAndCostRule]);
    if (errors.length > 0) throw new mercurius.ErrorWithProps(errors.map((e) => e.message).join('; '), { code: 'OD_INVALID_SUBSCRIPTION' });
  });

  const unsubscribe = options.changes.subscribe((change) => {
    for (const transaction of change.transactions) {
      void app.graphql.pubsub.publish({ topic: TRANSACTION_RECORDED, payload: { transactionRecorded: transaction } });
    }
    for (const line of change.budgetLines) {
      void app.graphql.pubsub.publish({ topic: budgetLineTopic(line.year), payload: { budgetLineChanged: line } });
    }
  });
  app.addHook('onClose', async () => unsubscribe());
};
