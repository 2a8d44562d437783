// How projections read the log: through the read models' own transaction when the events live in the same
// database (required on PGlite, whose single connection a transaction holds), else from the store.
import type { EventStore, ProjectedEvent, ReadAllOptions } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { SqlEventStore } from '../../eventstore/sql/sqlEventStore.ts';

export type EventReader = (db: SqlExecutor, options: ReadAllOptions) => Promise<ProjectedEvent[]>;

const isSqlStore = (store: EventStore): store is SqlEventStore => 'readProjectedWith' in store;

export const eventReaderFor = (store: EventStore): EventReader =>
  isSqlStore(store) ? (db, options) => store.readProjectedWith(db, options) : (_db, options) => store.readAll(options);
