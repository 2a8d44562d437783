// Decided events → the batches of one atomic appendBatches: at most `size` events each, grouped by
// stream in their order, each stream expected at the revision the import read, then at what it appended.
// Revisions are looked up as each batch is made: when the append runs while the file is being decided, a
// stream is read from the store only when a row first needs it, always before any of its events get here.
import type { EventToAppend, MetadataInput, StreamAppend } from '../eventstore/port.ts';
import type { StoredRevisions } from './aggregateCache.ts';
import type { SpooledEvent } from './spool.ts';

export async function* batchesOf(
  /** In order, some at a time. */
  events: AsyncIterable<readonly SpooledEvent[]>,
  revisions: StoredRevisions,
  metadata: MetadataInput,
  /** Appended with the last batch: the import's own record, in the same unit as the movements; asked for once the events end. */
  last: () => StreamAppend,
  size: number,
): AsyncGenerator<StreamAppend[]> {
  const appended = new Map<string, number>();
  let batch = new Map<string, EventToAppend[]>();
  let count = 0;

  const take = (): StreamAppend[] => {
    const appends = [...batch].map(([stream, list]): StreamAppend => {
      const revision = (revisions.get(stream) ?? -1) + (appended.get(stream) ?? 0);
      appended.set(stream, (appended.get(stream) ?? 0) + list.length);
      return { stream, events: list, expectedRevision: revision === -1 ? 'no_stream' : revision };
    });
    batch = new Map();
    count = 0;
    return appends;
  };

  for await (const some of events) {
    for (const { stream, id, type, data } of some) {
      const list = batch.get(stream) ?? [];
      if (list.length === 0) batch.set(stream, list);
      list.push({ id, type, data, metadata });
      if (++count >= size) yield take();
    }
  }
  // The import's record in a batch of its own: made once every event of the file is appended, it can say
  // what was written (appendedRows.ts).
  if (count > 0) yield take();
  yield [last()];
}
