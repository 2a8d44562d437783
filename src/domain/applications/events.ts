// The applications context (αιτήσεις): what a citizen or company asked of the municipality through a service
// of the catalogue (config/services/), and every step of its handling. One personal stream per application,
// `application-<id>`: the form's values, messages and reasons travel sealed with the applicant's key, so an
// erased applicant's applications become unreadable. The documents issued have a public face besides
// (src/domain/applications/documents.ts): their digest and protocol number, never the holder.
import type { SealedText } from '../identity/index.ts';

/** An uploaded file kept with the application: what it is, and the digest of the stored bytes. */
export interface AttachmentRef {
  readonly kind: string;
  readonly fileId: string;
  readonly format: 'pdf' | 'jpeg' | 'png';
  readonly sha256: string;
  readonly bytes: number;
}

/** What the applicant wrote, sealed: the form's values (normalised strings). */
export interface SubmittedDetails {
  readonly fields: Readonly<Record<string, string>>;
}

export interface ApplicationSubmitted {
  readonly type: 'ApplicationSubmitted';
  readonly data: {
    readonly applicationId: string;
    readonly subjectId: string;
    readonly applicantKind: 'person' | 'company';
    readonly service: string;
    readonly department: string;
    readonly submittedAt: string;
    /** The legal deadline: the working day by which it must be answered. */
    readonly dueOn: string;
    readonly attachments: readonly AttachmentRef[];
    readonly sealed: SealedText;
  };
}

/** The service's fee, entered as a debt of the applicant (βεβαίωση) and paid like any other. */
export interface FeeRequested {
  readonly type: 'FeeRequested';
  readonly data: { readonly applicationId: string; readonly amount: string; readonly kae: string; readonly year: number; readonly assessment: string; readonly at: string };
}

/** The fee's debt was paid (the debts context's DebtPaid, by card, bank or at the counter). */
export interface FeePaid {
  readonly type: 'FeePaid';
  readonly data: { readonly applicationId: string; readonly receipt: string; readonly at: string };
}

export interface ApplicationAssigned {
  readonly type: 'ApplicationAssigned';
  readonly data: { readonly applicationId: string; readonly staffId: string; readonly at: string; readonly actor: string };
}

export interface InformationRequested {
  readonly type: 'InformationRequested';
  readonly data: { readonly applicationId: string; readonly at: string; readonly actor: string; readonly sealed: SealedText };
}

export interface InformationProvided {
  readonly type: 'InformationProvided';
  readonly data: { readonly applicationId: string; readonly at: string; readonly attachments: readonly AttachmentRef[]; readonly sealed: SealedText };
}

export interface ApplicationApproved {
  readonly type: 'ApplicationApproved';
  /** `staff:<id>`, or `rule:<rule>` for an instant service. */
  readonly data: { readonly applicationId: string; readonly at: string; readonly actor: string };
}

/** Why an application was refused: a rule's code (instant services) and, from staff, their words, sealed. */
export type RejectionCode = 'debt-outstanding' | 'debt-not-paid' | 'debt-unknown' | 'staff';

export interface ApplicationRejected {
  readonly type: 'ApplicationRejected';
  readonly data: { readonly applicationId: string; readonly at: string; readonly actor: string; readonly code: RejectionCode; readonly sealed: SealedText | null };
}

/** What the holder's document says of them, sealed: the verification code is a secret of the holder. */
export interface IssuedDetails {
  readonly verificationCode: string;
  readonly holder: string;
}

export interface ApplicationDocumentIssued {
  readonly type: 'ApplicationDocumentIssued';
  readonly data: {
    readonly applicationId: string;
    readonly documentId: string;
    readonly year: number;
    readonly protocolNumber: number;
    readonly sha256: string;
    /** Keyed hash of the verification code: the code is looked up by it, never kept in the clear. */
    readonly codeHash: string;
    readonly issuedAt: string;
    readonly sealed: SealedText;
  };
}

export interface ApplicationWithdrawn {
  readonly type: 'ApplicationWithdrawn';
  readonly data: { readonly applicationId: string; readonly at: string };
}

export type ApplicationEvent =
  | ApplicationSubmitted
  | FeeRequested
  | FeePaid
  | ApplicationAssigned
  | InformationRequested
  | InformationProvided
  | ApplicationApproved
  | ApplicationRejected
  | ApplicationDocumentIssued
  | ApplicationWithdrawn;

export const applicationStream = (applicationId: string): string => `application-${applicationId}`;
