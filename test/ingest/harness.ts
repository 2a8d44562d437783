// What the import tests share: a fresh ledger on the suite's database (the shared PGlite, or PostgreSQL
// with DATABASE_URL), files as streams of chunks, and reports reduced to what the tests compare.
import type { LedgerEvent } from '../../src/domain/index.ts';
import { ledgerEventSchemas } from '../../src/domain/index.ts';
import type { RecordedEvent } from '../../src/eventstore/port.ts';
import type { SqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import type { ImportOptions, ImportReport } from '../../src/ingest/importFile.ts';
import { importFile } from '../../src/ingest/importFile.ts';
import type { EventStore } from '../../src/eventstore/port.ts';
import { createTestSchema } from '../support/database.ts';

export interface Ledger {
  readonly store: SqlEventStore;
  dispose(): Promise<void>;
}

export const openLedger = async (): Promise<Ledger> => {
  const db = await createTestSchema();
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas });
  return {
    store,
    async dispose() {
      await store.close();
      await db.drop();
    },
  };
};

/** Runs a test body on a fresh ledger, dropped afterwards whatever happens. */
export const withLedger = (body: (store: SqlEventStore) => Promise<void>) => async (): Promise<void> => {
  const ledger = await openLedger();
  try {
    await body(ledger.store);
  } finally {
    await ledger.dispose();
  }
};

/** A file as an upload delivers it: in chunks, which may cut a character or a line anywhere. */
export async function* chunksOf(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

export const importBytes = (store: EventStore, bytes: Buffer | string, options: Partial<ImportOptions> = {}, chunkSize?: number): Promise<ImportReport> =>
  importFile(store, chunksOf(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, chunkSize), { kind: 'transactions', fileName: 'test.csv', actor: 'test', ...options });

/** "line:column:code" for each error, the way expectations are written. */
export const errorsOf = (report: ImportReport): string[] => report.errors.map((error) => `${error.line}:${error.column ?? ''}:${error.code}`);

export const allEvents = async (store: EventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for (let page = await store.readAll({ maxCount: 5_000 }); page.length > 0; page = await store.readAll({ fromPosition: page.at(-1)!.position, maxCount: 5_000 })) {
    events.push(...page);
  }
  return events;
};

/** A stream's events as the domain's types (the store holds only what the domain decided). */
export const streamEvents = async <E extends LedgerEvent>(store: EventStore, stream: string): Promise<E[]> => {
  const events: E[] = [];
  for (let page = await store.readStream(stream, { maxCount: 5_000 }); page.length > 0; page = await store.readStream(stream, { fromRevision: page.at(-1)!.revision + 1, maxCount: 5_000 })) {
    events.push(...page.map((event) => ({ type: event.type, data: event.data }) as E));
  }
  return events;
};
