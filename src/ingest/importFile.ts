// The import of one file: the finance department's daily export, or the assets register.
//
// Two passes, so that a file is all or nothing, streams, and still reports every bad row:
// 1. decideFile reads the file once, as it streams, deciding each row against the ledger plus the rows
//    before it; new events go to a spool on disk, refusals to the report. Aggregates are read from the
//    store as rows first need them, which cannot happen inside the append's transaction: PGlite has one
//    connection, and a read waits for the open transaction.
// 2. Once the whole file is known, the spooled events and the import's own ImportRecorded are appended
//    in bounded batches by one appendBatches call: one transaction on PostgreSQL/PGlite, so a crash, or a
//    concurrent writer (the expected revisions no longer hold), leaves nothing behind.
// A rejected file appends only its ImportRecorded; a dry run appends nothing.
import type { ClassificationRegistry, ImportOutcome, ImportRecorded } from '../domain/index.ts';
import { streams } from '../domain/index.ts';
import { isEventIdConflict, isExpectedRevisionConflict } from '../eventstore/errors.ts';
import type { EventStore, MetadataInput, StreamAppend } from '../eventstore/port.ts';
import { uuidv7 } from '../eventstore/uuid.ts';
import { batchesOf } from './batches.ts';
import type { FileDecision } from './decideFile.ts';
import { decideFile } from './decideFile.ts';
import { decodeText } from './decode.ts';
import { importConflict } from './errors.ts';
import { hashedInput } from './hashedInput.ts';
import type { ImportKind } from './headers.ts';
import type { StoredRevisions } from './aggregateCache.ts';
import { ledgerState } from './ledgerState.ts';
import type { ImportIssue, ImportReport } from './report.ts';
import { issueOf } from './report.ts';
import { shippedClassifications } from './shippedClassifications.ts';
import type { SpooledEvent } from './spool.ts';
import { openSpool } from './spool.ts';

export type { ImportIssue, ImportReport } from './report.ts';

export interface ImportOptions {
  kind: ImportKind;
  /** Import the good rows and report the bad ones, instead of refusing the whole file. */
  skipInvalid?: boolean;
  /** Check the file against the ledger and report; record nothing. */
  dryRun?: boolean;
  fileName: string;
  /** Who imports: kept in the audit trail and in every event's metadata. */
  actor: string;
  /** ΚΑΕ lists that title budget rows written without a title; the shipped 2014 list by default. */
  classifications?: ClassificationRegistry;
}

const outcomeOf = (decision: FileDecision, skipInvalid: boolean): ImportOutcome => {
  if (decision.fileRefused || (decision.issues.length > 0 && !skipInvalid)) return 'rejected';
  if (decision.issues.length > 0) return decision.imported + decision.duplicates > 0 ? 'partial' : 'rejected';
  return decision.imported > 0 ? 'imported' : 'nothing_new';
};

const reportOf = (decision: FileDecision, outcome: ImportOutcome, importId: string | null, extra: ImportIssue[] = []): ImportReport => ({
  accepted: outcome !== 'rejected',
  rows: decision.rows,
  imported: outcome === 'rejected' ? 0 : decision.imported,
  duplicates: decision.duplicates,
  errors: [...decision.issues, ...extra],
  importId,
  outcome,
});

interface Pass {
  readonly decision: FileDecision;
  /** Only the revisions outlive the pass: the states (a year of a million documents) are let go before the append. */
  readonly stored: StoredRevisions;
  /** Of every byte of the file, read to its end even when the import stopped early. */
  readonly sha256: string;
}

const firstPass = async (
  store: EventStore,
  input: AsyncIterable<Uint8Array>,
  options: ImportOptions,
  write: (event: SpooledEvent) => Promise<void>,
): Promise<Pass> => {
  const bytes = hashedInput(input);
  const ledger = ledgerState(store, options.classifications ?? (await shippedClassifications()));
  const decision = await decideFile(decodeText(bytes.chunks), options.kind, ledger, write);
  await bytes.drain();
  return { decision, stored: ledger.stored, sha256: bytes.sha256() };
};

export const importFile = async (store: EventStore, input: AsyncIterable<Buffer | Uint8Array>, options: ImportOptions): Promise<ImportReport> => {
  const skipInvalid = options.skipInvalid === true;
  if (options.dryRun) {
    // What the import would be, and the rows that would go in even if the file would be rejected.
    const { decision } = await firstPass(store, input, options, async () => {});
    return { ...reportOf(decision, outcomeOf(decision, skipInvalid), null), imported: decision.imported, outcome: 'dry_run' };
  }
  const startedAt = new Date().toISOString();
  const spool = await openSpool();
  try {
    const { decision, stored, sha256 } = await firstPass(store, input, options, (event) => spool.write(event));
    const importId = uuidv7();
    const metadata: MetadataInput = { actor: options.actor, importId, correlationId: importId };
    const audit = (outcome: ImportOutcome): StreamAppend => {
      const { rows, imported, duplicates } = reportOf(decision, outcome, importId);
      const event: ImportRecorded = {
        type: 'ImportRecorded',
        data: {
          importId,
          kind: options.kind,
          fileName: options.fileName,
          sha256,
          actor: options.actor,
          startedAt,
          finishedAt: new Date().toISOString(),
          rows,
          imported,
          duplicates,
          rejected: decision.refused,
          outcome,
        },
      };
      return { stream: streams.import(importId), events: [{ ...event, metadata }], expectedRevision: 'no_stream' };
    };

    const outcome = outcomeOf(decision, skipInvalid);
    if (outcome === 'rejected') {
      await store.appendMany([audit(outcome)]);
      return reportOf(decision, outcome, importId);
    }
    try {
      await store.appendBatches(batchesOf(spool.read(), stored, metadata, audit(outcome)));
      return reportOf(decision, outcome, importId);
    } catch (error) {
      if (!isExpectedRevisionConflict(error) && !isEventIdConflict(error)) throw error;
      await store.appendMany([audit('rejected')]);
      return reportOf(decision, 'rejected', importId, [issueOf(0, importConflict())]);
    }
  } finally {
    await spool.dispose();
  }
};
