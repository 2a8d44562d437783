// The bank-statement import kind (`--kind bank-statement`, the revenue department's): a camt.053 statement or
// camt.054 notification of the municipality's account, whose booked credits pay the debts their RF names
// (matchCredit.ts). Its report and ImportRecorded are those of every import (importRun.ts, report.ts); a
// file that is not camt is refused whole with the reader's reason, and records only its ImportRecorded.
// Credits are decided a chunk at a time against what the chunk reads at once (statementReads.ts), and their
// events appended in bounded batches by one appendBatches call closed by the ImportRecorded: all or nothing,
// as every import. On PostgreSQL the batches are decided as the append asks for them (reads on the pool's
// other connections, the append lock held); PGlite, whose one connection waits for the open transaction, and
// EventStoreDB decide the whole file first.
import { lixouriPayments } from '../../api/debts/index.ts';
import type { EventToAppend, MetadataInput, StreamAppend } from '../../eventstore/port.ts';
import type { BankStatementFile } from '../../integrations/bankStatements/index.ts';
import { bookedCredits, readCamtFrom } from '../../integrations/bankStatements/index.ts';
import { inTurn } from '../appendTurns.ts';
import type { FileDecision } from '../decideFile.ts';
import { hashedInput } from '../hashedInput.ts';
import type { ImportRun, Pass } from '../importRun.ts';
import { importRecord } from '../importRun.ts';
import type { ImportIssue } from '../issues.ts';
import { issueOf } from '../issues.ts';
import type { ImportReport } from '../report.ts';
import { outcomeOf, reportOf } from '../report.ts';
import { isRefusal } from '../row.ts';
import type { DatedEntry } from './matchCredit.ts';
import { datedEntry, matchCredit } from './matchCredit.ts';
import type { StatementReads } from './statementReads.ts';
import { statementReads } from './statementReads.ts';

/** Credits read for at once: a few statements each (statementReads.ts). */
const CHUNK_CREDITS = 1_000;
/** Events per append, closed at a credit's end. */
const BATCH_EVENTS = 2_000;

/**
 * One append holds a stream once: what several credits record on the same stream (the year's collections,
 * a debt paid by two credits) goes as one part, expected where the first of them found it; the later ones
 * were decided from the debt as the earlier left it.
 */
class PendingBatch {
  private parts = new Map<string, { expectedRevision: StreamAppend['expectedRevision']; events: EventToAppend[] }>();
  events = 0;

  add(appends: readonly StreamAppend[]): void {
    for (const append of appends) {
      const part = this.parts.get(append.stream);
      if (part === undefined) this.parts.set(append.stream, { expectedRevision: append.expectedRevision, events: [...append.events] });
      else part.events.push(...append.events);
      this.events += append.events.length;
    }
  }

  take(): StreamAppend[] {
    const appends = [...this.parts].map(([stream, { expectedRevision, events }]): StreamAppend => (expectedRevision === undefined ? { stream, events } : { stream, events, expectedRevision }));
    this.parts = new Map();
    this.events = 0;
    return appends;
  }
}

interface Counts {
  imported: number;
  duplicates: number;
}

/** The credits' events, a batch at a time, reading a chunk of credits' debts at once; `counts` fill as it goes. */
async function* decidedBatches(reads: StatementReads, credits: readonly DatedEntry[], counts: Counts, metadata: MetadataInput, recordedAt: string): AsyncGenerator<StreamAppend[]> {
  const credited = new Set<string>();
  const pending = new PendingBatch();
  for (let from = 0; from < credits.length; from += CHUNK_CREDITS) {
    const chunk: DatedEntry[] = [];
    for (const credit of credits.slice(from, from + CHUNK_CREDITS)) {
      // The same booking twice in one file (a batch repeated): the second is a duplicate.
      if (credited.has(credit.entry.id)) counts.duplicates++;
      else chunk.push(credit);
      credited.add(credit.entry.id);
    }
    const known = await reads.chunk(chunk);
    for (const credit of chunk) {
      const match = matchCredit(known, credit, metadata, recordedAt);
      if (match.duplicate) {
        counts.duplicates++;
        continue;
      }
      counts.imported++;
      reads.paid(match.paid);
      pending.add(match.appends);
      if (pending.events >= BATCH_EVENTS) yield pending.take();
    }
  }
  if (pending.events > 0) yield pending.take();
}

/** The batches, then the import's record in a batch of its own, asked for once the credits are decided. */
async function* closedBy(batches: AsyncIterable<StreamAppend[]> | Iterable<StreamAppend[]>, last: () => StreamAppend): AsyncGenerator<StreamAppend[]> {
  yield* batches;
  yield [last()];
}

/**
 * Asks for the next batch as soon as one is handed on: on PostgreSQL the next chunk is read and decided
 * while the database stores this batch, rather than the two taking turns.
 */
async function* oneAhead<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  let next = iterator.next();
  for (;;) {
    const item = await next;
    if (item.done === true) return;
    next = iterator.next();
    // Should the append stop first, its error is the one reported; this one is then of no interest.
    next.catch(() => {});
    yield item.value;
  }
}

const collected = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const refusedFile = (issues: ImportIssue[]): FileDecision => ({ rows: 0, imported: 0, duplicates: 0, refused: 0, issues, fileRefused: true });

const readFile = async (run: ImportRun): Promise<{ file: BankStatementFile | null; pass: Pass }> => {
  const bytes = hashedInput(run.input);
  try {
    const file = await readCamtFrom(bytes.chunks);
    await bytes.drain();
    const issues = file.refused.map((r) => issueOf(r.position.line, r.refusal));
    const decision: FileDecision = { rows: bookedCredits(file).length, imported: 0, duplicates: 0, refused: file.refused.length, issues, fileRefused: false };
    return { file, pass: { decision, sha256: bytes.sha256() } };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await bytes.drain();
    return { file: null, pass: { decision: refusedFile([issueOf(1, error)]), sha256: bytes.sha256() } };
  }
};

export const importBankStatement = async (run: ImportRun): Promise<ImportReport> => {
  const { store, options } = run;
  if (options.database === undefined) throw new Error('A bank-statement import needs the database (ImportOptions.database)');
  const services = { store, client: options.database.client, schema: options.database.schema };
  const { file, pass } = await readFile(run);
  const skipInvalid = options.skipInvalid === true;
  const record = importRecord(run);
  if (file === null || outcomeOf(pass.decision, skipInvalid) === 'rejected') {
    if (options.dryRun) return { ...reportOf(pass.decision, 'rejected', null), outcome: 'dry_run' };
    return record.rejected(pass);
  }
  const counts: Counts = { imported: 0, duplicates: 0 };
  const done = (): Pass => ({ ...pass, decision: { ...pass.decision, ...counts } });
  const decided = decidedBatches(statementReads(services, lixouriPayments.rfCode), bookedCredits(file).map(datedEntry), counts, record.metadata, run.startedAt);
  if (options.dryRun) {
    await collected(decided);
    return { ...reportOf(done().decision, outcomeOf(done().decision, skipInvalid), null), outcome: 'dry_run' };
  }
  try {
    const batches = store.backend === 'postgresql' ? oneAhead(decided) : await collected(decided);
    const audit = () => record.audit(done(), outcomeOf(done().decision, skipInvalid));
    await inTurn(store, () => store.appendBatches(closedBy(batches, audit)));
    return reportOf(done().decision, outcomeOf(done().decision, skipInvalid), record.importId);
  } catch (error) {
    return await record.appendFailed(pass, error);
  }
};
