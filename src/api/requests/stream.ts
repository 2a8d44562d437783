// Reading a service request's public stream into its state, and deciding on it: load, decide, append at the
// revision read, so two clerks acting at once (or a clerk and a reporter) cannot both succeed on what only one
// of them saw. A conflict is retried once on the fresh state: most commands (a support, a reply) still hold.
import type { RequestEvent, RequestNoteEvent, ServiceRequest } from '../../domain/index.ts';
import { evolveRequest, initialRequest, requestsErrors, streams } from '../../domain/index.ts';
import { ExpectedRevisionConflict } from '../../eventstore/errors.ts';
import type { EventStore } from '../../eventstore/port.ts';

export interface LoadedRequest {
  readonly state: ServiceRequest;
  readonly revision: number;
}

export const loadRequest = async (store: EventStore, requestId: string): Promise<LoadedRequest> => {
  const events = await store.readStream(streams.request(requestId));
  let state = initialRequest();
  for (const e of events) state = evolveRequest(state, { type: e.type, data: e.data } as RequestEvent);
  return { state, revision: events.at(-1)?.revision ?? -1 };
};

/**
 * Decides on the request's current state and appends what was decided; answers the new state. `actor` goes
 * into the events' metadata (`staff:<id>`, `citizen`, `open311`): who moved it is kept, not published as data.
 */
export const decideOnRequest = async (
  store: EventStore,
  requestId: string,
  actor: string,
  decide: (state: ServiceRequest) => RequestEvent[] | Promise<RequestEvent[]>,
): Promise<ServiceRequest> => {
  for (let attempt = 0; ; attempt++) {
    const { state, revision } = await loadRequest(store, requestId);
    if (state.submitted === null) throw requestsErrors.OD_REQUEST_UNKNOWN();
    const events = await decide(state);
    if (events.length === 0) return state;
    try {
      await store.append(streams.request(requestId), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor } })), { expectedRevision: revision });
      return events.reduce(evolveRequest, state);
    } catch (error) {
      if (!(error instanceof ExpectedRevisionConflict) || attempt > 0) throw error;
    }
  }
};

/** An internal note, in the request's staff-only stream (never public, never in the log). */
export const appendNote = async (store: EventStore, events: readonly RequestNoteEvent[], actor: string): Promise<void> => {
  if (events.length === 0) return;
  await store.append(streams.requestNotes(events[0]!.data.requestId), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor } })));
};
