// A company's representations as an aggregate: the grants of its stream, folded. What staff type is checked
// first (checkGrant: the ΑΦΜ check digits, a company is not its own representative, the texts, the days);
// the grant is then decided on the stream (decideGrant: a company cannot represent, a person is not
// represented, no second grant of the same person over the same days) before anything is sealed or
// written, so a refusal changes nothing. The sealed fields are made afterwards and put in by grantEvent.
import { isValidAfm } from '../shared/codes/afm.ts';
import { identityErrors } from './errors.ts';
import type { SealedText, SubjectKind } from './events.ts';
import type { CalendarDay, RepresentationEvent, RepresentationGranted, RepresentationRevoked, RepresentativePerson, RepresentedCompany } from './representationEvents.ts';

export interface Grant {
  readonly representationId: string;
  readonly representativeSubjectId: string;
  readonly validFrom: CalendarDay;
  readonly validUntil: CalendarDay | null;
  readonly revoked: boolean;
}

export interface RepresentationState {
  readonly grants: readonly Grant[];
}

export const noRepresentation: RepresentationState = { grants: [] };

export const evolveRepresentation = (state: RepresentationState, event: RepresentationEvent): RepresentationState => {
  switch (event.type) {
    case 'RepresentationGranted': {
      const { representationId, representativeSubjectId, validFrom, validUntil } = event.data;
      return { grants: [...state.grants, { representationId, representativeSubjectId, validFrom, validUntil, revoked: false }] };
    }
    case 'RepresentationRevoked':
      return { grants: state.grants.map((g) => (g.representationId === event.data.representationId ? { ...g, revoked: true } : g)) };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const foldRepresentation = (events: readonly RepresentationEvent[]): RepresentationState => events.reduce(evolveRepresentation, noRepresentation);

/** Whether a grant holds on the day: not revoked, begun, not yet past its last day. */
export const grantHolds = (grant: Grant, today: CalendarDay): boolean =>
  !grant.revoked && grant.validFrom <= today && (grant.validUntil === null || today <= grant.validUntil);

/** What a member of staff typed in the form, as typed. */
export interface GrantInput {
  readonly companyTaxid: string;
  readonly companyName: string;
  readonly representativeTaxid: string;
  readonly basis: string;
  readonly evidence: string;
  readonly validFrom: string;
  /** Empty: until revoked. */
  readonly validUntil: string;
}

/** The same, checked and normalised. */
export interface GrantTerms extends RepresentedCompany, RepresentativePerson {
  readonly validFrom: CalendarDay;
  readonly validUntil: CalendarDay | null;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const text = (value: string, max: number, refuse: () => Error): string => {
  const trimmed = value.trim().replace(/\s+/g, ' ').normalize('NFC');
  if (trimmed.length === 0 || [...trimmed].length > max || CONTROL.test(trimmed)) throw refuse();
  return trimmed;
};

const isDay = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** Checks what was typed; `today` is the municipality's day, since a grant already over is refused. */
export const checkGrant = (input: GrantInput, today: CalendarDay): GrantTerms => {
  const companyTaxid = input.companyTaxid.replace(/\s/g, '');
  const representativeTaxid = input.representativeTaxid.replace(/\s/g, '');
  if (!isValidAfm(companyTaxid)) throw identityErrors.OD_COMPANY_TAXID_INVALID();
  if (!isValidAfm(representativeTaxid)) throw identityErrors.OD_REPRESENTATIVE_TAXID_INVALID();
  if (companyTaxid === representativeTaxid) throw identityErrors.OD_REPRESENTATION_SELF();
  const companyName = text(input.companyName, 200, identityErrors.OD_COMPANY_NAME_INVALID);
  const basis = text(input.basis, 200, identityErrors.OD_REPRESENTATION_BASIS_INVALID);
  const evidence = text(input.evidence, 300, identityErrors.OD_REPRESENTATION_EVIDENCE_INVALID);
  const validFrom = input.validFrom.trim();
  const until = input.validUntil.trim();
  if (!isDay(validFrom)) throw identityErrors.OD_REPRESENTATION_DATES_INVALID({ column: 'validFrom' });
  if (until !== '' && (!isDay(until) || until < validFrom || until < today)) throw identityErrors.OD_REPRESENTATION_DATES_INVALID({ column: 'validUntil' });
  return { companyTaxid, companyName, representativeTaxid, basis, evidence, validFrom, validUntil: until === '' ? null : until };
};

const overlap = (a: Pick<Grant, 'validFrom' | 'validUntil'>, b: Pick<Grant, 'validFrom' | 'validUntil'>): boolean =>
  (a.validUntil === null || b.validFrom <= a.validUntil) && (b.validUntil === null || a.validFrom <= b.validUntil);

export interface DecideGrant {
  readonly terms: GrantTerms;
  /** The representative's subject, when the ΑΦΜ has one already (a person never seen has no grants). */
  readonly representativeSubjectId: string | null;
  /** What the two subjects' own accounts say they are; null for one without an account. */
  readonly companyKind: SubjectKind | null;
  readonly representativeKind: SubjectKind | null;
}

/** Refuses a grant the stream and the accounts stand against; returns nothing to write yet. */
export const decideGrant = (state: RepresentationState, command: DecideGrant): void => {
  if (command.representativeKind === 'company') throw identityErrors.OD_REPRESENTATIVE_IS_COMPANY();
  if (command.companyKind === 'person') throw identityErrors.OD_REPRESENTED_IS_PERSON();
  const { terms } = command;
  const same = state.grants.filter((g) => !g.revoked && g.representativeSubjectId === command.representativeSubjectId);
  if (same.some((g) => overlap(g, terms))) throw identityErrors.OD_REPRESENTATION_DUPLICATE();
};

export interface GrantEvent {
  readonly terms: GrantTerms;
  readonly representationId: string;
  readonly companySubjectId: string;
  readonly representativeSubjectId: string;
  readonly grantedBy: string;
  readonly at: string;
  /** `terms`' RepresentedCompany sealed for the company, RepresentativePerson for the representative. */
  readonly sealed: SealedText;
  readonly representativeSealed: SealedText;
}

/** The grant decided by decideGrant, its personal fields sealed. */
export const grantEvent = (command: GrantEvent): RepresentationGranted => ({
  type: 'RepresentationGranted',
  data: {
    representationId: command.representationId,
    companySubjectId: command.companySubjectId,
    representativeSubjectId: command.representativeSubjectId,
    validFrom: command.terms.validFrom,
    validUntil: command.terms.validUntil,
    grantedBy: command.grantedBy,
    at: command.at,
    sealed: command.sealed,
    representativeSealed: command.representativeSealed,
  },
});

/** What of the terms goes under the company's key, and what under the representative's. */
export const sealedParts = (terms: GrantTerms): { readonly company: RepresentedCompany; readonly representative: RepresentativePerson } => ({
  company: { companyTaxid: terms.companyTaxid, companyName: terms.companyName, basis: terms.basis, evidence: terms.evidence },
  representative: { representativeTaxid: terms.representativeTaxid },
});

const grantOf = (state: RepresentationState, representationId: string): Grant => {
  const grant = state.grants.find((g) => g.representationId === representationId);
  if (!grant) throw identityErrors.OD_REPRESENTATION_UNKNOWN();
  return grant;
};

export const revokeRepresentation = (
  state: RepresentationState,
  command: { readonly companySubjectId: string; readonly representationId: string; readonly revokedBy: string; readonly at: string },
): RepresentationRevoked[] => {
  const grant = grantOf(state, command.representationId);
  if (grant.revoked) throw identityErrors.OD_REPRESENTATION_ALREADY_REVOKED();
  return [
    {
      type: 'RepresentationRevoked',
      data: {
        representationId: grant.representationId,
        companySubjectId: command.companySubjectId,
        representativeSubjectId: grant.representativeSubjectId,
        revokedBy: command.revokedBy,
        at: command.at,
      },
    },
  ];
};

/** The grant a person may act for the company by today; refused when it is not theirs or does not hold. */
export const actingGrant = (state: RepresentationState, command: { readonly representationId: string; readonly representativeSubjectId: string; readonly today: CalendarDay }): Grant => {
  const grant = state.grants.find((g) => g.representationId === command.representationId && g.representativeSubjectId === command.representativeSubjectId);
  if (!grant || !grantHolds(grant, command.today)) throw identityErrors.OD_REPRESENTATION_NOT_ACTIVE();
  return grant;
};
