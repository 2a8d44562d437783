// The requests context (αιτήματα προς τις υπηρεσίες, Open311 GeoReport v2): a problem reported to the
// municipality and followed to its fix. Each request has a public stream, `request-<id>`: what is wrong, where,
// its status and notes, its supports (+1, without who). Who reported it is personal and lives apart, in
// `reporter-<id>` (the request's id): the reporter's contact sealed with a subject key of its own, so an
// erasure shreds that key and the public request stays.
import type { SealedText } from '../identity/index.ts';

/** Where the problem is: coordinates (WGS 84), an address as written, or both; `addressId` from a gazetteer. */
export interface RequestLocation {
  readonly lat: number | null;
  readonly long: number | null;
  readonly address: string | null;
  readonly addressId: string | null;
}

export interface RequestSubmitted {
  readonly type: 'RequestSubmitted';
  readonly data: RequestLocation & {
    readonly requestId: string;
    readonly serviceCode: string;
    /** The reporter's words, public: the site and the API say so before sending. */
    readonly description: string;
    readonly mediaUrl: string | null;
    /** Answers to the request type's attributes (`attribute[code]`), list values as several. */
    readonly attributes: Readonly<Record<string, readonly string[]>>;
    readonly agency: string;
    readonly requestedAt: string;
    readonly expectedAt: string | null;
  };
}

/** Open311's two statuses: what GET requests.json answers and filters by. */
export type RequestStatus = 'open' | 'closed';

export const REQUEST_STATUSES: readonly RequestStatus[] = ['open', 'closed'];

/**
 * Where a request stands in the office's words (στάδιο): open (ανοιχτό) → acknowledged (παραλήφθηκε) → in
 * progress (σε εξέλιξη) → fixed (αποκαταστάθηκε) / closed (έκλεισε) / duplicate (διπλή αναφορά) / not municipal
 * (εκτός αρμοδιότητας). The first three are Open311's `open`, the rest its `closed`.
 */
export type RequestStage = 'open' | 'acknowledged' | 'in_progress' | 'fixed' | 'closed' | 'duplicate' | 'not_municipal';

export const REQUEST_STAGES: readonly RequestStage[] = ['open', 'acknowledged', 'in_progress', 'fixed', 'closed', 'duplicate', 'not_municipal'];

export const OPEN_STAGES: readonly RequestStage[] = ['open', 'acknowledged', 'in_progress'];

export const statusOfStage = (stage: RequestStage): RequestStatus => (OPEN_STAGES.includes(stage) ? 'open' : 'closed');

export interface RequestStatusChanged {
  readonly type: 'RequestStatusChanged';
  readonly data: {
    readonly requestId: string;
    readonly status: RequestStatus;
    /** Since schema version 2; a version 1 event reads as the stage of its status (open or closed). */
    readonly stage: RequestStage;
    /** The public word that goes with it (Open311's status_notes). */
    readonly statusNotes: string | null;
    readonly agency: string;
    readonly at: string;
  };
}

/** Someone else has the same problem (+1): counted, never named. */
export interface RequestSupported {
  readonly type: 'RequestSupported';
  readonly data: { readonly requestId: string; readonly at: string };
}

/** Handed to a department (the queue it waits in) and its agency, Open311's agency_responsible. */
export interface RequestAssigned {
  readonly type: 'RequestAssigned';
  readonly data: { readonly requestId: string; readonly department: string; readonly agency: string; readonly at: string };
}

/** A public reply from the service, on the request's page and in Open311's status_notes. */
export interface RequestReplied {
  readonly type: 'RequestReplied';
  readonly data: { readonly requestId: string; readonly text: string; readonly at: string };
}

/** When the service expects to have it fixed (Open311's expected_datetime); null withdraws the date. */
export interface RequestExpectedDateSet {
  readonly type: 'RequestExpectedDateSet';
  readonly data: { readonly requestId: string; readonly expectedAt: string | null; readonly at: string };
}

/**
 * The same problem reported twice: this request closes as a duplicate of `into`, which counts it as a
 * support; its reporter is told of `into`'s progress from then on.
 */
export interface RequestMerged {
  readonly type: 'RequestMerged';
  readonly data: { readonly requestId: string; readonly into: string; readonly agency: string; readonly at: string };
}

/** Its reporter says a request marked fixed is not (within 30 days): open again. */
export interface RequestReopened {
  readonly type: 'RequestReopened';
  readonly data: { readonly requestId: string; readonly reason: string | null; readonly at: string };
}

export type RequestEvent = RequestSubmitted | RequestStatusChanged | RequestSupported | RequestAssigned | RequestReplied | RequestExpectedDateSet | RequestMerged | RequestReopened;

/** The office's internal note on a request: staff-only, so kept in a stream of its own that is never public. */
export interface RequestNoteAdded {
  readonly type: 'RequestNoteAdded';
  readonly data: { readonly requestId: string; readonly text: string; readonly staffId: string; readonly at: string };
}

export type RequestNoteEvent = RequestNoteAdded;

/** What the reporter gave to be told of the fix, sealed: never in a public answer. */
export interface ReporterContact {
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly phone: string | null;
}

export interface ReporterRecorded {
  readonly type: 'ReporterRecorded';
  readonly data: {
    readonly requestId: string;
    readonly subjectId: string;
    readonly at: string;
    readonly sealed: SealedText;
    /** Reported by a citizen logged in with TaxisNet: the subject is their account's (absent: a contact of its own). */
    readonly account?: true;
  };
}

export type ReporterEvent = ReporterRecorded;

export const requestStream = (requestId: string): string => `request-${requestId}`;
export const reporterStream = (requestId: string): string => `reporter-${requestId}`;
export const requestNotesStream = (requestId: string): string => `request-notes-${requestId}`;
