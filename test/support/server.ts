// A whole read side and app on a test ledger: projections caught up, change feed, fastify (not listening
// unless asked). Closing it stops everything it started.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import type { AppSettings } from '../../src/api/app.ts';
import type { EventStore } from '../../src/eventstore/port.ts';
import type { SqlClient } from '../../src/eventstore/sql/client.ts';
import type { ChangeFeed } from '../../src/projections/shared/changeFeed.ts';
import { startChangeFeed } from '../../src/projections/shared/changeFeed.ts';
import { apiContexts, allProjections, webContexts } from '../../src/contexts.ts';
import type { ProjectionRunner } from '../../src/projections/shared/runner.ts';
import { startProjections } from '../../src/projections/shared/runner.ts';

export interface TestServer {
  readonly app: FastifyInstance;
  readonly runner: ProjectionRunner;
  readonly changes: ChangeFeed;
  /** ws:// and http:// base URLs once `listen` has run. */
  readonly listen: () => Promise<{ http: string; ws: string }>;
  readonly close: () => Promise<void>;
}

export const startTestServer = async (
  target: { client: SqlClient; store: EventStore; schema: string },
  settings: Partial<AppSettings> = {},
): Promise<TestServer> => {
  const runner = await startProjections({ client: target.client, store: target.store, schema: target.schema, projections: allProjections });
  await runner.caughtUp;
  const changes = await startChangeFeed(target.client, target.schema);
  const app = await buildApp({ api: apiContexts, store: target.store, client: target.client, schema: target.schema, changes, runner, settings: { rateLimitPerMinute: 0, ...settings }, web: webContexts });
  return {
    app,
    runner,
    changes,
    async listen() {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      return { http: address, ws: address.replace('http', 'ws') };
    },
    async close() {
      await app.close();
      await changes.close();
      await runner.stop();
    },
  };
};

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export const eventually = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not reached in ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
