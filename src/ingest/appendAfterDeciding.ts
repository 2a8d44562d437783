// An import in two passes, for stores where the append cannot run while the file is read (PGlite: one
// connection, and a read waits for an open transaction) or is not one transaction (EventStoreDB):
// 1. the whole file is decided, new events spooled to disk, refusals to the report;
// 2. once the file is known to be good, the spool and the import's own ImportRecorded are appended in
//    bounded batches by one appendBatches call, so a crash, or a concurrent writer (the expected revisions
//    no longer hold), leaves nothing behind.
import type { StoredRevisions } from './aggregateCache.ts';
import type { Settled } from './appendedRows.ts';
import { appendedRows } from './appendedRows.ts';
import { batchesOf } from './batches.ts';
import type { ImportRun } from './importRun.ts';
import { decidePass, importRecord } from './importRun.ts';
import type { ImportReport } from './report.ts';
import { outcomeOf, reportOf } from './report.ts';
import { openSpool } from './spool.ts';

/** Events per call of the store: large, as nothing else runs meanwhile. */
const BATCH_EVENTS = 2_000;

export const appendAfterDeciding = async (run: ImportRun): Promise<ImportReport> => {
  const spool = await openSpool();
  try {
    const stored: StoredRevisions = new Map();
    const pass = await decidePass(run, stored, (event) => spool.write(event));
    const record = importRecord(run);
    const outcome = outcomeOf(pass.decision, run.options.skipInvalid === true);
    if (outcome === 'rejected') return await record.rejected(pass);
    const appended = appendedRows();
    let settled: Settled = { pass, outcome };
    const audit = () => {
      settled = appended.settle(pass, outcome, run.options.skipInvalid === true);
      return record.audit(settled.pass, settled.outcome);
    };
    try {
      await run.store.appendBatches(batchesOf(spool.read(), stored, record.metadata, audit, BATCH_EVENTS), appended.onAppended);
      return reportOf(settled.pass.decision, settled.outcome, record.importId);
    } catch (error) {
      return await record.appendFailed(pass, error);
    }
  } finally {
    await spool.dispose();
  }
};
