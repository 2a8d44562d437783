// GraphQL at /graphql (POST and GET) and its subscriptions over WebSocket on the same path, with the
// graphql-transport-ws protocol and the legacy graphql-ws one (served by ./subscriptions.ts, with its limits).
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { FastifyPluginAsync } from 'fastify';
import { Source } from 'graphql';
import mercurius from 'mercurius';
import { kae2014Url, parseClassification } from '../../../domain/index.ts';
import type { SqlClient } from '../../../eventstore/sql/client.ts';
import type { ChangeFeed } from '../../../projections/shared/changeFeed.ts';
import type { ApiContext } from '../apiContext.ts';
import { composeResolvers, composeSdl } from '../apiContext.ts';
import type { WebSocketLimits } from '../websockets.ts';
import { defaultWebSocketLimits } from '../websockets.ts';
import { decimalScalar } from './decimalScalar.ts';
import { formatGraphqlErrors } from './errorFormatter.ts';
import { createExecutionBudget } from './executionBudget.ts';
import { createExecutionGate } from './executionGate.ts';
import { isExecutionStopped } from './executionStopped.ts';
import { createDepthAndCostRule, measureDocument } from './limits.ts';
import { trackRowEstimates } from './rowEstimates.ts';
import { installResponseCache, refuseToCache } from './responseCache.ts';
import { createSubscriptionServer } from './subscriptions.ts';

/** What uncached executions may take of the server: cache hits are answered before any of this. */
export interface GraphqlLimits {
  /** Executions running at once; more wait in a queue, then are refused with OD_BUSY and Retry-After. */
  readonly executions: number;
  readonly queue: number;
  readonly maxWaitMs: number;
  /** An execution's time: past it, its queries are cancelled and it answers OD_QUERY_TIMEOUT. */
  readonly timeoutMs: number;
  /** Queries of one light execution in flight at once (a heavy one sends one at a time). */
  readonly queriesAtOnce: number;
  /** Statements of all heavy executions (costlier than `lightCost`) at once, taken in turn. */
  readonly statements: number;
  /** Statements of all light executions at once: each reads few rows, so they may take every core. */
  readonly lightStatements: number;
  readonly lightCost: number;
}

/**
 * Statements of heavy executions on half the cores (PostgreSQL) leave the other half, and most of the pool, to
 * /health, the site, projections and appends: on two cores, with the costliest queries from 8 clients,
 * /health's p99 was 4.1× its idle one with two heavy executions at once, 2.2–2.6× with one (bench abuse).
 * Executions run a few more at once, their statements in turn, so that a query waits behind one heavy
 * statement, not a heavy execution; light ones (few rows read) have every core. PGlite has one connection
 * for everything: one statement at a time.
 */
export const defaultGraphqlLimits = (dialect: SqlClient['dialect']): GraphqlLimits => ({
  executions: dialect === 'postgresql' ? Math.max(8, 2 * availableParallelism()) : 2,
  queue: 16,
  maxWaitMs: 2_000,
  timeoutMs: 5_000,
  queriesAtOnce: 2,
  statements: dialect === 'postgresql' ? Math.max(1, Math.floor(availableParallelism() / 2)) : 1,
  lightStatements: dialect === 'postgresql' ? Math.max(8, 4 * availableParallelism()) : 1,
  // A page of 50 from an index with its count on a ledger of ~100,000 rows costs ~3,000.
  lightCost: 5_000,
});

/** Tokens in one document: the largest query the cost limit could allow is far smaller; parsing stays cheap. */
const MAX_TOKENS = 20_000;

export interface GraphqlOptions {
  /** The contexts whose fragments and resolvers make the schema. */
  readonly contexts: readonly ApiContext[];
  readonly client: SqlClient;
  /** PostgreSQL schema of the read models (here `schema` alone is GraphQL's). */
  readonly dbSchema: string;
  readonly changes: ChangeFeed;
  readonly graphiql: boolean;
  readonly webSocketLimits?: Partial<WebSocketLimits>;
  readonly limits?: Partial<GraphqlLimits>;
}

