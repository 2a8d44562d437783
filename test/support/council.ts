// Deciding on a council session in a test, as the office does: load the body and session, decide, append both.
import type { Body, BodyEvent, Session, SessionEvent } from '../../src/domain/index.ts';
import { evolveBody, evolveSession, initialBody, initialSession, streams } from '../../src/domain/index.ts';
import type { EventStore } from '../../src/eventstore/port.ts';

export const decideOnCouncilSession = async (store: EventStore, sessionId: string, decide: (session: Session, body: Body) => readonly SessionEvent[]): Promise<void> => {
  const sessionEvents = await store.readStream(streams.councilSession(sessionId));
  const session = sessionEvents.reduce((s, e) => evolveSession(s, { type: e.type, data: e.data } as SessionEvent), initialSession());
  const bodyEvents = await store.readStream(streams.councilBody(session.convened!.bodyId));
  const body = bodyEvents.reduce((s, e) => evolveBody(s, { type: e.type, data: e.data } as BodyEvent), initialBody());
  const events = decide(session, body);
  await store.append(streams.councilSession(sessionId), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: 'test' } })), { expectedRevision: sessionEvents.length - 1 });
};

/** Convenes a new session of a body (the session's stream does not exist yet). */
export const decideOnBodyForTest = async (store: EventStore, bodyId: string, sessionId: string, decide: (session: Session, body: Body) => readonly SessionEvent[]): Promise<void> => {
  const bodyEvents = await store.readStream(streams.councilBody(bodyId));
  const body = bodyEvents.reduce((s, e) => evolveBody(s, { type: e.type, data: e.data } as BodyEvent), initialBody());
  const events = decide(initialSession(), body);
  await store.append(streams.councilSession(sessionId), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: 'test' } })), { expectedRevision: 'no_stream' });
};

/** Decides on a body alone (its terms, factions, posts). */
export const decideOnCouncilBody = async (store: EventStore, bodyId: string, decide: (body: Body) => readonly BodyEvent[]): Promise<void> => {
  const bodyEvents = await store.readStream(streams.councilBody(bodyId));
  const body = bodyEvents.reduce((s, e) => evolveBody(s, { type: e.type, data: e.data } as BodyEvent), initialBody());
  await store.append(streams.councilBody(bodyId), decide(body).map((e) => ({ type: e.type, data: e.data, metadata: { actor: 'test' } })), { expectedRevision: bodyEvents.length - 1 });
};
