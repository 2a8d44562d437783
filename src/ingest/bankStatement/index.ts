// The bank-statement import kind (`--kind bank-statement`, the revenue department's): a camt.053 statement or
// camt.054 notification of the municipality's account, whose booked credits pay the debts their RF names
// (matchCredit.ts). Its report and ImportRecorded are those of every import (importRun.ts, report.ts); a
// file that is not camt is refused whole with the reader's reason, and records only its ImportRecorded.
// A credit's debts are read from the store before it is decided, so the credits are appended in batches, a
// batch closed early when the next credit pays a debt the batch already pays; the last batch carries the
// ImportRecorded. A crash midway leaves the earlier batches: importing the statement again records the rest,
// since nothing a credit records is recorded twice.
import { lixouriPayments } from '../../api/debts/index.ts';
import type { StreamAppend } from '../../eventstore/port.ts';
import type { BankStatementFile } from '../../integrations/bankStatements/index.ts';
import { bookedCredits, readCamtFrom } from '../../integrations/bankStatements/index.ts';
import type { FileDecision } from '../decideFile.ts';
import { hashedInput } from '../hashedInput.ts';
import type { ImportRun, Pass } from '../importRun.ts';
import { importRecord } from '../importRun.ts';
import type { ImportIssue } from '../issues.ts';
import { issueOf } from '../issues.ts';
import type { ImportReport } from '../report.ts';
import { outcomeOf, reportOf } from '../report.ts';
import { isRefusal } from '../row.ts';
import { matchCredit } from './matchCredit.ts';

/** Events per append: a batch is also closed early by a debt paid twice in the file. */
const BATCH_EVENTS = 1_000;

/**
 * One append holds a stream once: the year's collections ('any' revision) of several credits go together;
 * a debt's or a credit's own stream is never in a batch twice (a debt paid again closes the batch first).
 */
const merged = (pending: readonly StreamAppend[], more: readonly StreamAppend[]): StreamAppend[] => {
  const out = [...pending];
  for (const append of more) {
    const i = out.findIndex((a) => a.stream === append.stream && a.expectedRevision === 'any' && append.expectedRevision === 'any');
    const found = out[i];
    if (found === undefined) out.push(append);
    else out[i] = { ...found, events: [...found.events, ...append.events] };
  }
  return out;
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
  let pending: StreamAppend[] = [];
  let pendingEvents = 0;
  const paying = new Set<string>();
  const flush = async (): Promise<void> => {
    if (!options.dryRun && pending.length > 0) await store.appendMany(pending);
    pending = [];
    pendingEvents = 0;
    paying.clear();
  };
  const counts = { imported: 0, duplicates: 0 };
  const credited = new Set<string>();
  try {
    for (const entry of bookedCredits(file)) {
      // The same booking twice in one file (a batch repeated): the second is a duplicate.
      if (credited.has(entry.id)) {
        counts.duplicates++;
        continue;
      }
      credited.add(entry.id);
      let match = await matchCredit(services, lixouriPayments.rfCode, entry, record.metadata);
      if (match.debtStreams.some((s) => paying.has(s))) {
        await flush();
        match = await matchCredit(services, lixouriPayments.rfCode, entry, record.metadata);
      }
      if (match.duplicate) {
        counts.duplicates++;
        continue;
      }
      counts.imported++;
      pending = merged(pending, match.appends);
      for (const s of match.debtStreams) paying.add(s);
      pendingEvents += match.appends.reduce((n, a) => n + a.events.length, 0);
      if (pendingEvents >= BATCH_EVENTS) await flush();
    }
    const done: Pass = { ...pass, decision: { ...pass.decision, ...counts } };
    const outcome = outcomeOf(done.decision, skipInvalid);
    if (options.dryRun) return { ...reportOf(done.decision, outcome, null), outcome: 'dry_run' };
    await store.appendMany([...pending, record.audit(done, outcome)]);
    return reportOf(done.decision, outcome, record.importId);
  } catch (error) {
    return await record.appendFailed(pass, error);
  }
};
