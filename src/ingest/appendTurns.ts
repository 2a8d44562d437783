// One import at a time appends to a store from this process. An import on PostgreSQL holds the ledger's
// append lock while it still reads streams on other connections of the pool (appendWhileDeciding.ts); had
// other imports each taken a connection to wait for that lock, a full pool would leave it none to read
// with, and no one could go on. Waiting here holds no connection.
import type { EventStore } from '../eventstore/port.ts';

const lastTurn = new WeakMap<EventStore, Promise<void>>();

/** Runs `append` once the store's earlier appends from this process are done, whatever became of them. */
export const inTurn = async <T>(store: EventStore, append: () => Promise<T>): Promise<T> => {
  const before = lastTurn.get(store) ?? Promise.resolve();
  let done = (): void => {};
  const mine = new Promise<void>((resolve) => (done = resolve));
  lastTurn.set(store, before.then(() => mine));
  await before;
  try {
    return await append();
  } finally {
    done();
  }
};
