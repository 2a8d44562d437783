// An import in one pass, for PostgreSQL: the append's transaction starts while the file is still being
// decided, and the two overlap (the database stores one batch while the next is decided). Streams are read
// on other connections of the pool as rows first need them; once the first batch is in, the transaction
// holds the ledger's append lock, so no other writer can change what those reads see before it commits
// (and other imports from this process wait their turn without a connection: appendTurns.ts).
// All or nothing still holds: a refused row (without --skip-invalid), a file that cannot be read or any
// error makes the events given to the append throw, and the transaction rolls back; the file is read to
// its end all the same, so the report lists every bad row.
import type { ImportOutcome } from '../domain/index.ts';
import type { StoredRevisions } from './aggregateCache.ts';
import type { Settled } from './appendedRows.ts';
import { appendedRows } from './appendedRows.ts';
import { inTurn } from './appendTurns.ts';
import { batchesOf } from './batches.ts';
import { eventPipe } from './eventPipe.ts';
import type { ImportRun, Pass } from './importRun.ts';
import { decidePass, importRecord } from './importRun.ts';
import type { ImportReport } from './report.ts';
import { outcomeOf, reportOf } from './report.ts';

/**
 * Events per call of the store. Small: a batch lives until the database has it, while the next rows are
 * decided, and every young object still alive when the garbage collector runs is copied (measured: 500
 * events cost half the collection time of 2,000, and the extra round trips are cheaper than that).
 */
const BATCH_EVENTS = 500;
/** Events decided ahead of the append: the next batch is ready when the database is done with this one. */
const AHEAD_EVENTS = 2 * BATCH_EVENTS;

/** What the append is told when the file turns out rejected: roll back. */
class FileRejected extends Error {
  constructor() {
    super('The file is rejected: nothing of it may be appended');
    this.name = 'FileRejected';
  }
}

type Decided = { readonly pass: Pass; readonly outcome: ImportOutcome } | { readonly error: unknown };

export const appendWhileDeciding = async (run: ImportRun): Promise<ImportReport> => {
  const skipInvalid = run.options.skipInvalid === true;
  const record = importRecord(run);
  const stored: StoredRevisions = new Map();
  const pipe = eventPipe(AHEAD_EVENTS);
  const rejected = new FileRejected();
  let decided: Decided | null = null;
  const appended = appendedRows();
  let settled: Settled | null = null;

  const deciding = decidePass(run, stored, (event) => pipe.write(event), skipInvalid ? undefined : () => pipe.fail(rejected)).then(
    (pass): Decided => {
      const outcome = outcomeOf(pass.decision, skipInvalid);
      if (outcome === 'rejected') pipe.fail(rejected);
      else pipe.end();
      return (decided = { pass, outcome });
    },
    (error: unknown): Decided => {
      pipe.fail(error);
      return (decided = { error });
    },
  );
  // The import's record closes the last batch; batchesOf asks for it only once the pipe has ended.
  const audit = () => {
    if (decided === null || !('pass' in decided)) throw new Error('The import record is asked for before the file is decided');
    settled = appended.settle(decided.pass, decided.outcome, skipInvalid);
    return record.audit(settled.pass, settled.outcome);
  };

  await pipe.filled;
  const appending = pipe.failed
    ? Promise.resolve()
    : inTurn(run.store, () => run.store.appendBatches(batchesOf(pipe.read(), stored, record.metadata, audit, BATCH_EVENTS), appended.onAppended));
  const appendFailure = appending.then(
    () => null,
    (error: unknown) => ({ error }),
  );
  const [failedAppend, done] = await Promise.all([appendFailure, deciding]);
  if ('error' in done) throw done.error;
  if (done.outcome === 'rejected') return record.rejected(done.pass);
  if (failedAppend) return record.appendFailed(done.pass, failedAppend.error);
  const { pass, outcome } = settled ?? done;
  return reportOf(pass.decision, outcome, record.importId);
};
