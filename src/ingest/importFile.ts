// The import of one file: the finance department's daily export, or the assets register.
//
// Every row is decided against the ledger plus the rows before it as the file streams by (decideFile.ts),
// and the new events are appended in bounded batches by one appendBatches call, closed by the import's own
// ImportRecorded: one transaction, so a file is all or nothing and a crash or a concurrent writer leaves
// nothing behind. On PostgreSQL the append runs while the file is decided (appendWhileDeciding.ts); PGlite
// and EventStoreDB decide the whole file first (appendAfterDeciding.ts).
// A rejected file appends only its ImportRecorded; a dry run appends nothing. A bank statement takes its own
// path (bankStatement/), which ends the same way.
import { appendAfterDeciding } from './appendAfterDeciding.ts';
import { appendWhileDeciding } from './appendWhileDeciding.ts';
import { importBankStatement } from './bankStatement/index.ts';
import type { EventStore } from '../eventstore/port.ts';
import type { ImportOptions, ImportRun } from './importRun.ts';
import { decidePass } from './importRun.ts';
import type { ImportReport } from './report.ts';
import { outcomeOf, reportOf } from './report.ts';

export type { ImportIssue } from './issues.ts';
export type { ImportReport } from './report.ts';
export type { ImportOptions } from './importRun.ts';

/** What the import would be, and the rows that would go in even if the file would be rejected. */
const dryRun = async (run: ImportRun): Promise<ImportReport> => {
  const { decision } = await decidePass(run, new Map(), async () => {});
  return { ...reportOf(decision, outcomeOf(decision, run.options.skipInvalid === true), null), imported: decision.imported, outcome: 'dry_run' };
};

export const importFile = async (store: EventStore, input: AsyncIterable<Buffer | Uint8Array>, options: ImportOptions): Promise<ImportReport> => {
  const run: ImportRun = { store, input, options, startedAt: new Date().toISOString() };
  // A bank statement is XML, not rows: its own reading and matching, the same report and audit trail.
  if (options.kind === 'bank-statement') return importBankStatement(run);
  if (options.dryRun) return dryRun(run);
  return store.backend === 'postgresql' ? appendWhileDeciding(run) : appendAfterDeciding(run);
};
