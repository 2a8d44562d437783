// A projection: read-model tables kept from the event log. Each has a version; a changed version makes the
// runner rebuild it from the log on start. Table names are resolved per generation so that a rebuild can
// fill fresh tables while the current ones keep serving, then swap them in.
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlClient, SqlExecutor } from '../../eventstore/sql/client.ts';

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
  /** A faster way to catch up a long way behind (the log's tree at upgrade), range by range; see CatchUp. */
  readonly catchUp?: (run: CatchUp) => Promise<void>;
}

/** What a projection's own catch-up is given: the range to cover, and each range's transaction. */
export interface CatchUp {
  readonly client: SqlClient;
  readonly tables: Tables;
  /** The projection's checkpoint, and the head it is to reach. */
  readonly from: number;
  readonly until: number;
  /**
   * Runs `work` in a transaction that then saves the checkpoint `reached`, if the checkpoint is still `at`;
   * false (nothing written) when something else moved it meanwhile.
   */
  readonly inChunk: (at: number, reached: number, work: (tx: SqlExecutor) => Promise<void>) => Promise<boolean>;
}

/** What a context brings to the read side: its projections, in the order a batch is applied to them. */
export interface ProjectionsContext {
  readonly name: string;
  readonly projections: readonly Projection[];
}
