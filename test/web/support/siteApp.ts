// A running app for the site's tests: a fresh schema, a ledger loaded with the given files through the
// import, projections up to date, the change feed, and buildApp with the site's contexts.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/api/app.ts';
import { ledgerEventSchemas } from '../../../src/domain/index.ts';
import type { EventStore } from '../../../src/eventstore/port.ts';
import { openSqlEventStore } from '../../../src/eventstore/sql/sqlEventStore.ts';
import type { ImportReport } from '../../../src/ingest/importFile.ts';
import { importFile } from '../../../src/ingest/importFile.ts';
import type { ChangeFeed } from '../../../src/projections/shared/changeFeed.ts';
import { startChangeFeed } from '../../../src/projections/shared/changeFeed.ts';
import type { Context } from '../../../src/contexts.ts';
import { apiContexts, allProjections, webContexts } from '../../../src/contexts.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import type { TestSchema } from '../../support/database.ts';
import { createTestSchema } from '../../support/database.ts';

export interface SiteFile {
  readonly kind: 'transactions' | 'assets';
  readonly fileName: string;
  readonly content: string | (() => AsyncIterable<Uint8Array>);
}

export interface TestSite {
  readonly app: FastifyInstance;
  readonly store: EventStore;
  readonly db: TestSchema;
  readonly changes: ChangeFeed;
  /** Imports a file as the finance department would (the same code path as POST /api/imports). */
  readonly importText: (file: SiteFile) => Promise<ImportReport>;
  readonly close: () => Promise<void>;
}

export interface SiteOptions {
  readonly files: readonly SiteFile[];
  readonly logger?: boolean;
  /** Requests per minute per client; none by default. */
  readonly rateLimitPerMinute?: number;
  /** Contexts made with the test's schema (the log, with its key), after the public ones. */
  readonly contexts?: (db: TestSchema) => readonly Context[];
  /** More events appended after the files, before the projections catch up (the council's fixtures). */
  readonly seed?: (store: EventStore) => Promise<void>;
}

export const startTestSite = async (options: SiteOptions): Promise<TestSite> => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  const importText = async (file: SiteFile): Promise<ImportReport> => {
    const input = typeof file.content === 'string' ? Readable.from([Buffer.from(file.content, 'utf8')]) : file.content();
    const report = await importFile(store, input, { kind: file.kind, fileName: file.fileName, actor: 'test:web' });
    if (!report.accepted) throw new Error(`${file.fileName} rejected: ${JSON.stringify(report.errors.slice(0, 5))}`);
    return report;
  };
  for (const file of options.files) await importText(file);
  await options.seed?.(store);
  const more = options.contexts?.(db) ?? [];
  const projections = [...allProjections, ...more.flatMap((c) => c.projections?.projections ?? [])];
  const runner = await startProjections({ client: db.client, store, schema: db.schema, projections, onError: (e) => console.error(e) });
  await runner.caughtUp;
  const changes = await startChangeFeed(db.client, db.schema);
  const app = await buildApp({ api: [...apiContexts, ...more.flatMap((c) => (c.api ? [c.api] : []))], store, client: db.client, schema: db.schema, changes, runner, settings: { logger: options.logger ?? false, rateLimitPerMinute: options.rateLimitPerMinute ?? 0 }, web: [...webContexts, ...more.flatMap((c) => (c.web ? [c.web] : []))] });
  await app.ready();
  return {
    app,
    store,
    db,
    changes,
    importText,
    async close() {
      await app.close();
      await changes.close();
      await runner.stop();
      await store.close();
      await db.drop();
    },
  };
};
