// What an import tells the clerk: counts, the outcome, and every refused row (issues.ts).
import type { ImportOutcome } from '../domain/index.ts';
import type { FileDecision } from './decideFile.ts';
import type { ImportIssue } from './issues.ts';

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
