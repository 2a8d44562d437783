// A refusal by the domain: a stable code, the column of the row it concerns (when one does), and a
// message in Greek first and English beside it, because a clerk reads it in the import report.

export class DomainError extends Error {
  constructor(
    /** Stable code, e.g. OD_COMMITMENT_EXCEEDS_APPROPRIATION; tests and clients branch on it. */
    readonly code: string,
    readonly messageEl: string,
    readonly messageEn: string,
    /** The CSV column the error is about (its English header name), when it is about one. */
    readonly column: string | null = null,
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
