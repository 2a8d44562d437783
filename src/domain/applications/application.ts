// An application's life, as a decider: submitted → (fee requested → paid) → assigned → more information
// requested ↔ provided → approved or rejected → document issued; withdrawn by the applicant while open.
// A command that changes nothing (a retry, a repeated click) decides no event; one the state forbids is refused.
import type {
  ApplicationEvent,
  ApplicationSubmitted,
  AttachmentRef,
  FeeRequested,
  RejectionCode,
} from './events.ts';
import { applicationsErrors } from './errors.ts';

export type ApplicationStatus =
  | 'none'
  | 'submitted'
  | 'fee-requested'
  | 'assigned'
  | 'information-requested'
  | 'approved'
  | 'rejected'
  | 'issued'
  | 'withdrawn';

/** Statuses after which nothing more happens to an application. */
export const CLOSED_STATUSES: readonly ApplicationStatus[] = ['rejected', 'issued', 'withdrawn'];

export interface Application {
  readonly status: ApplicationStatus;
  readonly submitted: ApplicationSubmitted['data'] | null;
  readonly fee: FeeRequested['data'] | null;
  readonly feePaid: boolean;
  readonly assignedTo: string | null;
  readonly documentId: string | null;
}

export const initialApplication = (): Application => ({ status: 'none', submitted: null, fee: null, feePaid: false, assignedTo: null, documentId: null });

export const evolveApplication = (state: Application, event: ApplicationEvent): Application => {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return { ...state, status: 'submitted', submitted: event.data };
    case 'FeeRequested':
      return { ...state, status: 'fee-requested', fee: event.data };
    case 'FeePaid':
      return { ...state, status: state.assignedTo ? 'assigned' : 'submitted', feePaid: true };
    case 'ApplicationAssigned':
      return { ...state, status: state.status === 'information-requested' ? state.status : 'assigned', assignedTo: event.data.staffId };
    case 'InformationRequested':
      return { ...state, status: 'information-requested' };
    case 'InformationProvided':
      return { ...state, status: 'assigned' };
    case 'ApplicationApproved':
      return { ...state, status: 'approved' };
    case 'ApplicationRejected':
      return { ...state, status: 'rejected' };
    case 'ApplicationDocumentIssued':
      return { ...state, status: 'issued', documentId: event.data.documentId };
    case 'ApplicationWithdrawn':
      return { ...state, status: 'withdrawn' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const isClosed = (state: Application): boolean => CLOSED_STATUSES.includes(state.status);

/** Whether the fee, if any, stands between the application and its handling. */
export const awaitsFee = (state: Application): boolean => state.fee !== null && !state.feePaid;

const open = (state: Application): ApplicationSubmitted['data'] => {
  if (state.submitted === null) throw applicationsErrors.OD_APPLICATION_UNKNOWN();
  if (isClosed(state)) throw applicationsErrors.OD_APPLICATION_CLOSED();
  return state.submitted;
};

export type SubmitApplication = ApplicationSubmitted['data'];

export const submitApplication = (state: Application, c: SubmitApplication): ApplicationEvent[] =>
  state.status !== 'none' ? [] : [{ type: 'ApplicationSubmitted', data: c }];

export const requestFee = (state: Application, c: Omit<FeeRequested['data'], 'applicationId'>): ApplicationEvent[] => {
  const { applicationId } = open(state);
  if (state.fee !== null) return [];
  return [{ type: 'FeeRequested', data: { applicationId, ...c } }];
};

export const recordFeePaid = (state: Application, c: { readonly receipt: string; readonly at: string }): ApplicationEvent[] => {
  if (state.submitted === null || state.fee === null || state.feePaid) return [];
  // A fee paid after the application closed is still recorded: the money was taken, and the office refunds it.
  return [{ type: 'FeePaid', data: { applicationId: state.submitted.applicationId, ...c } }];
};

export const assignApplication = (state: Application, c: { readonly staffId: string; readonly at: string; readonly actor: string }): ApplicationEvent[] => {
  const { applicationId } = open(state);
  if (state.status === 'approved') throw applicationsErrors.OD_APPLICATION_CLOSED();
  if (awaitsFee(state)) throw applicationsErrors.OD_APPLICATION_FEE_UNPAID();
  if (state.assignedTo === c.staffId) return [];
  return [{ type: 'ApplicationAssigned', data: { applicationId, ...c } }];
};

const assigned = (state: Application): string => {
  const { applicationId } = open(state);
  if (state.assignedTo === null) throw applicationsErrors.OD_APPLICATION_NOT_ASSIGNED();
  if (state.status === 'approved') throw applicationsErrors.OD_APPLICATION_CLOSED();
  return applicationId;
};

export const requestInformation = (state: Application, c: { readonly at: string; readonly actor: string; readonly sealed: string }): ApplicationEvent[] => {
  const applicationId = assigned(state);
  if (state.status === 'information-requested') return [];
  return [{ type: 'InformationRequested', data: { applicationId, ...c } }];
};

export const provideInformation = (state: Application, c: { readonly at: string; readonly attachments: readonly AttachmentRef[]; readonly sealed: string }): ApplicationEvent[] => {
  const { applicationId } = open(state);
  if (state.status !== 'information-requested') throw applicationsErrors.OD_APPLICATION_NO_QUESTION();
  return [{ type: 'InformationProvided', data: { applicationId, ...c } }];
};

/** Approval: by staff once assigned, or by an instant service's rule straight after submission. */
export const approveApplication = (state: Application, c: { readonly at: string; readonly actor: string; readonly byRule: boolean }): ApplicationEvent[] => {
  const { applicationId } = open(state);
  if (state.status === 'approved') return [];
  if (awaitsFee(state)) throw applicationsErrors.OD_APPLICATION_FEE_UNPAID();
  if (!c.byRule) assigned(state);
  // Waiting for the applicant's answer: the decision waits too.
  if (state.status === 'information-requested') throw applicationsErrors.OD_APPLICATION_NOT_ASSIGNED();
  return [{ type: 'ApplicationApproved', data: { applicationId, at: c.at, actor: c.actor } }];
};

export const rejectApplication = (state: Application, c: { readonly at: string; readonly actor: string; readonly code: RejectionCode; readonly sealed: string | null }): ApplicationEvent[] => {
  const { applicationId } = open(state);
  if (state.status === 'approved') throw applicationsErrors.OD_APPLICATION_CLOSED();
  if (c.code === 'staff' && c.sealed === null) throw applicationsErrors.OD_APPLICATION_REASON_REQUIRED();
  return [{ type: 'ApplicationRejected', data: { applicationId, ...c } }];
};

export interface RecordApplicationDocument {
  readonly documentId: string;
  readonly year: number;
  readonly protocolNumber: number;
  readonly sha256: string;
  readonly codeHash: string;
  readonly issuedAt: string;
  readonly sealed: string;
}

export const recordDocument = (state: Application, c: RecordApplicationDocument): ApplicationEvent[] => {
  if (state.status === 'issued') return [];
  const { applicationId } = open(state);
  if (state.status !== 'approved') throw applicationsErrors.OD_APPLICATION_NOT_APPROVED();
  return [{ type: 'ApplicationDocumentIssued', data: { applicationId, ...c } }];
};

export const withdrawApplication = (state: Application, at: string): ApplicationEvent[] => {
  if (state.status === 'withdrawn') return [];
  const { applicationId } = open(state);
  return [{ type: 'ApplicationWithdrawn', data: { applicationId, at } }];
};
