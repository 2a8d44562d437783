// Spooled events → the batches of one atomic appendBatches: at most BATCH_EVENTS events each, grouped by
// stream in their order, each stream expected at the revision the import read, then at what it appended.
import type { EventToAppend, MetadataInput, StreamAppend } from '../eventstore/port.ts';
import type { StoredRevisions } from './aggregateCache.ts';
import type { SpooledEvent } from './spool.ts';

const BATCH_EVENTS = 2_000;

export async function* batchesOf(
  events: AsyncIterable<SpooledEvent>,
  revisions: StoredRevisions,
  metadata: MetadataInput,
  /** Appended with the last batch: the import's own record, in the same unit as the movements. */
  last: StreamAppend,
): AsyncGenerator<StreamAppend[]> {
  const next = new Map(revisions);
  let batch = new Map<string, EventToAppend[]>();
  let size = 0;

  const take = (): StreamAppend[] => {
    const appends = [...batch].map(([stream, list]): StreamAppend => {
      const revision = next.get(stream) ?? -1;
      next.set(stream, revision + list.length);
      return { stream, events: list, expectedRevision: revision === -1 ? 'no_stream' : revision };
    });
    batch = new Map();
    size = 0;
    return appends;
  };

  for await (const { stream, id, type, data } of events) {
    const list = batch.get(stream) ?? [];
    if (list.length === 0) batch.set(stream, list);
    list.push({ id, type, data, metadata });
    if (++size >= BATCH_EVENTS) yield take();
  }
  yield [...take(), last];
}
