// What an import tells the clerk: counts, the outcome, and every refused row with the line where it
// starts, its column (English header name), a stable code and the reason in Greek and English.
import type { ImportOutcome } from '../domain/index.ts';
import type { FileDecision } from './decideFile.ts';
import { isIngestError } from './errors.ts';
import type { Refusal } from './row.ts';

export interface ImportIssue {
  /** Line of the file where the row starts; 1 is the header; 0 concerns the import as a whole. */
  readonly line: number;
  readonly column: string | null;
  readonly code: string;
  readonly message_el: string;
  readonly message_en: string;
}

export interface ImportReport {
  /** True when the file went in (or would, for a dry run), with or without skipped rows. */
  readonly accepted: boolean;
  /** Data rows read (blank lines are not rows). */
  readonly rows: number;
  /** Rows that produced new events (that would, for a dry run). */
  readonly imported: number;
  /** Rows already in the ledger, or repeated exactly earlier in the same file: nothing new to record. */
  readonly duplicates: number;
  readonly errors: ImportIssue[];
  /** Id of the import's audit stream (`import-<id>`); null for a dry run, which records nothing. */
  readonly importId: string | null;
  readonly outcome: 'imported' | 'nothing_new' | 'rejected' | 'partial' | 'dry_run';
}

export const issueOf = (line: number, refusal: Refusal): ImportIssue => ({
  line: isIngestError(refusal) && refusal.line !== null ? refusal.line : line,
  column: refusal.column,
  code: refusal.code,
  message_el: refusal.messageEl,
  message_en: refusal.messageEn,
});

export const outcomeOf = (decision: FileDecision, skipInvalid: boolean): ImportOutcome => {
  if (decision.fileRefused || (decision.issues.length > 0 && !skipInvalid)) return 'rejected';
  if (decision.issues.length > 0) return decision.imported + decision.duplicates > 0 ? 'partial' : 'rejected';
  return decision.imported > 0 ? 'imported' : 'nothing_new';
};

export const reportOf = (decision: FileDecision, outcome: ImportOutcome, importId: string | null, extra: ImportIssue[] = []): ImportReport => ({
  accepted: outcome !== 'rejected',
  rows: decision.rows,
  imported: outcome === 'rejected' ? 0 : decision.imported,
  duplicates: decision.duplicates,
  errors: [...decision.issues, ...extra],
  importId,
  outcome,
});
