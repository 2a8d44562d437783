// The citizen's account as an aggregate: what it needs to decide, folded from its stream. Personal fields
// stay sealed here: the decisions (is there an account, is this the pending link, has it expired) need none
// of them in the clear.
import type { CitizenEvent, Language, SealedText, SubjectKind } from './events.ts';
import { identityErrors } from './errors.ts';

export interface CitizenState {
  readonly status: 'none' | 'active' | 'erased';
  readonly subjectId: string | null;
  readonly kind: SubjectKind | null;
  /** The link sent to the newest unverified address, if any. */
  readonly pendingEmail: { readonly tokenHash: string; readonly expiresAt: string } | null;
  readonly language: Language;
}

export const noCitizen: CitizenState = { status: 'none', subjectId: null, kind: null, pendingEmail: null, language: 'el' };

export const evolveCitizen = (state: CitizenState, event: CitizenEvent): CitizenState => {
  switch (event.type) {
    case 'CitizenRegistered':
      return { ...state, status: 'active', subjectId: event.data.subjectId, kind: event.data.kind };
    case 'ContactEmailRequested':
      return { ...state, pendingEmail: { tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt } };
    case 'ContactEmailVerified':
    case 'ContactEmailRemoved':
      return { ...state, pendingEmail: null };
    case 'LanguageChosen':
      return { ...state, language: event.data.language };
    case 'CitizenErased':
      return { ...state, status: 'erased', pendingEmail: null };
    case 'CitizenLoggedIn':
    case 'ContactPhoneSet':
      return state;
  }
};

export const foldCitizen = (events: readonly CitizenEvent[]): CitizenState => events.reduce(evolveCitizen, noCitizen);

const active = (state: CitizenState): string => {
  if (state.status === 'none' || state.subjectId === null) throw identityErrors.OD_ACCOUNT_UNKNOWN();
  if (state.status === 'erased') throw identityErrors.OD_ACCOUNT_ERASED();
  return state.subjectId;
};

export interface RegisterCitizen {
  readonly subjectId: string;
  readonly kind: SubjectKind;
  readonly at: string;
  readonly sealed: SealedText;
}

export const registerCitizen = (state: CitizenState, command: RegisterCitizen): CitizenEvent[] => {
  if (state.status !== 'none') throw identityErrors.OD_ACCOUNT_EXISTS();
  return [{ type: 'CitizenRegistered', data: { subjectId: command.subjectId, kind: command.kind, at: command.at, sealed: command.sealed } }];
};

export const recordLogin = (state: CitizenState, command: { readonly at: string; readonly changedDetails: SealedText | null }): CitizenEvent[] => [
  { type: 'CitizenLoggedIn', data: { subjectId: active(state), at: command.at, sealed: command.changedDetails } },
];

export interface RequestEmail {
  readonly at: string;
  readonly tokenHash: string;
  readonly expiresAt: string;
  /** The address and the link's token, sealed for the subject. */
  readonly sealed: SealedText;
}

export const requestEmail = (state: CitizenState, command: RequestEmail): CitizenEvent[] => [
  { type: 'ContactEmailRequested', data: { subjectId: active(state), at: command.at, tokenHash: command.tokenHash, expiresAt: command.expiresAt, sealed: command.sealed } },
];

/** The link's token must be the newest one sent, and still within its time. */
export const verifyEmail = (state: CitizenState, command: { readonly at: string; readonly tokenHash: string }): CitizenEvent[] => {
  const subjectId = active(state);
  const pending = state.pendingEmail;
  if (!pending || pending.tokenHash !== command.tokenHash || Date.parse(command.at) > Date.parse(pending.expiresAt)) {
    throw identityErrors.OD_EMAIL_LINK_INVALID();
  }
  return [{ type: 'ContactEmailVerified', data: { subjectId, at: command.at, tokenHash: command.tokenHash } }];
};

export const removeEmail = (state: CitizenState, command: { readonly at: string }): CitizenEvent[] => [
  { type: 'ContactEmailRemoved', data: { subjectId: active(state), at: command.at } },
];

export const setPhone = (state: CitizenState, command: { readonly at: string; readonly sealed: SealedText | null }): CitizenEvent[] => [
  { type: 'ContactPhoneSet', data: { subjectId: active(state), at: command.at, sealed: command.sealed } },
];

export const chooseLanguage = (state: CitizenState, command: { readonly at: string; readonly language: string }): CitizenEvent[] => {
  const subjectId = active(state);
  if (command.language !== 'el' && command.language !== 'en') throw identityErrors.OD_LANGUAGE_INVALID();
  return command.language === state.language ? [] : [{ type: 'LanguageChosen', data: { subjectId, at: command.at, language: command.language } }];
};

/** What another context keeps by law about the subject (an unpaid debt, an open application), in both languages. */
export interface ErasureObstacle {
  readonly el: string;
  readonly en: string;
}

export const eraseCitizen = (state: CitizenState, command: { readonly at: string; readonly obstacles: readonly ErasureObstacle[] }): CitizenEvent[] => {
  const subjectId = active(state);
  if (command.obstacles.length > 0) {
    throw identityErrors.OD_ERASURE_BLOCKED({ reasonsEl: command.obstacles.map((o) => o.el).join('· '), reasonsEn: command.obstacles.map((o) => o.en).join('; ') });
  }
  return [{ type: 'CitizenErased', data: { subjectId, at: command.at } }];
};

// Contact details are checked before they are sealed, so the domain sees them once, in the clear, here.
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** An address for notices: trimmed, the domain part in lower case; anything unusable is refused. */
export const normaliseEmail = (text: string): string => {
  const value = text.trim();
  if (value.length > 254 || !EMAIL.test(value)) throw identityErrors.OD_EMAIL_INVALID();
  const at = value.lastIndexOf('@');
  return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
};

/** A Greek number of 10 digits (spaces, dashes and a +30 or 0030 prefix allowed), kept as +30XXXXXXXXXX. */
export const normalisePhone = (text: string): string => {
  const digits = text.replace(/[\s\-().]/g, '').replace(/^(\+30|0030)/, '');
  if (!/^[26]\d{9}$/.test(digits)) throw identityErrors.OD_PHONE_INVALID();
  return `+30${digits}`;
};
