// The council context's events (Popolo's model): a public stream per body (`council-body-<id>`: the body,
// its factions, its members' terms and roles, and its decision numbers) and per session
// (`council-session-<id>`: the convening notice, the agenda, attendance, votes, results, ΑΔΑ, minutes).

/** Popolo Organization classification of a body: the council, the municipal committee, a local community. */
export type BodyClassification = 'council' | 'committee' | 'community';
/** Posts of a body: πρόεδρος, αντιπρόεδρος, γραμματέας. */
export type PostRole = 'chair' | 'vice-chair' | 'secretary';
/** Τακτική, έκτακτη, ειδική, δια περιφοράς. */
export type SessionKind = 'regular' | 'extraordinary' | 'special' | 'circulation';
/** Υπέρ, κατά, λευκό, παρών; «absent» is what a member out of the room is counted as, never cast. */
export type VoteOption = 'for' | 'against' | 'blank' | 'present';
/** Simple: more for than against among those present; absolute: more than half of the members in office; qualified: two thirds of them. */
export type Majority = 'simple' | 'absolute' | 'qualified';
export type ItemResult = 'passed' | 'failed';

export interface BodyEstablished {
  readonly type: 'BodyEstablished';
  readonly data: { readonly bodyId: string; readonly name: string; readonly nameEn: string; readonly classification: BodyClassification; readonly parentId: string | null };
}
/** A faction (παράταξη): a Popolo Organization with classification «faction», within its body. */
export interface FactionFormed {
  readonly type: 'FactionFormed';
  readonly data: { readonly bodyId: string; readonly factionId: string; readonly name: string };
}
export interface MemberJoined {
  readonly type: 'MemberJoined';
  readonly data: { readonly bodyId: string; readonly personId: string; readonly name: string; readonly factionId: string | null; readonly startDate: string };
}
export interface MemberLeft {
  readonly type: 'MemberLeft';
  readonly data: { readonly bodyId: string; readonly personId: string; readonly endDate: string };
}
export interface PostAssigned {
  readonly type: 'PostAssigned';
  readonly data: { readonly bodyId: string; readonly role: PostRole; readonly personId: string; readonly startDate: string };
}
export interface PostVacated {
  readonly type: 'PostVacated';
  readonly data: { readonly bodyId: string; readonly role: PostRole; readonly endDate: string };
}
/** The next decision number of the body's year, taken by an item's result: per body per year, no gap. */
export interface DecisionNumbered {
  readonly type: 'DecisionNumbered';
  readonly data: { readonly bodyId: string; readonly year: number; readonly number: number; readonly sessionId: string; readonly item: number };
}
export type BodyEvent = BodyEstablished | FactionFormed | MemberJoined | MemberLeft | PostAssigned | PostVacated | DecisionNumbered;

/** A document of an item (εισήγηση), a PDF uploaded by staff: kept by its digest, served from the uploads. */
export interface ItemDocument {
  readonly documentId: string;
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}
export interface AgendaItem {
  readonly number: number;
  readonly title: string;
  readonly rapporteur: string | null;
  readonly majority: Majority;
}
export interface Tally {
  readonly for: number;
  readonly against: number;
  readonly blank: number;
  readonly present: number;
  readonly absent: number;
}

export interface SessionConvened {
  readonly type: 'SessionConvened';
  readonly data: {
    readonly sessionId: string;
    readonly bodyId: string;
    /** ISO date-time with its offset. */
    readonly startsAt: string;
    readonly place: string | null;
    readonly remote: boolean;
    readonly kind: SessionKind;
    readonly streamUrl: string | null;
    readonly items: readonly AgendaItem[];
  };
}
export interface ItemDocumentAttached {
  readonly type: 'ItemDocumentAttached';
  readonly data: { readonly sessionId: string; readonly item: number; readonly document: ItemDocument };
}
/** A κατεπείγον item, added at the session by the vote that admitted it (kept with it). */
export interface UrgentItemAdmitted {
  readonly type: 'UrgentItemAdmitted';
  readonly data: { readonly sessionId: string; readonly item: AgendaItem; readonly tally: Tally };
}
export interface MemberArrived {
  readonly type: 'MemberArrived';
  readonly data: { readonly sessionId: string; readonly personId: string; readonly at: string };
}
export interface MemberDeparted {
  readonly type: 'MemberDeparted';
  readonly data: { readonly sessionId: string; readonly personId: string; readonly at: string };
}
export interface ItemTaken {
  readonly type: 'ItemTaken';
  readonly data: { readonly sessionId: string; readonly item: number; readonly at: string };
}
export interface VoteCast {
  readonly type: 'VoteCast';
  readonly data: { readonly sessionId: string; readonly item: number; readonly personId: string; readonly option: VoteOption };
}
/** A vote recorded wrongly, corrected: the first stays in the stream. */
export interface VoteCorrected {
  readonly type: 'VoteCorrected';
  readonly data: { readonly sessionId: string; readonly item: number; readonly personId: string; readonly option: VoteOption; readonly reason: string };
}
export interface ItemResolved {
  readonly type: 'ItemResolved';
  readonly data: {
    readonly sessionId: string;
    readonly item: number;
    readonly result: ItemResult;
    readonly tally: Tally;
    readonly decisionYear: number;
    readonly decisionNumber: number;
    readonly summary: string | null;
  };
}
/** A correction of a vote after the result: the result as the corrected votes give it, the number kept. */
export interface ResultCorrected {
  readonly type: 'ResultCorrected';
  readonly data: { readonly sessionId: string; readonly item: number; readonly result: ItemResult; readonly tally: Tally };
}
export interface DecisionPosted {
  readonly type: 'DecisionPosted';
  readonly data: { readonly sessionId: string; readonly item: number; readonly ada: string };
}
export interface SessionClosed {
  readonly type: 'SessionClosed';
  readonly data: { readonly sessionId: string; readonly at: string };
}
export interface MinutesPublished {
  readonly type: 'MinutesPublished';
  readonly data: { readonly sessionId: string; readonly document: ItemDocument };
}
export type SessionEvent =
  | SessionConvened
  | ItemDocumentAttached
  | UrgentItemAdmitted
  | MemberArrived
  | MemberDeparted
  | ItemTaken
  | VoteCast
  | VoteCorrected
  | ItemResolved
  | ResultCorrected
  | DecisionPosted
  | SessionClosed
  | MinutesPublished;

export type CouncilEvent = BodyEvent | SessionEvent;

export const councilBodyStream = (bodyId: string) => `council-body-${bodyId}`;
export const councilSessionStream = (sessionId: string) => `council-session-${sessionId}`;
