// The states the rows of a file are decided against: each aggregate (a fiscal year, a supplier, an asset)
// read from the store the first time a row needs it, then evolved with the file's own new events, so
// every row sees the ledger plus the rows before it.
import type { EventStore } from '../eventstore/port.ts';

export type Evolve<State, Event> = (state: State, event: Event) => State;

export interface AggregateCache<State, Event> {
  /** `initial`: the state before the stream's first event. */
  load(stream: string, initial: () => State): Promise<State>;
  /**
   * Loads many streams at once where they are new: one question to the store for the lot, and the new ones
   * start from `initial` with no read each (an import of a roll of new debts). Streams that exist load later.
   */
  preload(streams: readonly string[], initial: () => State): Promise<void>;
  /** The state of a stream already loaded, without waiting (most rows): undefined when not loaded yet. */
  peek(stream: string): State | undefined;
  /** Adds the file's new events to a loaded stream's state. */
  evolve(stream: string, events: readonly Event[]): void;
  /** Revision of the stream's last event, the file's included (-1: none yet). */
  revision(stream: string): number;
}

/** Stream → revision of its last event in the store when the import read it (-1: no stream yet). */
export type StoredRevisions = Map<string, number>;

const PAGE = 10_000;

export const aggregateCache = <State, Event>(
  store: EventStore,
  evolve: Evolve<State, Event>,
  stored: StoredRevisions,
): AggregateCache<State, Event> => {
  const loaded = new Map<string, { state: State; revision: number }>();
  const entry = (stream: string) => {
    const known = loaded.get(stream);
    if (known === undefined) throw new Error(`Stream ${stream} is used before it is loaded`);
    return known;
  };
  return {
    async load(stream, initial) {
      const known = loaded.get(stream);
      if (known !== undefined) return known.state;
      let state = initial();
      let revision = -1;
      for (;;) {
        const page = await store.readStream(stream, { fromRevision: revision + 1, maxCount: PAGE });
        // The store holds only what the domain decided, so its data has the events' shape.
        for (const event of page) state = evolve(state, { type: event.type, data: event.data } as Event);
        revision = page.at(-1)?.revision ?? revision;
        if (page.length < PAGE) break;
      }
      loaded.set(stream, { state, revision });
      stored.set(stream, revision);
      return state;
    },
    async preload(streams, initial) {
      const asked = [...new Set(streams.filter((stream) => !loaded.has(stream)))];
      if (asked.length === 0) return;
      const existing = await store.existingStreams(asked);
      for (const stream of asked) {
        // Loaded meanwhile by a row (preloading may overlap the deciding): what it read stands.
        if (existing.has(stream) || loaded.has(stream)) continue;
        loaded.set(stream, { state: initial(), revision: -1 });
        stored.set(stream, -1);
      }
    },
    peek: (stream) => loaded.get(stream)?.state,
    evolve(stream, events) {
      const known = entry(stream);
      for (const event of events) known.state = evolve(known.state, event);
      known.revision += events.length;
    },
    revision: (stream) => entry(stream).revision,
  };
};
