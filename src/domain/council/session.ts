// A session's life: the convening notice (πρόσκληση) and its agenda, urgent items admitted by a vote,
// attendance, the item under discussion, each member's vote, the result with its decision number, the ΑΔΑ
// once posted, the minutes. Every vote and result is decided against the body: only its members in office
// on the session's day count, vote only when present, and nothing is decided without quorum (απαρτία).
import { normalizeAda } from '../shared/codes/ada.ts';
import type { Body } from './body.ts';
import { isInOffice, membersInOffice, nextDecisionNumber } from './body.ts';
import type { AgendaItem, DecisionNumbered, ItemDocument, ItemResolved, ItemResult, Majority, SessionConvened, SessionEvent, SessionKind, Tally, VoteOption } from './events.ts';
import { councilErrors } from './errors.ts';
import { checkDateTime, checkStreamUrl, dayOf, requireText } from './fields.ts';

export interface ItemState {
  readonly item: AgendaItem;
  readonly urgent: boolean;
  readonly documents: readonly ItemDocument[];
  readonly votes: ReadonlyMap<string, VoteOption>;
  readonly resolved: { readonly result: ItemResult; readonly tally: Tally; readonly decisionNumber: number; readonly decisionYear: number } | null;
  readonly ada: string | null;
}

export interface Session {
  readonly convened: SessionConvened['data'] | null;
  readonly items: ReadonlyMap<number, ItemState>;
  readonly present: ReadonlySet<string>;
  readonly currentItem: number | null;
  readonly closed: boolean;
}

export const initialSession = (): Session => ({ convened: null, items: new Map(), present: new Set(), currentItem: null, closed: false });

/** Quorum: more than half of the members in office present. */
export const quorumOf = (inOffice: number): number => Math.floor(inOffice / 2) + 1;

/** Whether a tally carries an item: simple among those present, absolute and qualified of the members in office. */
export const carries = (majority: Majority, tally: Tally, inOffice: number): boolean => {
  switch (majority) {
    case 'simple':
      return tally.for > tally.against;
    case 'absolute':
      return tally.for > inOffice / 2;
    case 'qualified':
      return tally.for * 3 >= inOffice * 2;
    default: {
      const _exhaustive: never = majority;
      throw new Error(`Unknown majority ${String(_exhaustive)}`);
    }
  }
};

/** The votes of the members in office; those who did not vote are counted absent. */
export const tallyOf = (votes: ReadonlyMap<string, VoteOption>, inOffice: readonly string[]): Tally => {
  const tally = { for: 0, against: 0, blank: 0, present: 0, absent: 0 };
  for (const personId of inOffice) {
    const option = votes.get(personId);
    if (option === undefined) tally.absent++;
    else tally[option]++;
  }
  return tally;
};

const convened = (session: Session): SessionConvened['data'] => {
  if (session.convened === null) throw councilErrors.OD_COUNCIL_SESSION_UNKNOWN();
  return session.convened;
};

const open = (session: Session): SessionConvened['data'] => {
  const notice = convened(session);
  if (session.closed) throw councilErrors.OD_COUNCIL_SESSION_CLOSED();
  return notice;
};

const itemOf = (session: Session, item: number): ItemState => {
  const state = session.items.get(item);
  if (state === undefined) throw councilErrors.OD_COUNCIL_ITEM_UNKNOWN({ item });
  return state;
};

const inOfficeIds = (body: Body, notice: SessionConvened['data']): string[] => membersInOffice(body, dayOf(notice.startsAt)).map((t) => t.personId);

const requireQuorum = (session: Session, inOffice: readonly string[]): void => {
  const present = inOffice.filter((id) => session.present.has(id)).length;
  const needed = quorumOf(inOffice.length);
  if (present < needed) throw councilErrors.OD_COUNCIL_NO_QUORUM({ present, needed });
};

