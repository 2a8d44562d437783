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

/** A chunk of a kind that prepares, its preparing begun: decided while the chunk after it is prepared. */
interface PreparedChunk {
  readonly rows: readonly Row[];
  readonly prepared: Promise<void>;
}

/**
 * Rows a kind prepares at once (a file comes a few hundred rows at a time). Measured on a roll of 100,000 debts
 * read from a file, with the database busy: a chunk's questions take longer than deciding its rows, so the
 * fewer the chunks the sooner the import ends; memory holds two chunks' rows.
 */
const PREPARE_ROWS = 5_000;

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

  let pending: PreparedChunk | null = null;
  const decidePrepared = async (chunk: PreparedChunk): Promise<void> => {
    await chunk.prepared;
    for (const row of chunk.rows) {
      counts.rows++;
      await decide(row);
      if (counts.rows % YIELD_EVERY_ROWS === 0) await setImmediate();
    }
  };
  let gathered: Row[] = [];
  /** The rows gathered start being prepared, after the chunk before them; that one is decided meanwhile. */
  const prepareGathered = async (prepare: NonNullable<IngestKind['prepare']>): Promise<void> => {
    if (gathered.length === 0) return;
    const rows = gathered;
    gathered = [];
    const before = pending;
    const prepared = (before?.prepared ?? Promise.resolve()).then(() => prepare(rows, ledger));
    // Awaited when its chunk is decided; a failure before then must not go unhandled meanwhile.
    prepared.catch(() => {});
    pending = { rows, prepared };
    if (before) await decidePrepared(before);
  };
  /** The rows read so far, all decided (at the file's end, or at its refusal). */
  const decideRest = async (): Promise<void> => {
    if (kind.prepare) await prepareGathered(kind.prepare);
    const chunk = pending;
    pending = null;
    if (chunk) await decidePrepared(chunk);
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
      // A kind that prepares chunks gets a chunk's rows first, to ask the database once for all of them; the
      // asking overlaps the deciding of the chunk before, and one chunk is prepared after another, each seeing
      // what the one before loaded.
      if (kind.prepare && !fileRefused) {
        for (let i = from; i < batch.length; i++) gathered.push(new Row(batch[i]!, current));
        if (gathered.length >= PREPARE_ROWS) await prepareGathered(kind.prepare);
        continue;
      }
      for (let i = from; i < batch.length; i++) {
        counts.rows++;
        // Under a header that cannot be read, rows are counted, not decided.
        if (!fileRefused) await decide(new Row(batch[i]!, current));
        // Rows already read are decided without a pause: now and then, let what waits on I/O run (an append
        // beside the deciding gets its answers from the database, and sends the next batch, without delay).
        if (counts.rows % YIELD_EVERY_ROWS === 0) await setImmediate();
      }
    }
    await decideRest();
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // The rows read before the file's refusal are decided all the same, as the report lists every bad row.
    await decideRest();
    note([issueOf(1, error)]);
    fileRefused = true;
  }
  return { ...counts, issues, fileRefused };
};
