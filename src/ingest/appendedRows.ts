// What an import reports is what its append wrote. Two uploads of one file at the same moment both decide
// every row new; the first to commit writes them, and the store skips the second's as duplicates (event
// ids come from the documents). Batch by batch the append says so (EventStore.appendBatches' onAppended),
// and before the import's own record is made its counts are settled on what was written.
import type { ImportOutcome } from '../domain/index.ts';
import type { AppendResult } from '../eventstore/port.ts';
import type { Pass } from './importRun.ts';
import { ImportOvertaken } from './errors.ts';
import { outcomeOf } from './report.ts';

export interface Settled {
  readonly pass: Pass;
  readonly outcome: ImportOutcome;
}

export interface AppendedRows {
  /** Given to appendBatches: the results of each batch of the file's events. */
  readonly onAppended: (results: readonly AppendResult[]) => void;
  /** The pass as appended: rows all written elsewhere meanwhile are duplicates; a mixture throws ImportOvertaken. */
  settle(pass: Pass, outcome: ImportOutcome, skipInvalid: boolean): Settled;
}

export const appendedRows = (): AppendedRows => {
  let written = 0;
  let skipped = 0;
  let settled = false;
  return {
    onAppended(results) {
      // The import's own record comes after settling: it is no row.
      if (settled) return;
      for (const result of results) {
        if (result.duplicate) skipped++;
        else written++;
      }
    },
    settle(pass, outcome, skipInvalid) {
      settled = true;
      if (skipped === 0) return { pass, outcome };
      if (written > 0) throw new ImportOvertaken();
      const { decision } = pass;
      const asAppended = { ...decision, imported: 0, duplicates: decision.duplicates + decision.imported };
      return { pass: { ...pass, decision: asAppended }, outcome: outcomeOf(asAppended, skipInvalid) };
    },
  };
};