const requireVoter = (session: Session, body: Body, notice: SessionConvened['data'], personId: string): void => {
  if (!isInOffice(body, personId, dayOf(notice.startsAt))) throw councilErrors.OD_COUNCIL_NOT_MEMBER({ personId });
  if (!session.present.has(personId)) throw councilErrors.OD_COUNCIL_MEMBER_ABSENT({ personId });
};

const checkItem = (item: AgendaItem): AgendaItem => ({
  number: item.number,
  title: requireText(item.title, 'title'),
  rapporteur: item.rapporteur?.trim() || null,
  majority: item.majority,
});

export interface ConveneSession {
  readonly sessionId: string;
  readonly startsAt: string;
  readonly place: string | null;
  readonly remote: boolean;
  readonly kind: SessionKind;
  readonly streamUrl: string | null;
  readonly items: readonly AgendaItem[];
}

export const conveneSession = (session: Session, body: Body, input: ConveneSession): SessionEvent[] => {
  if (session.convened !== null) throw councilErrors.OD_COUNCIL_SESSION_EXISTS();
  if (body.bodyId === null) throw councilErrors.OD_COUNCIL_BODY_UNKNOWN({ bodyId: '' });
  if (input.items.some((item, i) => item.number !== i + 1)) throw councilErrors.OD_COUNCIL_AGENDA_INVALID();
  const place = input.place?.trim() || null;
  // A session by circulation (δια περιφοράς) or a remote one has no room; any other needs one.
  if (place === null && !input.remote && input.kind !== 'circulation') throw councilErrors.OD_COUNCIL_TEXT_MISSING({ field: 'place' });
  return [
    {
      type: 'SessionConvened',
      data: {
        sessionId: requireText(input.sessionId, 'sessionId'),
        bodyId: body.bodyId,
        startsAt: checkDateTime(input.startsAt),
        place,
        remote: input.remote,
        kind: input.kind,
        streamUrl: checkStreamUrl(input.streamUrl),
        items: input.items.map(checkItem),
      },
    },
  ];
};

export const attachDocument = (session: Session, input: { readonly item: number; readonly document: ItemDocument }): SessionEvent[] => {
  const notice = convened(session);
  const state = itemOf(session, input.item);
  if (state.documents.some((d) => d.sha256 === input.document.sha256)) return [];
  return [{ type: 'ItemDocumentAttached', data: { sessionId: notice.sessionId, item: input.item, document: input.document } }];
};

/** A κατεπείγον item: admitted when more than half of the members in office vote for taking it. */
export const admitUrgentItem = (
  session: Session,
  body: Body,
  input: { readonly title: string; readonly rapporteur: string | null; readonly majority: Majority; readonly votes: ReadonlyMap<string, VoteOption> },
): SessionEvent[] => {
  const notice = open(session);
  const inOffice = inOfficeIds(body, notice);
  requireQuorum(session, inOffice);
  for (const personId of input.votes.keys()) requireVoter(session, body, notice, personId);
  const tally = tallyOf(input.votes, inOffice);
  if (!carries('absolute', tally, inOffice.length)) throw councilErrors.OD_COUNCIL_URGENT_REFUSED({ for: tally.for, needed: quorumOf(inOffice.length) });
  const item = checkItem({ number: session.items.size + 1, title: input.title, rapporteur: input.rapporteur, majority: input.majority });
  return [{ type: 'UrgentItemAdmitted', data: { sessionId: notice.sessionId, item, tally } }];
};

export const recordArrival = (session: Session, body: Body, input: { readonly personId: string; readonly at: string }): SessionEvent[] => {
  const notice = open(session);
  if (!isInOffice(body, input.personId, dayOf(notice.startsAt))) throw councilErrors.OD_COUNCIL_NOT_MEMBER({ personId: input.personId });
  if (session.present.has(input.personId)) throw councilErrors.OD_COUNCIL_ALREADY_PRESENT({ personId: input.personId });
  return [{ type: 'MemberArrived', data: { sessionId: notice.sessionId, personId: input.personId, at: checkDateTime(input.at) } }];
};

