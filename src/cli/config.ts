// Configuration from the environment, checked once at start-up with a message that names the setting.
import { resolve } from 'node:path';
import type { AppSettings } from '../api/app.ts';
import { defaultWebSocketLimits } from '../api/shared/websockets.ts';

export interface Config {
  /** PostgreSQL for events and read models; when absent, PGlite under `dataDir`. */
  readonly databaseUrl: string | null;
  /** EventStoreDB for events (read models stay in PostgreSQL/PGlite). */
  readonly eventStoreUrl: string | null;
  readonly dataDir: string;
  readonly schema: string;
  readonly port: number;
  readonly host: string;
  readonly app: AppSettings;
}

export class ConfigError extends Error {
  readonly code = 'OD_CONFIG';
}

const SCHEMA = /^[a-z_][a-z0-9_]{0,39}$/;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got "${databaseUrl}")`);
  }
  const eventStoreUrl = env.EVENTSTORE_URL?.trim() || null;
  if (eventStoreUrl && !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(eventStoreUrl)) {
    throw new ConfigError(`EVENTSTORE_URL must be an esdb:// connection string (got "${eventStoreUrl}")`);
  }
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a whole number 0-65535 (got "${env.PORT}")`);
  const schema = env.OPENDIMOS_SCHEMA ?? 'opendimos';
  if (!SCHEMA.test(schema)) throw new ConfigError(`OPENDIMOS_SCHEMA must be lower-case letters, digits and _, at most 40 (got "${schema}")`);
  const rateLimit = Number(env.OPENDIMOS_RATE_LIMIT ?? 600);
  if (!Number.isInteger(rateLimit) || rateLimit < 0) {
    throw new ConfigError(`OPENDIMOS_RATE_LIMIT must be a whole number of requests per minute, 0 for none (got "${env.OPENDIMOS_RATE_LIMIT}")`);
  }
  const flag = (name: string): boolean => {
    const value = (env[name] ?? '').trim().toLowerCase();
    if (['', '0', 'false', 'no'].includes(value)) return false;
    if (['1', 'true', 'yes'].includes(value)) return true;
    throw new ConfigError(`${name} must be 1 or 0 (got "${env[name]}")`);
  };
  const count = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number, 0 for no limit (got "${env[name]}")`);
    return value;
  };
  const webSocketLimits = {
    liveConnectionsPerAddress: count('OPENDIMOS_LIVE_PER_ADDRESS', defaultWebSocketLimits.liveConnectionsPerAddress),
    graphqlConnectionsPerAddress: count('OPENDIMOS_GRAPHQL_WS_PER_ADDRESS', defaultWebSocketLimits.graphqlConnectionsPerAddress),
  };
  return {
    app: { graphiql: flag('OPENDIMOS_GRAPHIQL'), rateLimitPerMinute: rateLimit, trustProxy: flag('OPENDIMOS_TRUST_PROXY'), logger: flag('OPENDIMOS_LOG'), webSocketLimits },
    databaseUrl,
    eventStoreUrl,
    dataDir: resolve(env.OPENDIMOS_DATA ?? './data'),
    schema,
    port,
    host: env.HOST ?? '0.0.0.0',
  };
};
