// What one import works with, whichever way it appends (see importFile.ts): its options, the pass that
// decides the file, and the record of the import itself, which closes the append or, alone, a rejection.
import type { ClassificationRegistry, ImportOutcome, ImportRecorded } from '../domain/index.ts';
import { streams } from '../domain/index.ts';
import { isEventIdConflict, isExpectedRevisionConflict } from '../eventstore/errors.ts';
import type { EventStore, MetadataInput, StreamAppend } from '../eventstore/port.ts';
import type { SqlExecutor } from '../eventstore/sql/client.ts';
import { uuidv7 } from '../eventstore/uuid.ts';
import type { StoredRevisions } from './aggregateCache.ts';
import type { FileDecision } from './decideFile.ts';
import { decideFile } from './decideFile.ts';
import { isImportOvertaken } from './errors.ts';
import { fileRecords } from './fileRecords.ts';
import { hashedInput } from './hashedInput.ts';
import { ingestErrors } from './ingestErrors.ts';
import { issueOf } from './issues.ts';
import type { ImportKind } from './kinds.ts';
import { importKindNamed } from './kinds.ts';
import { ledgerState } from './ledgerState.ts';
import type { PersonalData } from './personalData.ts';
import type { ImportReport } from './report.ts';
import { reportOf } from './report.ts';
import { shippedClassifications } from './shippedClassifications.ts';
import type { SpooledEvent } from './spool.ts';

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
  /** The keyring and subjects, for kinds of personal data (debts); such a file is refused without them. */
  personal?: PersonalData;
  /** The database of the read models, for a bank statement (the RF selections, the budget's revenue lines). */
  database?: { readonly client: SqlExecutor; readonly schema: string };
}

export interface ImportRun {
  readonly store: EventStore;
  readonly input: AsyncIterable<Uint8Array>;
  readonly options: ImportOptions;
  readonly startedAt: string;
}

export interface Pass {
  readonly decision: FileDecision;
  /** Of every byte of the file, read to its end even when the import stopped early. */
  readonly sha256: string;
}

/**
 * Reads and decides the whole file, new events to `write`. The states it decides against live only as long
 * as the pass (a year of a million documents); `stored` keeps, for each stream read, the revision read.
 */
export const decidePass = async (
  run: ImportRun,
  stored: StoredRevisions,
  write: (event: SpooledEvent) => Promise<void>,
  onIssue?: () => void,
): Promise<Pass> => {
  const bytes = hashedInput(run.input);
  const ledger = ledgerState(run.store, run.options.classifications ?? (await shippedClassifications()), stored, run.options.personal ?? null);
  const decision = await decideFile(fileRecords(bytes.chunks), importKindNamed(run.options.kind), ledger, write, onIssue);
  await bytes.drain();
  return { decision, sha256: bytes.sha256() };
};

export interface ImportRecord {
  readonly importId: string;
  /** Of every event the import appends. */
  readonly metadata: MetadataInput;
  /** The import's own ImportRecorded, to append with its last batch. */
  audit(pass: Pass, outcome: ImportOutcome): StreamAppend;
  /** Records a rejected file (its ImportRecorded alone) and reports it. */
  rejected(pass: Pass): Promise<ImportReport>;
  /** After a failed append: another writer meanwhile is a rejection to retry; anything else is thrown. */
  appendFailed(pass: Pass, error: unknown): Promise<ImportReport>;
}

export const importRecord = (run: ImportRun): ImportRecord => {
  const { store, options, startedAt } = run;
  const importId = uuidv7();
  const metadata: MetadataInput = { actor: options.actor, importId, correlationId: importId };
  const audit = ({ decision, sha256 }: Pass, outcome: ImportOutcome): StreamAppend => {
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
  return {
    importId,
    metadata,
    audit,
    async rejected(pass) {
      await store.appendMany([audit(pass, 'rejected')]);
      return reportOf(pass.decision, 'rejected', importId);
    },
    async appendFailed(pass, error) {
      if (!isExpectedRevisionConflict(error) && !isEventIdConflict(error) && !isImportOvertaken(error)) throw error;
      await store.appendMany([audit(pass, 'rejected')]);
      return reportOf(pass.decision, 'rejected', importId, [issueOf(0, ingestErrors.OD_IMPORT_CONFLICT())]);
    },
  };
};
