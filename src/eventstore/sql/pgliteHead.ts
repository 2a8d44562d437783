// The ledger's head on PGlite without waiting for the database. PGlite is one process's database, so this
// process's own appends are the only ones: the head it last read or appended is the head. While the worker
// is busy (an export page, a heavy query), /health answers from it rather than queue behind; when the worker
// is idle, or has stopped, it asks the database as before, so a dead database still fails the probe.
import type { AppendResult, EventStore } from '../port.ts';

export interface BusyAware {
  /** Statements are waiting for the database: a new one would wait behind them. */
  readonly busy: () => boolean;
}

export const isBusyAware = (client: object): client is BusyAware => typeof (client as Partial<BusyAware>).busy === 'function';

export const withKnownHead = (store: EventStore, database: BusyAware): EventStore => {
  let known = 0;
  const saw = <R extends AppendResult | readonly AppendResult[]>(results: R): R => {
    for (const result of Array.isArray(results) ? (results as readonly AppendResult[]) : [results as AppendResult]) {
      if (result.lastPosition !== null) known = Math.max(known, result.lastPosition);
    }
    return results;
  };
  return {
    ...store,
    append: async (stream, events, options) => saw(await store.append(stream, events, options)),
    appendMany: async (appends) => saw(await store.appendMany(appends)),
    appendBatches: async (batches, onAppended) => saw(await store.appendBatches(batches, onAppended)),
    async headPosition() {
      if (database.busy() && known > 0) return known;
      known = Math.max(known, await store.headPosition());
      return known;
    },
  };
};
