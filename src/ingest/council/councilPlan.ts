// A council's past (or planned) record as commands: bodies with their factions, terms and posts, sessions with
// their agenda, attendance, votes, results and ΑΔΑ. Decided here through the council's own deciders against
// the streams as they stand, so an imported session's events are the very ones the office records live;
// everything is decided in memory first and appended in one unit (all or nothing). What the store already
// holds is not decided again (a body known, a term begun that day, a session convened): a second run adds nothing.
import type { AgendaItem, Body, BodyClassification, BodyEvent, PostRole, Session, SessionEvent, SessionKind, VoteOption } from '../../domain/index.ts';
import {
  assignPost,
  castVote,
  closeSession,
  conveneSession,
  establishBody,
  evolveBody,
  evolveSession,
  formFaction,
  initialBody,
  initialSession,
  joinMember,
  leaveMember,
  postDecision,
  recordArrival,
  recordDeparture,
  resolveItem,
  streams,
  takeItem,
  vacatePost,
} from '../../domain/index.ts';
import type { EventStore, StreamAppend } from '../../eventstore/port.ts';

export interface PlannedBody {
  readonly bodyId: string;
  readonly name: string;
  readonly nameEn: string;
  readonly classification: BodyClassification;
  readonly parentId: string | null;
  readonly factions: readonly { readonly factionId: string; readonly name: string }[];
  readonly members: readonly { readonly personId: string; readonly name: string; readonly factionId: string | null; readonly startDate: string; readonly endDate: string | null }[];
  readonly posts: readonly { readonly role: PostRole; readonly personId: string; readonly startDate: string; readonly endDate: string | null }[];
}

export interface PlannedItem extends AgendaItem {
  /** Each member's vote; none for an item not voted on (yet). */
  readonly votes: readonly { readonly personId: string; readonly option: VoteOption }[];
  /** Resolve it (result and decision number) once voted. */
  readonly resolve: boolean;
  readonly summary: string | null;
  readonly ada: string | null;
}

export interface PlannedSession {
  readonly sessionId: string;
  readonly bodyId: string;
  readonly startsAt: string;
  readonly place: string | null;
  readonly remote: boolean;
  readonly kind: SessionKind;
  readonly streamUrl: string | null;
  readonly items: readonly PlannedItem[];
  /** Who came (and when); a member who left early has `departedAt`, recorded after the items. */
  readonly attendance: readonly { readonly personId: string; readonly arrivedAt: string; readonly departedAt: string | null }[];
  /** Null for a session still to be held: convened only. */
  readonly closedAt: string | null;
}

export interface CouncilPlan {
  readonly bodies: readonly PlannedBody[];
  readonly sessions: readonly PlannedSession[];
}

export interface DecidedPlan {
  readonly appends: readonly StreamAppend[];
  readonly events: number;
  /** Sessions already in the store, left as they are. */
  readonly sessionsKnown: number;
  readonly sessionsNew: number;
}

interface Tracked<S, E> {
  state: S;
  readonly revision: number;
  readonly events: E[];
}

/** A refusal with the place in the plan it came from, for the import's report. */
export class PlanRefusal extends Error {
  constructor(
    readonly where: string,
    readonly refusal: unknown,
  ) {
    super(`${where}: ${refusal instanceof Error ? refusal.message : String(refusal)}`);
    this.name = 'PlanRefusal';
  }
}

const at = <T>(where: string, decide: () => T): T => {
  try {
    return decide();
  } catch (error) {
    throw new PlanRefusal(where, error);
  }
};

