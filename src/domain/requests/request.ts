// A service request's life, as a decider: submitted (open) → acknowledged → in progress → fixed, or closed,
// a duplicate of another, not the municipality's; assigned to a department, replied to in public, given an
// expected date; supported (+1) while open; reopened by its reporter within 30 days of a fix. A command
// that changes nothing (a repeated click) decides no event; one the state forbids is refused.
import { requestsErrors } from './errors.ts';
import type { RequestEvent, RequestStage, RequestSubmitted } from './events.ts';
import { OPEN_STAGES, REQUEST_STAGES, statusOfStage } from './events.ts';

/** How long after a fix its reporter may say it is not fixed. */
export const REOPEN_DAYS = 30;
/** A public reply's and an internal note's limit, as the description's. */
export const REPLY_MAX = 4000;

export interface ServiceRequest {
  readonly stage: RequestStage | 'none';
  readonly submitted: RequestSubmitted['data'] | null;
  readonly statusNotes: string | null;
  readonly supports: number;
  readonly department: string | null;
  readonly agency: string | null;
  readonly expectedAt: string | null;
  /** When it was last marked fixed: the reopening window counts from here. */
  readonly fixedAt: string | null;
  readonly mergedInto: string | null;
}

export const initialRequest = (): ServiceRequest => ({
  stage: 'none',
  submitted: null,
  statusNotes: null,
  supports: 0,
  department: null,
  agency: null,
  expectedAt: null,
  fixedAt: null,
  mergedInto: null,
});

