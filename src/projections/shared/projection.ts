// A projection: read-model tables kept from the event log. Each has a version; a changed version makes the
// runner rebuild it from the log on start. Table names are resolved per generation so that a rebuild can
// fill fresh tables while the current ones keep serving, then swap them in.
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';

/** Qualified table names of one projection, keyed by base name (e.g. "od_transactions"). */
export type Tables = Readonly<Record<string, string>>;

export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Base names of the tables this projection owns. */
  readonly tables: readonly string[];
  /** Creates the tables under the given names, with their primary keys. */
  readonly create: (tables: Tables) => string;
  /** Creates the secondary indexes (unnamed: names follow the table). A rebuild adds them after filling. */
  readonly indexes: (tables: Tables) => string;
  /** Applies a batch of events in global order, inside the runner's transaction. */
  readonly apply: (tx: SqlExecutor, tables: Tables, events: readonly ProjectedEvent[]) => Promise<void>;
}

/** What a context brings to the read side: its projections, in the order a batch is applied to them. */
export interface ProjectionsContext {
  readonly name: string;
  readonly projections: readonly Projection[];
}