export const recordDeparture = (session: Session, input: { readonly personId: string; readonly at: string }): SessionEvent[] => {
  const notice = open(session);
  if (!session.present.has(input.personId)) throw councilErrors.OD_COUNCIL_MEMBER_ABSENT({ personId: input.personId });
  return [{ type: 'MemberDeparted', data: { sessionId: notice.sessionId, personId: input.personId, at: checkDateTime(input.at) } }];
};

export const takeItem = (session: Session, input: { readonly item: number; readonly at: string }): SessionEvent[] => {
  const notice = open(session);
  itemOf(session, input.item);
  if (session.currentItem === input.item) return [];
  return [{ type: 'ItemTaken', data: { sessionId: notice.sessionId, item: input.item, at: checkDateTime(input.at) } }];
};

export const castVote = (session: Session, body: Body, input: { readonly item: number; readonly personId: string; readonly option: VoteOption }): SessionEvent[] => {
  const notice = open(session);
  const state = itemOf(session, input.item);
  if (state.resolved !== null) throw councilErrors.OD_COUNCIL_ITEM_RESOLVED({ item: input.item });
  requireVoter(session, body, notice, input.personId);
  requireQuorum(session, inOfficeIds(body, notice));
  const cast = state.votes.get(input.personId);
  if (cast === input.option) return [];
  if (cast !== undefined) throw councilErrors.OD_COUNCIL_ALREADY_VOTED({ personId: input.personId, item: input.item });
  return [{ type: 'VoteCast', data: { sessionId: notice.sessionId, item: input.item, personId: input.personId, option: input.option } }];
};

/**
 * The item's result: its tally against the majority it needs, and the body's next decision number of the
 * session's year. Two events, one for each stream, appended together so the number is never lost nor given twice.
 */
export const resolveItem = (session: Session, body: Body, input: { readonly item: number; readonly summary: string | null }): { readonly body: DecisionNumbered[]; readonly session: ItemResolved[] } => {
  const notice = open(session);
  const state = itemOf(session, input.item);
  if (state.resolved !== null) throw councilErrors.OD_COUNCIL_ITEM_RESOLVED({ item: input.item });
  const inOffice = inOfficeIds(body, notice);
  requireQuorum(session, inOffice);
  const tally = tallyOf(state.votes, inOffice);
  const result: ItemResult = carries(state.item.majority, tally, inOffice.length) ? 'passed' : 'failed';
  const decisionYear = Number(notice.startsAt.slice(0, 4));
  const decisionNumber = nextDecisionNumber(body, decisionYear);
  return {
    body: [{ type: 'DecisionNumbered', data: { bodyId: notice.bodyId, year: decisionYear, number: decisionNumber, sessionId: notice.sessionId, item: input.item } }],
    session: [{ type: 'ItemResolved', data: { sessionId: notice.sessionId, item: input.item, result, tally, decisionYear, decisionNumber, summary: input.summary?.trim() || null } }],
  };
};

/** A vote recorded wrongly is corrected by an event (a closed session's minutes too); a decided item's result follows it. */
export const correctVote = (
  session: Session,
  body: Body,
  input: { readonly item: number; readonly personId: string; readonly option: VoteOption; readonly reason: string },
): SessionEvent[] => {
  const notice = convened(session);
  const state = itemOf(session, input.item);
  const cast = state.votes.get(input.personId);
  if (cast === undefined) throw councilErrors.OD_COUNCIL_VOTE_NOT_CAST({ personId: input.personId, item: input.item });
  const reason = input.reason.trim();
  if (reason === '') throw councilErrors.OD_COUNCIL_REASON_MISSING();
  if (cast === input.option) return [];
  const corrected: SessionEvent = { type: 'VoteCorrected', data: { sessionId: notice.sessionId, item: input.item, personId: input.personId, option: input.option, reason } };
  if (state.resolved === null) return [corrected];
  const inOffice = inOfficeIds(body, notice);
  const tally = tallyOf(new Map(state.votes).set(input.personId, input.option), inOffice);
  const result: ItemResult = carries(state.item.majority, tally, inOffice.length) ? 'passed' : 'failed';
  return [corrected, { type: 'ResultCorrected', data: { sessionId: notice.sessionId, item: input.item, result, tally } }];
};

