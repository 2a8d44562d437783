// Legal representation (νόμιμη εκπροσώπηση): a person who acts for a company (its administrator, a director
// named in its articles, an attorney). TaxisNet says who logs in, never whom they represent, so the
// municipality's staff record it from the evidence the company brings (its articles and the ΓΕΜΗ record, a
// power of attorney), and revoke it. One stream per represented company, `representation-<companySubjectId>`.
// Personal fields travel sealed as in the citizen's events, each with its own subject's key: what concerns
// the company (its ΑΦΜ and name, the basis, the evidence) with the company's, the representative's ΑΦΜ with
// the representative's, so the erasure of either makes their part unreadable. These streams are personal.
import type { SealedText } from './events.ts';

/** A day, `YYYY-MM-DD`, in the municipality's time (Europe/Athens); a grant holds from its first to its last day. */
export type CalendarDay = string;

/** Sealed with the company's key. */
export interface RepresentedCompany {
  readonly companyTaxid: string;
  /** The company's name (επωνυμία) as the evidence gives it. */
  readonly companyName: string;
  /** What makes the person its representative, e.g. «καταστατικό / ΓΕΜΗ». */
  readonly basis: string;
  /** Where the evidence is found, e.g. the ΓΕΜΗ number and the date of the registration. */
  readonly evidence: string;
}

/** Sealed with the representative's key. */
export interface RepresentativePerson {
  readonly representativeTaxid: string;
}

export interface RepresentationGranted {
  readonly type: 'RepresentationGranted';
  readonly data: {
    readonly representationId: string;
    readonly companySubjectId: string;
    readonly representativeSubjectId: string;
    readonly validFrom: CalendarDay;
    /** The last day it holds; null: until revoked. */
    readonly validUntil: CalendarDay | null;
    /** `staff:<staffId>`: who recorded it. */
    readonly grantedBy: string;
    readonly at: string;
    /** A RepresentedCompany, sealed for the company. */
    readonly sealed: SealedText;
    /** A RepresentativePerson, sealed for the representative. */
    readonly representativeSealed: SealedText;
  };
}

export interface RepresentationRevoked {
  readonly type: 'RepresentationRevoked';
  readonly data: {
    readonly representationId: string;
    readonly companySubjectId: string;
    readonly representativeSubjectId: string;
    readonly revokedBy: string;
    readonly at: string;
  };
}

export type RepresentationEvent = RepresentationGranted | RepresentationRevoked;

export const representationStream = (companySubjectId: string): string => `representation-${companySubjectId}`;
