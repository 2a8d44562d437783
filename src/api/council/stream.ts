// Reading a body's and a session's streams into their states, and deciding on them: load, decide, append at
// the revisions read, so two secretaries recording at once cannot both succeed on what only one of them saw.
// A result writes to both streams in one append (the decision number in the body's, the result in the
// session's): all or nothing, so a number is never lost nor given twice. A conflict is retried once.
import type { Body, BodyEvent, Session, SessionEvent } from '../../domain/index.ts';
import { councilErrors, evolveBody, evolveSession, initialBody, initialSession, streams } from '../../domain/index.ts';
import { ExpectedRevisionConflict } from '../../eventstore/errors.ts';
import type { EventStore, StreamAppend } from '../../eventstore/port.ts';

export interface Loaded<S> {
  readonly state: S;
  readonly revision: number;
}

export const loadBody = async (store: EventStore, bodyId: string): Promise<Loaded<Body>> => {
  const events = await store.readStream(streams.councilBody(bodyId));
  return { state: events.reduce((s, e) => evolveBody(s, { type: e.type, data: e.data } as BodyEvent), initialBody()), revision: events.at(-1)?.revision ?? -1 };
};

export const loadSession = async (store: EventStore, sessionId: string): Promise<Loaded<Session>> => {
  const events = await store.readStream(streams.councilSession(sessionId));
  return { state: events.reduce((s, e) => evolveSession(s, { type: e.type, data: e.data } as SessionEvent), initialSession()), revision: events.at(-1)?.revision ?? -1 };
};

const expected = (revision: number) => (revision < 0 ? ('no_stream' as const) : revision);
const withActor = (events: readonly (BodyEvent | SessionEvent)[], actor: string) => events.map((e) => ({ type: e.type, data: e.data, metadata: { actor } }));

const retryingOnce = async <T>(attempt: () => Promise<T>): Promise<T> => {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof ExpectedRevisionConflict)) throw error;
    return attempt();
  }
};

/** Decides on a body alone (its terms, factions, posts). `actor` is kept in the metadata: `staff:<id>`, `import:<id>`. */
export const decideOnBody = (store: EventStore, bodyId: string, actor: string, decide: (body: Body) => BodyEvent[]): Promise<Body> =>
  retryingOnce(async () => {
    const { state, revision } = await loadBody(store, bodyId);
    const events = decide(state);
    if (events.length > 0) await store.append(streams.councilBody(bodyId), withActor(events, actor), { expectedRevision: expected(revision) });
    return events.reduce(evolveBody, state);
  });

/** What a session's command decides: its own events, and the body's (a decision number) when a result is given. */
export interface SessionDecision {
  readonly session: readonly SessionEvent[];
  readonly body?: readonly BodyEvent[];
}

/**
 * Decides on a session against its body. A new session names its body (`bodyId`); a known one is read for it.
 * Answers the session's new state.
 */
export const decideOnSession = (
  store: EventStore,
  target: { readonly sessionId: string; readonly bodyId?: string },
  actor: string,
  decide: (session: Session, body: Body) => SessionDecision | readonly SessionEvent[],
): Promise<Session> =>
  retryingOnce(async () => {
    const session = await loadSession(store, target.sessionId);
    const bodyId = session.state.convened?.bodyId ?? target.bodyId;
    if (bodyId === undefined) throw councilErrors.OD_COUNCIL_SESSION_UNKNOWN();
    const body = await loadBody(store, bodyId);
    if (body.state.bodyId === null) throw councilErrors.OD_COUNCIL_BODY_UNKNOWN({ bodyId });
    const decided = decide(session.state, body.state);
    const { session: sessionEvents, body: bodyEvents = [] } = Array.isArray(decided) ? { session: decided as readonly SessionEvent[] } : (decided as SessionDecision);
    const appends: StreamAppend[] = [];
    if (bodyEvents.length > 0) appends.push({ stream: streams.councilBody(bodyId), events: withActor(bodyEvents, actor), expectedRevision: expected(body.revision) });
    if (sessionEvents.length > 0) appends.push({ stream: streams.councilSession(target.sessionId), events: withActor(sessionEvents, actor), expectedRevision: expected(session.revision) });
    if (appends.length > 0) await store.appendMany(appends);
    return sessionEvents.reduce(evolveSession, session.state);
  });
