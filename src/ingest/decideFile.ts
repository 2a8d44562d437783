// The first pass of an import: every row of the file read, checked and decided against the ledger plus
// the rows before it, while the file streams by. New events go to `write` (a spool, or straight to the
// append); refusals are all collected, so the report lists every bad row, not the first.
import { setImmediate } from 'node:timers/promises';
import type { Header } from './headers.ts';
import { matchHeader } from './headers.ts';
import type { IngestKind } from './importKind.ts';
import type { ImportIssue } from './issues.ts';
import { issueOf } from './issues.ts';
import type { LedgerState } from './ledgerState.ts';
import type { CsvRecord } from './readRecords.ts';
import { isRefusal, Row } from './row.ts';
import type { SpooledEvent } from './spool.ts';

export interface FileDecision {
  readonly rows: number;
  /** Rows with new events. */
  readonly imported: number;
  readonly duplicates: number;
  /** Rows refused. */
  readonly refused: number;
  readonly issues: ImportIssue[];
  /** The file as a whole cannot be read (encoding, CSV syntax, header): no row may go in. */
  readonly fileRefused: boolean;
}

/** Measured on PostgreSQL: a pause every 100 rows keeps the database busy and costs next to nothing. */
const YIELD_EVERY_ROWS = 100;

export const decideFile = async (
  /** The file's records, header first, some at a time (fileRecords.ts); reading them may throw the file's refusal. */
  records: AsyncIterable<readonly CsvRecord[]>,
  kind: IngestKind,
  ledger: LedgerState,
  write: (event: SpooledEvent) => Promise<void>,
  /** Told at each refusal, as it happens: an append already running may stop early. */
  onIssue: () => void = () => {},
): Promise<FileDecision> => {
  const counts = { rows: 0, imported: 0, duplicates: 0, refused: 0 };
  const issues: ImportIssue[] = [];
  const note = (found: readonly ImportIssue[]): void => {
    if (found.length === 0) return;
    issues.push(...found);
    onIssue();
  };
  let header: Header | null = null;
  let fileRefused = false;

  const decide = async (row: Row): Promise<void> => {
    try {
      const events = row.refusals.length > 0 ? null : await kind.decideRow(row, ledger);
      if (events !== null) {
        for (const event of events) await write(event);
        counts[events.length > 0 ? 'imported' : 'duplicates']++;
        return;
      }
    } catch (error) {
      if (!isRefusal(error)) throw error;
      note([issueOf(row.line, error)]);
    }
    note(row.refusals.map((refusal) => issueOf(row.line, refusal)));
    counts.refused++;
  };

  try {
    for await (const batch of records) {
      let from = 0;
      if (header === null && batch.length > 0) {
        const first = batch[0]!;
        const matched = matchHeader(first.fields, kind.columns);
        header = matched.header;
        fileRefused = matched.errors.length > 0;
        note(matched.errors.map((error) => issueOf(first.line, error)));
        from = 1;
      }
      if (header === null) continue;
      const current: Header = header;
      // A kind that prepares chunks gets the chunk's rows first, to ask the database once for all of them.
      const rows = kind.prepare && !fileRefused ? batch.slice(from).map((record) => new Row(record, current)) : null;
      if (rows && kind.prepare) await kind.prepare(rows, ledger);
      for (let i = from; i < batch.length; i++) {
        counts.rows++;
        // Under a header that cannot be read, rows are counted, not decided.
        if (!fileRefused) await decide(rows?.[i - from] ?? new Row(batch[i]!, current));
        // Rows already read are decided without a pause: now and then, let what waits on I/O run (an append
        // beside the deciding gets its answers from the database, and sends the next batch, without delay).
        if (counts.rows % YIELD_EVERY_ROWS === 0) await setImmediate();
      }
    }
  } catch (error) {
    if (!isRefusal(error)) throw error;
    note([issueOf(1, error)]);
    fileRefused = true;
  }
  return { ...counts, issues, fileRefused };
};
