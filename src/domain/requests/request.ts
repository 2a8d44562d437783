// A service request's life, as a decider: submitted (open) → closed, reopened, closed again; supported (+1)
// while open. A command that changes nothing (a repeated click) decides no event; one the state forbids is refused.
import { requestsErrors } from './errors.ts';
import type { RequestEvent, RequestStatus, RequestSubmitted } from './events.ts';

export interface ServiceRequest {
  readonly status: RequestStatus | 'none';
  readonly submitted: RequestSubmitted['data'] | null;
  readonly statusNotes: string | null;
  readonly supports: number;
}

export const initialRequest = (): ServiceRequest => ({ status: 'none', submitted: null, statusNotes: null, supports: 0 });

export const evolveRequest = (state: ServiceRequest, event: RequestEvent): ServiceRequest => {
  switch (event.type) {
    case 'RequestSubmitted':
      return { ...state, status: 'open', submitted: event.data };
    case 'RequestStatusChanged':
      return { ...state, status: event.data.status, statusNotes: event.data.statusNotes };
    case 'RequestSupported':
      return { ...state, supports: state.supports + 1 };
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

export interface ChangeRequestStatus {
  readonly status: RequestStatus;
  readonly statusNotes: string | null;
  /** Who answers for it now; the type's department unless it was handed on. */
  readonly agency?: string;
  readonly at: string;
}

export const changeRequestStatus = (state: ServiceRequest, c: ChangeRequestStatus): RequestEvent[] => {
  const submitted = existing(state);
  if (!(['open', 'closed'] as const).includes(c.status)) throw requestsErrors.OD_REQUEST_STATUS_INVALID();
  if (state.status === c.status && state.statusNotes === c.statusNotes) return [];
  return [{ type: 'RequestStatusChanged', data: { requestId: submitted.requestId, status: c.status, statusNotes: c.statusNotes, agency: c.agency ?? submitted.agency, at: c.at } }];
};

/** +1 from someone with the same problem; a closed request takes none. */
export const supportRequest = (state: ServiceRequest, c: { readonly at: string }): RequestEvent[] => {
  const submitted = existing(state);
  if (state.status === 'closed') throw requestsErrors.OD_REQUEST_CLOSED();
  return [{ type: 'RequestSupported', data: { requestId: submitted.requestId, at: c.at } }];
};