const notGraphqlText = () =>
  new mercurius.ErrorWithProps('Το ερώτημα πρέπει να είναι κείμενο GraphQL / The query must be GraphQL text', { code: 'OD_INVALID_QUERY' }, 400);

export const graphqlPlugin: FastifyPluginAsync<GraphqlOptions> = async (app, options) => {
  const classification = parseClassification(await readFile(kae2014Url, 'utf8'));
  const { resolvers, loaders } = composeResolvers(options.contexts, { client: options.client, schema: options.dbSchema, classification, readModelPosition: options.changes.position });
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
  const limits = { ...defaultGraphqlLimits(options.client.dialect), ...options.limits };
  const gate = createExecutionGate({ concurrency: limits.executions, queue: limits.queue, maxWaitMs: limits.maxWaitMs });
  // Waiting for a statement's turn is bounded by the execution's own time, not by this gate.
  const statementGate = (concurrency: number) => createExecutionGate({ concurrency, queue: Number.MAX_SAFE_INTEGER, maxWaitMs: limits.timeoutMs + 1_000 });
  const heavyStatements = statementGate(limits.statements);
  const lightStatements = statementGate(limits.lightStatements);
  const rows = await trackRowEstimates({ client: options.client, schema: options.dbSchema, position: options.changes.position });
  await app.register(mercurius, {
    schema: composeSdl(options.contexts),
    resolvers: { ...resolvers, Decimal: decimalScalar },
    loaders,
    path: '/graphql',
    graphiql: options.graphiql,
    validationRules: [createDepthAndCostRule(rows.current)],
    graphql: { parseOptions: { maxTokens: MAX_TOKENS } },
    errorFormatter: formatGraphqlErrors,
    // The client's going away, as a signal the execution's queries and its place in the queue listen to.
    context: (_request, reply) => {
      const gone = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) gone.abort();
      });
      return { gone: gone.signal };
    },
    // Compiled execution after a query's first run: a 3,000-line budget is 20,000 fields to resolve.
    jit: 1,
    additionalRouteOptions: { config: { webSocket: subscriptions.handler } },
  });

  // Mercurius takes a `query` that does not parse for a JSON syntax tree: only parsed text is a query here.
  app.graphql.addHook('preValidation', async (_schema, document) => {
    if (!(document.loc?.source instanceof Source)) throw notGraphqlText();
  });

  // Priced again over today's sizes (a query text is validated once, the ledger grows), then a turn waited
  // for, then the execution's budget: its queries within its time, cancelled when the client goes away.
  app.graphql.addHook('preExecution', async (graphqlSchema, document, context) => {
    const { errors: [refusal], cost } = measureDocument(graphqlSchema, document, rows.current());
    if (refusal) throw new mercurius.ErrorWithProps(refusal.message, refusal.extensions, 400);
    const gone = (context as { gone?: AbortSignal }).gone;
    let release: () => void;
    try {
      release = await gate.acquire(gone);
    } catch (error) {
      if (isExecutionStopped(error) && error.retryAfterSeconds !== null) context.reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
    const heavy = cost > limits.lightCost;
    const budget = createExecutionBudget({
      client: options.client,
      timeoutMs: limits.timeoutMs,
      queriesAtOnce: heavy ? 1 : limits.queriesAtOnce,
      statements: heavy ? heavyStatements : lightStatements,
      signal: gone,
    });
    context.db = budget;
    // The turn is given back once the answer is out and nothing of the execution runs any more.
    context.reply.raw.once('close', () => {
      budget.stop('OD_CLIENT_GONE');
      void budget.drained().then(release);
    });
  });

  app.graphql.addHook('onResolution', async (execution, context) => {
    if (execution.errors && execution.errors.length > 0) refuseToCache(context.reply.request);
  });
};
