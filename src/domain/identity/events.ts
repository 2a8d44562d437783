// The identity context's citizen events (πολίτες και νομικά πρόσωπα), one stream per subject:
// `citizen-<subjectId>`, where the subject id is random and says nothing of the person. Every personal
// field travels sealed with the subject's own key (see src/eventstore/keyring.ts): the event store, its
// hash chain and any copy of it hold ciphertext only. These streams are personal: no public read model,
// export, feed or the public log ever reads them.

/** Sealed personal fields: opaque to the domain, opened only by the identity context's read side. */
export type SealedText = string;

export type SubjectKind = 'person' | 'company';
export type Language = 'el' | 'en';

/** What TaxisNet says of the subject, sealed in the events that carry it. */
export interface TaxisNetDetails {
  readonly taxid: string;
  readonly userId: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly fatherName: string;
  readonly motherName: string;
  readonly birthYear: number | null;
}

export interface CitizenRegistered {
  readonly type: 'CitizenRegistered';
  readonly data: { readonly subjectId: string; readonly kind: SubjectKind; readonly at: string; readonly sealed: SealedText };
}

/** A login through TaxisNet; `sealed` (new TaxisNet details) only when they changed since the last one. */
export interface CitizenLoggedIn {
  readonly type: 'CitizenLoggedIn';
  readonly data: { readonly subjectId: string; readonly at: string; readonly sealed: SealedText | null };
}

/** An e-mail address given for notices, not yet verified: a link with a one-time token goes to it. */
export interface ContactEmailRequested {
  readonly type: 'ContactEmailRequested';
  /** `tokenHash` is the SHA-256 of the link's token (the token itself is inside `sealed`, for the e-mail). */
  readonly data: { readonly subjectId: string; readonly at: string; readonly tokenHash: string; readonly expiresAt: string; readonly sealed: SealedText };
}

export interface ContactEmailVerified {
  readonly type: 'ContactEmailVerified';
  readonly data: { readonly subjectId: string; readonly at: string; readonly tokenHash: string };
}

export interface ContactEmailRemoved {
  readonly type: 'ContactEmailRemoved';
  readonly data: { readonly subjectId: string; readonly at: string };
}

/** A phone number for notices (optional), or none (`sealed` null). */
export interface ContactPhoneSet {
  readonly type: 'ContactPhoneSet';
  readonly data: { readonly subjectId: string; readonly at: string; readonly sealed: SealedText | null };
}

export interface LanguageChosen {
  readonly type: 'LanguageChosen';
  readonly data: { readonly subjectId: string; readonly at: string; readonly language: Language };
}

/** The account erased at the subject's request (GDPR Art. 17): the key is destroyed with it. */
export interface CitizenErased {
  readonly type: 'CitizenErased';
  readonly data: { readonly subjectId: string; readonly at: string };
}

export type CitizenEvent =
  | CitizenRegistered
  | CitizenLoggedIn
  | ContactEmailRequested
  | ContactEmailVerified
  | ContactEmailRemoved
  | ContactPhoneSet
  | LanguageChosen
  | CitizenErased;

export const citizenStream = (subjectId: string): string => `citizen-${subjectId}`;
