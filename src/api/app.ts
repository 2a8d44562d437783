// The fastify app as a tree of plugins, one per concern. Tests build it with their own dependencies and
// use app.inject(): no globals, no ports.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { EventStore } from '../eventstore/port.ts';
import type { SqlClient } from '../eventstore/sql/client.ts';
import type { ChangeFeed } from '../projections/shared/changeFeed.ts';
import type { ProjectionRunner } from '../projections/shared/runner.ts';
import { graphqlPlugin } from './shared/graphql/plugin.ts';
import type { GraphqlLimits } from './shared/graphql/plugin.ts';
import { healthPlugin } from './shared/health.ts';
import { livePlugin } from './shared/live.ts';
import { metricsPlugin } from './shared/metrics.ts';
import { restPlugin } from './shared/rest/restPlugin.ts';
import { securityPlugin } from './shared/security.ts';
import { sessionsPlugin } from './shared/sessions/index.ts';
import { websocketsPlugin } from './shared/websockets.ts';
import type { WebSocketLimits } from './shared/websockets.ts';
import { webPlugin } from '../web/plugin.ts';
import type { WebContext } from '../web/shared/pageRoutes.ts';
import type { ApiContext } from './shared/apiContext.ts';
import type { PersonalData } from '../ingest/personalData.ts';

export interface AppSettings {
  /** Serve GraphiQL at /graphiql (off unless configured: OPENDIMOS_GRAPHIQL=1). */
  readonly graphiql: boolean;
  /** Requests per minute per client address on public routes; 0 turns the limit off (benchmarks). */
  readonly rateLimitPerMinute: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  readonly trustProxy: boolean;
  readonly logger: boolean;
  /** Subscriptions per GraphQL connection, WebSocket connections per address, connection_init timeout. */
  readonly webSocketLimits?: Partial<WebSocketLimits>;
  /** Uncached GraphQL executions at once, their queue and their time (defaults: graphql/plugin.ts). */
  readonly graphqlLimits?: Partial<GraphqlLimits>;
  /** OPENDIMOS_PUBLIC_URL: whether cookies are Secure. */
  readonly publicUrl?: string;
  /** Other origins a form may lead to (logout → TaxisNet), for the Content Security Policy's form-action. */
  readonly formActions?: readonly string[];
  /** Paths whose forms are not checked for CSRF (the development TaxisNet stand-in's own). */
  readonly csrfExempt?: readonly string[];
}

export const defaultSettings: AppSettings = { graphiql: false, rateLimitPerMinute: 600, trustProxy: false, logger: false, publicUrl: 'http://localhost:8080' };

export interface AppDependencies {
  /** The ledger: imports append to it; /health reads its head. */
  readonly store: EventStore;
  /** The database of the read models (PostgreSQL or PGlite). */
  readonly client: SqlClient;
  /** PostgreSQL schema of the read models. */
  readonly schema: string;
  /** Changes to the read models, for the live feed and GraphQL subscriptions. */
  readonly changes: ChangeFeed;
  /** The projection runner of this process, when it runs one (for /metrics). */
  readonly runner?: ProjectionRunner;
  readonly settings?: Partial<AppSettings>;
  /** The API's contexts (src/contexts.ts, from the composition root): GraphQL fragments, resolvers, REST routes. */
  readonly api: readonly ApiContext[];
  /** The site's contexts (src/contexts.ts, from the composition root); none gives the frame's own pages only. */
  readonly web?: readonly WebContext[];
  /** The development TaxisNet stand-in is mounted: every page shows a banner. */
  readonly devBanner?: boolean;
  /** The keyring and subjects, for imports of personal data (debt rolls); such files are refused without them. */
  readonly personal?: PersonalData;
}

/** Paths the API owns besides its contexts' own: unknown addresses there are answered in JSON, not with a page. */
const API_PREFIXES: readonly string[] = ['/api/', '/graphql', '/live', '/health', '/metrics'];

export const buildApp = async (deps: AppDependencies): Promise<FastifyInstance> => {
  const settings = { ...defaultSettings, ...deps.settings };
  const app = Fastify({ logger: settings.logger, bodyLimit: 1_048_576, trustProxy: settings.trustProxy });
  // First: the rate limit, security headers and error bodies reach only routes registered after them.
  await app.register(securityPlugin, {
    rateLimitPerMinute: settings.rateLimitPerMinute,
    formActions: settings.formActions ?? [],
    // The map's tile server, named by the contexts that show maps, and no other host.
    imageSources: (deps.web ?? []).flatMap((w) => w.imageSources ?? []),
  });
  // Before every route: each request's session (or none), and the CSRF check of state-changing ones.
  await app.register(sessionsPlugin, { client: deps.client, schema: deps.schema, publicUrl: settings.publicUrl ?? 'http://localhost:8080', csrfExempt: settings.csrfExempt });
  await app.register(healthPlugin, { store: deps.store });
  await app.register(websocketsPlugin);
  await app.register(graphqlPlugin, { contexts: deps.api, client: deps.client, dbSchema: deps.schema, changes: deps.changes, graphiql: settings.graphiql, webSocketLimits: settings.webSocketLimits, limits: settings.graphqlLimits });
  await app.register(livePlugin, { changes: deps.changes, perAddress: settings.webSocketLimits?.liveConnectionsPerAddress });
  await app.register(restPlugin, { contexts: deps.api, store: deps.store, client: deps.client, schema: deps.schema, ...(deps.personal ? { personal: deps.personal } : {}) });
  await app.register(metricsPlugin, { store: deps.store, client: deps.client, schema: deps.schema, liveClients: () => app.liveClients() });
  await app.register(webPlugin, { client: deps.client, schema: deps.schema, changes: deps.changes, contexts: deps.web ?? [], devBanner: deps.devBanner ?? false, publicUrl: settings.publicUrl, apiPrefixes: [...API_PREFIXES, ...deps.api.flatMap((c) => c.prefixes ?? [])] });
  return app;
};