/** Decides the whole plan against the store's streams; throws a PlanRefusal at the first refusal, nothing written. */
export const decideCouncilPlan = async (store: EventStore, plan: CouncilPlan): Promise<DecidedPlan> => {
  const bodies = new Map<string, Tracked<Body, BodyEvent>>();
  const body = async (bodyId: string): Promise<Tracked<Body, BodyEvent>> => {
    let tracked = bodies.get(bodyId);
    if (tracked === undefined) {
      const recorded = await store.readStream(streams.councilBody(bodyId));
      tracked = { state: recorded.reduce((s, e) => evolveBody(s, { type: e.type, data: e.data } as BodyEvent), initialBody()), revision: recorded.at(-1)?.revision ?? -1, events: [] };
      bodies.set(bodyId, tracked);
    }
    return tracked;
  };
  const onBody = (tracked: Tracked<Body, BodyEvent>, events: readonly BodyEvent[]) => {
    tracked.events.push(...events);
    tracked.state = events.reduce(evolveBody, tracked.state);
  };

  for (const planned of plan.bodies) {
    const tracked = await body(planned.bodyId);
    const where = `body ${planned.bodyId}`;
    if (tracked.state.bodyId === null) onBody(tracked, at(where, () => establishBody(tracked.state, planned)));
    for (const faction of planned.factions) onBody(tracked, at(`${where}, faction ${faction.factionId}`, () => formFaction(tracked.state, faction)));
    for (const member of planned.members) {
      const w = `${where}, member ${member.personId}`;
      const known = tracked.state.terms.find((t) => t.personId === member.personId && t.startDate === member.startDate);
      if (known === undefined) onBody(tracked, at(w, () => joinMember(tracked.state, member)));
      const term = tracked.state.terms.find((t) => t.personId === member.personId && t.startDate === member.startDate);
      if (member.endDate !== null && term?.endDate === null) onBody(tracked, at(w, () => leaveMember(tracked.state, { personId: member.personId, endDate: member.endDate! })));
    }
    for (const post of planned.posts) {
      const w = `${where}, post ${post.role}`;
      onBody(tracked, at(w, () => assignPost(tracked.state, post)));
      if (post.endDate !== null && tracked.state.posts.get(post.role)?.personId === post.personId) onBody(tracked, at(w, () => vacatePost(tracked.state, { role: post.role, endDate: post.endDate! })));
    }
  }

  const sessions: Tracked<Session, SessionEvent>[] = [];
  const sessionIds: string[] = [];
  let sessionsKnown = 0;
  for (const planned of [...plan.sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const recorded = await store.readStream(streams.councilSession(planned.sessionId));
    if (recorded.length > 0) {
      sessionsKnown++;
      continue;
    }
    const tracked: Tracked<Session, SessionEvent> = { state: initialSession(), revision: -1, events: [] };
    const owner = await body(planned.bodyId);
    const where = `session ${planned.sessionId}`;
    const onSession = (events: readonly SessionEvent[]) => {
      tracked.events.push(...events);
      tracked.state = events.reduce(evolveSession, tracked.state);
    };
    onSession(at(where, () => conveneSession(tracked.state, owner.state, planned)));
    for (const a of planned.attendance) onSession(at(`${where}, attendance ${a.personId}`, () => recordArrival(tracked.state, owner.state, { personId: a.personId, at: a.arrivedAt })));
    for (const item of planned.items) {
      const w = `${where}, item ${item.number}`;
      if (item.votes.length === 0 && !item.resolve) continue;
      onSession(at(w, () => takeItem(tracked.state, { item: item.number, at: planned.attendance[0]?.arrivedAt ?? planned.startsAt })));
      for (const vote of item.votes) onSession(at(`${w}, vote ${vote.personId}`, () => castVote(tracked.state, owner.state, { item: item.number, ...vote })));
      if (!item.resolve) continue;
      const result = at(w, () => resolveItem(tracked.state, owner.state, { item: item.number, summary: item.summary }));
      onBody(owner, result.body);
      onSession(result.session);
      if (item.ada !== null) onSession(at(`${w}, ΑΔΑ`, () => postDecision(tracked.state, { item: item.number, ada: item.ada! })));
    }
    if (planned.closedAt !== null) {
      for (const a of planned.attendance) {
        if (a.departedAt !== null) onSession(at(`${where}, departure ${a.personId}`, () => recordDeparture(tracked.state, { personId: a.personId, at: a.departedAt! })));
      }
      onSession(at(where, () => closeSession(tracked.state, { at: planned.closedAt! })));
    }
    sessions.push(tracked);
    sessionIds.push(planned.sessionId);
  }

  const appends: StreamAppend[] = [];
  const expected = (revision: number) => (revision < 0 ? ('no_stream' as const) : revision);
  for (const [bodyId, tracked] of bodies) {
    if (tracked.events.length > 0) appends.push({ stream: streams.councilBody(bodyId), events: tracked.events.map((e) => ({ type: e.type, data: e.data })), expectedRevision: expected(tracked.revision) });
  }
  sessions.forEach((tracked, i) => {
    appends.push({ stream: streams.councilSession(sessionIds[i]!), events: tracked.events.map((e) => ({ type: e.type, data: e.data })), expectedRevision: 'no_stream' });
  });
  return { appends, events: appends.reduce((n, a) => n + a.events.length, 0), sessionsKnown, sessionsNew: sessions.length };
};

/** Decides and appends the plan in one unit, every event carrying `actor` (`import:<id>`, `fixtures`). */
export const applyCouncilPlan = async (store: EventStore, plan: CouncilPlan, actor: string): Promise<DecidedPlan> => {
  const decided = await decideCouncilPlan(store, plan);
  const appends = decided.appends.map((a) => ({ ...a, events: a.events.map((e) => ({ ...e, metadata: { ...e.metadata, actor } })) }));
  if (appends.length > 0) await store.appendMany(appends);
  return { ...decided, appends };
};