export const postDecision = (session: Session, input: { readonly item: number; readonly ada: string }): SessionEvent[] => {
  const notice = convened(session);
  const state = itemOf(session, input.item);
  if (state.resolved === null) throw councilErrors.OD_COUNCIL_ITEM_NOT_RESOLVED({ item: input.item });
  const ada = normalizeAda(input.ada);
  if (state.ada === ada) return [];
  if (state.ada !== null) throw councilErrors.OD_COUNCIL_ADA_EXISTS({ item: input.item });
  return [{ type: 'DecisionPosted', data: { sessionId: notice.sessionId, item: input.item, ada } }];
};

export const closeSession = (session: Session, input: { readonly at: string }): SessionEvent[] => {
  const notice = convened(session);
  if (session.closed) return [];
  return [{ type: 'SessionClosed', data: { sessionId: notice.sessionId, at: checkDateTime(input.at) } }];
};

export const publishMinutes = (session: Session, input: { readonly document: ItemDocument }): SessionEvent[] => {
  const notice = convened(session);
  return [{ type: 'MinutesPublished', data: { sessionId: notice.sessionId, document: input.document } }];
};

const withItem = (session: Session, item: number, change: (state: ItemState) => ItemState): Session => {
  const state = session.items.get(item);
  if (state === undefined) throw new Error(`Session event for item ${item}, not on the agenda`);
  return { ...session, items: new Map(session.items).set(item, change(state)) };
};

const freshItem = (item: AgendaItem, urgent: boolean): ItemState => ({ item, urgent, documents: [], votes: new Map(), resolved: null, ada: null });

export const evolveSession = (session: Session, event: SessionEvent): Session => {
  switch (event.type) {
    case 'SessionConvened':
      return { ...session, convened: event.data, items: new Map(event.data.items.map((item) => [item.number, freshItem(item, false)])) };
    case 'ItemDocumentAttached':
      return withItem(session, event.data.item, (s) => ({ ...s, documents: [...s.documents, event.data.document] }));
    case 'UrgentItemAdmitted':
      return { ...session, items: new Map(session.items).set(event.data.item.number, freshItem(event.data.item, true)) };
    case 'MemberArrived':
      return { ...session, present: new Set(session.present).add(event.data.personId) };
    case 'MemberDeparted': {
      const present = new Set(session.present);
      present.delete(event.data.personId);
      return { ...session, present };
    }
    case 'ItemTaken':
      return { ...session, currentItem: event.data.item };
    case 'VoteCast':
    case 'VoteCorrected':
      return withItem(session, event.data.item, (s) => ({ ...s, votes: new Map(s.votes).set(event.data.personId, event.data.option) }));
    case 'ItemResolved': {
      const { result, tally, decisionNumber, decisionYear } = event.data;
      return withItem(session, event.data.item, (s) => ({ ...s, resolved: { result, tally, decisionNumber, decisionYear } }));
    }
    case 'ResultCorrected':
      return withItem(session, event.data.item, (s) => (s.resolved === null ? s : { ...s, resolved: { ...s.resolved, result: event.data.result, tally: event.data.tally } }));
    case 'DecisionPosted':
      return withItem(session, event.data.item, (s) => ({ ...s, ada: event.data.ada }));
    case 'SessionClosed':
      return { ...session, closed: true, currentItem: null };
    case 'MinutesPublished':
      return session;
    default: {
      const _exhaustive: never = event;
      throw new Error(`Unknown session event ${JSON.stringify(_exhaustive)}`);
    }
  }
};