export const evolveRequest = (state: ServiceRequest, event: RequestEvent): ServiceRequest => {
  switch (event.type) {
    case 'RequestSubmitted':
      return { ...state, stage: 'open', submitted: event.data, agency: event.data.agency, expectedAt: event.data.expectedAt };
    case 'RequestStatusChanged':
      return {
        ...state,
        stage: event.data.stage,
        statusNotes: event.data.statusNotes,
        agency: event.data.agency,
        fixedAt: event.data.stage === 'fixed' ? event.data.at : state.fixedAt,
      };
    case 'RequestSupported':
      return { ...state, supports: state.supports + 1 };
    case 'RequestAssigned':
      return { ...state, department: event.data.department, agency: event.data.agency };
    case 'RequestReplied':
      return { ...state, statusNotes: event.data.text };
    case 'RequestExpectedDateSet':
      return { ...state, expectedAt: event.data.expectedAt };
    case 'RequestMerged':
      return { ...state, stage: 'duplicate', mergedInto: event.data.into };
    case 'RequestReopened':
      return { ...state, stage: 'open', fixedAt: null };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export type SubmitRequest = RequestSubmitted['data'];

/** A request is recorded once: the same id again (a retry) decides nothing. */
export const submitRequest = (state: ServiceRequest, c: SubmitRequest): RequestEvent[] => (state.submitted !== null ? [] : [{ type: 'RequestSubmitted', data: c }]);

const existing = (state: ServiceRequest): RequestSubmitted['data'] => {
  if (state.submitted === null) throw requestsErrors.OD_REQUEST_UNKNOWN();
  return state.submitted;
};

const isOpen = (state: ServiceRequest): boolean => state.stage !== 'none' && OPEN_STAGES.includes(state.stage);

const publicText = (text: string | null | undefined, max = REPLY_MAX): string | null => {
  const t = text?.trim() ?? '';
  if (t.length > max) throw requestsErrors.OD_REQUEST_REPLY_TOO_LONG({ max });
  return t === '' ? null : t;
};

export interface ChangeRequestStatus {
  /** The office's stage; an Open311 client's `open`/`closed` are the stages of the same name. */
  readonly stage: RequestStage;
  readonly statusNotes: string | null;
  readonly at: string;
}

/**
 * The office moves a request on. A duplicate is made by merging (it needs the other request); closing one as
 * closed or not the municipality's says why in public, so the reporter knows where to turn.
 */
export const changeRequestStatus = (state: ServiceRequest, c: ChangeRequestStatus): RequestEvent[] => {
  const submitted = existing(state);
  if (!REQUEST_STAGES.includes(c.stage)) throw requestsErrors.OD_REQUEST_STAGE_INVALID();
  if (c.stage === 'duplicate') throw requestsErrors.OD_REQUEST_DUPLICATE_BY_MERGE();
  const statusNotes = publicText(c.statusNotes);
  if ((c.stage === 'not_municipal' || c.stage === 'closed') && statusNotes === null) throw requestsErrors.OD_REQUEST_REASON_REQUIRED();
  if (state.stage === c.stage && (statusNotes === null || statusNotes === state.statusNotes)) return [];
  return [
    {
      type: 'RequestStatusChanged',
      data: { requestId: submitted.requestId, status: statusOfStage(c.stage), stage: c.stage, statusNotes: statusNotes ?? state.statusNotes, agency: state.agency ?? submitted.agency, at: c.at },
    },
  ];
};

/** To a department's queue; `agency` is what Open311 answers as agency_responsible. */
export const assignRequest = (state: ServiceRequest, c: { readonly department: string; readonly agency: string; readonly at: string }): RequestEvent[] => {
  const submitted = existing(state);
  if (state.department === c.department && state.agency === c.agency) return [];
  return [{ type: 'RequestAssigned', data: { requestId: submitted.requestId, department: c.department, agency: c.agency, at: c.at } }];
};

export const replyToRequest = (state: ServiceRequest, c: { readonly text: string; readonly at: string }): RequestEvent[] => {
  const submitted = existing(state);
  const text = publicText(c.text);
  if (text === null) throw requestsErrors.OD_REQUEST_REPLY_REQUIRED();
  return [{ type: 'RequestReplied', data: { requestId: submitted.requestId, text, at: c.at } }];
};

/** The expected date is a promise to the public: never before the request was made. */
export const setExpectedDate = (state: ServiceRequest, c: { readonly expectedAt: string | null; readonly at: string }): RequestEvent[] => {
  const submitted = existing(state);
  if (c.expectedAt !== null && new Date(c.expectedAt).getTime() < new Date(submitted.requestedAt).getTime()) throw requestsErrors.OD_REQUEST_EXPECTED_BEFORE_REQUESTED();
  if (c.expectedAt === state.expectedAt) return [];
  return [{ type: 'RequestExpectedDateSet', data: { requestId: submitted.requestId, expectedAt: c.expectedAt, at: c.at } }];
};

/** This request is the same problem as `target`'s: it closes as its duplicate. Merging into itself, into a
 * duplicate (the chain would hide the living one) or from a closed request is refused. */
export const mergeRequest = (state: ServiceRequest, target: ServiceRequest, c: { readonly at: string }): RequestEvent[] => {
  const submitted = existing(state);
  const into = existing(target);
  if (into.requestId === submitted.requestId) throw requestsErrors.OD_REQUEST_MERGE_INVALID();
  if (state.stage === 'duplicate' && state.mergedInto === into.requestId) return [];
  if (!isOpen(state) || target.stage === 'duplicate') throw requestsErrors.OD_REQUEST_MERGE_INVALID();
  return [{ type: 'RequestMerged', data: { requestId: submitted.requestId, into: into.requestId, agency: target.agency ?? into.agency, at: c.at } }];
};

/** +1 from someone with the same problem; a closed request takes none. */
export const supportRequest = (state: ServiceRequest, c: { readonly at: string }): RequestEvent[] => {
  const submitted = existing(state);
  if (!isOpen(state)) throw requestsErrors.OD_REQUEST_CLOSED();
  return [{ type: 'RequestSupported', data: { requestId: submitted.requestId, at: c.at } }];
};

/** Its reporter, within REOPEN_DAYS of the fix: it is not fixed. */
export const reopenRequest = (state: ServiceRequest, c: { readonly reason: string | null; readonly at: string }): RequestEvent[] => {
  const submitted = existing(state);
  if (state.stage !== 'fixed' || state.fixedAt === null) throw requestsErrors.OD_REQUEST_NOT_FIXED();
  if (new Date(c.at).getTime() - new Date(state.fixedAt).getTime() > REOPEN_DAYS * 86_400_000) throw requestsErrors.OD_REQUEST_REOPEN_TOO_LATE({ days: REOPEN_DAYS });
  return [{ type: 'RequestReopened', data: { requestId: submitted.requestId, reason: publicText(c.reason), at: c.at } }];
};

/** An internal note: staff-only, in the request's notes stream. */
export const noteOnRequest = (state: ServiceRequest, c: { readonly text: string; readonly staffId: string; readonly at: string }) => {
  const submitted = existing(state);
  const text = publicText(c.text);
  if (text === null) throw requestsErrors.OD_REQUEST_REPLY_REQUIRED();
  return [{ type: 'RequestNoteAdded' as const, data: { requestId: submitted.requestId, text, staffId: c.staffId, at: c.at } }];
};
