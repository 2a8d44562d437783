// The Diavgeia context (Δι@ύγεια): the municipality's decisions as Diavgeia publishes them, one public stream
// per decision, `diavgeia-<ΑΔΑ>`. Only what Diavgeia itself publishes is kept, and of that, a payee who is a
// natural person (φυσικό πρόσωπο) keeps neither name nor ΑΦΜ (DESIGN.md, public and personal data), though
// Diavgeia shows both. Amounts are decimal strings with two decimals, as in the ledger.

/** One line of a decision's amounts: a ΚΑΕ and the amount on it (Diavgeia's `amountWithKae`). */
export interface KaeAmount {
  /** As Diavgeia writes it ("25-6263.013", "2410202001"); compared with the ledger's by its digits. */
  readonly kae: string;
  readonly amount: string;
}

/** The other party of a decision (Diavgeia's `sponsor`): a legal entity by ΑΦΜ and name, or a natural person. */
export type Sponsor =
  | { readonly naturalPerson: false; readonly afm: string; readonly name: string; readonly amount: string | null }
  | { readonly naturalPerson: true; readonly afm: null; readonly name: null; readonly amount: string | null };

/** What one version of a decision says. */
export interface DecisionFields {
  readonly ada: string;
  readonly versionId: string;
  readonly protocolNumber: string;
  readonly subject: string;
  /** ISO date, yyyy-mm-dd (Athens). */
  readonly issueDate: string;
  /** Diavgeia's type code: Β.1.3 ανάληψη υποχρέωσης, Β.2.2 οριστικοποίηση πληρωμής… */
  readonly decisionTypeId: string;
  readonly organizationId: string;
  readonly unitIds: readonly string[];
  /** `financialYear` of the financial types; null where the type has none. */
  readonly financialYear: number | null;
  /** The decision's total (`amountWithVAT`, else the sum of its sponsors' amounts); null when it states none. */
  readonly amount: string | null;
  readonly kaeAmounts: readonly KaeAmount[];
  readonly sponsors: readonly Sponsor[];
  /** When this version was submitted to Diavgeia (ISO timestamp). */
  readonly submittedAt: string;
}

export interface DecisionPublished {
  readonly type: 'DecisionPublished';
  readonly data: DecisionFields;
}

/** A new version (ορθή επανάληψη): the whole decision as it now reads, and the version it corrects. */
export interface DecisionCorrected {
  readonly type: 'DecisionCorrected';
  readonly data: DecisionFields & { readonly correctedVersionId: string };
}

/** Revoked (ανακληθείσα): the decision stands no more. */
export interface DecisionRevoked {
  readonly type: 'DecisionRevoked';
  readonly data: { readonly ada: string; readonly versionId: string; readonly revokedAt: string };
}

export type DecisionEvent = DecisionPublished | DecisionCorrected | DecisionRevoked;

/**
 * Where a sync of one organisation stands, appended with the events of the page it follows (one unit): a
 * window of submission dates and the last page of it written, then the date the window reached.
 */
export interface DiavgeiaPageSynced {
  readonly type: 'DiavgeiaPageSynced';
  readonly data: { readonly organizationId: string; readonly from: string; readonly to: string; readonly page: number };
}

export interface DiavgeiaWindowSynced {
  readonly type: 'DiavgeiaWindowSynced';
  readonly data: { readonly organizationId: string; readonly from: string; readonly to: string };
}

export type DiavgeiaSyncEvent = DiavgeiaPageSynced | DiavgeiaWindowSynced;

export const decisionStream = (ada: string): string => `diavgeia-${ada}`;
export const diavgeiaSyncStream = (organizationId: string): string => `diavgeiaSync-${organizationId}`;
