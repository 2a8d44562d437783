// A service request's public stream read into its state and decided on (src/api/shared/streamDecider.ts:
// at the revision read, a conflict decided once more), and its staff-only notes.
import type { RequestEvent, RequestNoteEvent, ServiceRequest } from '../../domain/index.ts';
import { evolveRequest, initialRequest, requestsErrors, streams } from '../../domain/index.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { Loaded, StreamModel } from '../shared/streamDecider.ts';
import { decideOnStream, loadStream } from '../shared/streamDecider.ts';

export type LoadedRequest = Loaded<ServiceRequest>;

const requestStream: StreamModel<ServiceRequest, RequestEvent> = {
  streamOf: streams.request,
  initial: initialRequest,
  evolve: evolveRequest,
  exists: (state) => state.submitted !== null,
  unknown: () => requestsErrors.OD_REQUEST_UNKNOWN(),
};

export const loadRequest = (store: EventStore, requestId: string): Promise<LoadedRequest> => loadStream(store, requestStream, requestId);

/**
 * Decides on the request's current state and appends what was decided; answers the new state. `actor` goes
 * into the events' metadata (`staff:<id>`, `citizen`, `open311`): who moved it is kept, not published as data.
 */
export const decideOnRequest = (
  store: EventStore,
  requestId: string,
  actor: string,
  decide: (state: ServiceRequest) => RequestEvent[] | Promise<RequestEvent[]>,
): Promise<ServiceRequest> => decideOnStream(store, requestStream, requestId, actor, decide);

/** An internal note, in the request's staff-only stream (never public, never in the log). */
export const appendNote = async (store: EventStore, events: readonly RequestNoteEvent[], actor: string): Promise<void> => {
  if (events.length === 0) return;
  await store.append(streams.requestNotes(events[0]!.data.requestId), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor } })));
};
