// One line of an import's report: a refused row (or the file, or the import) with the line where it starts,
// its column (English header name), a stable code and the reason in Greek and English.
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

export const issueOf = (line: number, refusal: Refusal): ImportIssue => ({
  line: isIngestError(refusal) && refusal.line !== null ? refusal.line : line,
  column: refusal.column,
  code: refusal.code,
  message_el: refusal.messageEl,
  message_en: refusal.messageEn,
});
