// Deciding on one stream (an application's, a service request's): load its events into the state, decide,
// append what was decided at the revision read, so two people acting at once (two clerks, a clerk and the
// citizen) cannot both succeed on what only one of them saw. A conflict is decided once more on the fresh
// state, where most commands (a support, a reply, an assignment) still hold; a second conflict is the
// caller's. The actor (`staff:<id>`, `citizen`, `open311`) is kept in the events' metadata, not as data.
import { ExpectedRevisionConflict } from '../../eventstore/errors.ts';
import type { EventStore } from '../../eventstore/port.ts';

export interface Loaded<S> {
  readonly state: S;
  readonly revision: number;
}

/** What a stream's deciding needs to know of its context. */
export interface StreamModel<S, E extends { readonly type: string; readonly data: unknown }> {
  readonly streamOf: (id: string) => string;
  readonly initial: () => S;
  readonly evolve: (state: S, event: E) => S;
  /** Whether the state is of something that exists; else `unknown()` is thrown before deciding. */
  readonly exists: (state: S) => boolean;
  readonly unknown: () => Error;
}

export const loadStream = async <S, E extends { readonly type: string; readonly data: unknown }>(store: EventStore, model: StreamModel<S, E>, id: string): Promise<Loaded<S>> => {
  const events = await store.readStream(model.streamOf(id));
  let state = model.initial();
  for (const e of events) state = model.evolve(state, { type: e.type, data: e.data } as E);
  return { state, revision: events.at(-1)?.revision ?? -1 };
};

/** Decides on the stream's current state and appends what was decided; answers the new state. */
export const decideOnStream = async <S, E extends { readonly type: string; readonly data: unknown }>(
  store: EventStore,
  model: StreamModel<S, E>,
  id: string,
  actor: string,
  decide: (state: S) => E[] | Promise<E[]>,
): Promise<S> => {
  for (let attempt = 0; ; attempt++) {
    const { state, revision } = await loadStream(store, model, id);
    if (!model.exists(state)) throw model.unknown();
    const events = await decide(state);
    if (events.length === 0) return state;
    try {
      await store.append(model.streamOf(id), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor } })), { expectedRevision: revision });
      return events.reduce(model.evolve, state);
    } catch (error) {
      if (!(error instanceof ExpectedRevisionConflict) || attempt > 0) throw error;
    }
  }
};
