// One row of a debt roll decided against its assessment's state (store plus the file's earlier rows). The
// debtor's ΑΦΜ, name and the reason are sealed with the debtor's own key; what the row said is kept as a
// keyed hash, so the same row again is a duplicate and another row under the number a conflict, without
// opening anything.
import { Decimal } from 'decimal.js';
import type { DebtDetails } from '../../domain/index.ts';
import { assessDebt, debtsErrors, initialDebt, initialFiscalYear, isValidAfm, parseKae, streams } from '../../domain/index.ts';
import type { Row } from '../row.ts';
import { eventId } from '../eventIds.ts';
import type { LedgerState } from '../ledgerState.ts';
import type { PersonalData } from '../personalData.ts';
import type { SpooledEvent } from '../spool.ts';
import type { DebtRow } from './debtRow.ts';

export const requirePersonal = (ledger: LedgerState): PersonalData => {
  if (ledger.personal === null) throw debtsErrors.OD_PERSONAL_DATA_UNAVAILABLE();
  return ledger.personal;
};

/**
 * The ΚΑΕ must be a revenue line of the assessment year's budget when the ledger holds that year; rolls of
 * years before the ledger (arrears) are checked by the code's form and class alone. An expense code is left
 * to the domain, whose refusal (not a revenue code) is truer than "not in the budget" for a budgeted expense line.
 */
const checkRevenueLine = async (ledger: LedgerState, year: number, kae: string): Promise<void> => {
  if (parseKae(kae).side !== 'revenue') return;
  const stream = streams.fiscalYear(year);
  const state = ledger.fiscalYears.peek(stream) ?? (await ledger.fiscalYears.load(stream, () => initialFiscalYear(year)));
  if (state.lines.size > 0 && state.lines.get(kae)?.side !== 'revenue') throw debtsErrors.OD_DEBT_KAE_UNKNOWN({ kae });
};

export const decideDebt = async (row: DebtRow, ledger: LedgerState): Promise<SpooledEvent[]> => {
  const personal = requirePersonal(ledger);
  const surcharges = row.surcharges ?? new Decimal(0);
  const said = [row.taxid, row.name, row.debtorKind, row.kae, row.reason, row.amount.toFixed(2), surcharges.toFixed(2), row.assessedOn, row.dueOn, row.instalments];
  const contentHash = personal.keyring.lookupHash('debt-assessment', JSON.stringify(said));
  const stream = streams.debt(row.year, row.assessment);
  const state = ledger.debts.peek(stream) ?? (await ledger.debts.load(stream, initialDebt));
  // The same row again: nothing to seal, nothing to check.
  if (state.status === 'assessed' && state.contentHash === contentHash) return [];
  await checkRevenueLine(ledger, row.year, row.kae);
  const subjectId = ledger.debtors.subjects.get(row.taxid) ?? (await personal.subjectOf(row.taxid));
  const details: DebtDetails = { taxid: row.taxid, name: row.name, reason: row.reason };
  const sealer = ledger.debtors.sealers.get(subjectId);
  const events = assessDebt(state, {
    subjectId,
    debtorKind: row.debtorKind,
    year: row.year,
    assessment: row.assessment,
    kae: row.kae,
    amount: row.amount,
    surcharges,
    assessedOn: row.assessedOn,
    dueOn: row.dueOn,
    instalments: row.instalments,
    contentHash,
    sealed: sealer ? sealer(details) : await personal.keyring.seal(subjectId, details),
  });
  ledger.debts.evolve(stream, events);
  return events.map((event) => ({ stream, id: eventId(row.assessedOn, `${stream}/${event.type}`), type: event.type, data: event.data }));
};

/**
 * A chunk of the roll prepared at once: which assessments are new (one question), the debtors' subjects (made
 * where new) and their keys (made where new), so that deciding a row of a new debt asks nothing more.
 */
export const prepareDebts = async (rows: readonly Row[], ledger: LedgerState): Promise<void> => {
  const personal = ledger.personal;
  if (personal === null) return;
  const streamsOf: string[] = [];
  const taxids = new Set<string>();
  for (const row of rows) {
    const year = row.text('year');
    const assessment = row.text('assessment')?.replace(/\s+/g, '').toUpperCase();
    if (year !== null && /^\d{4}$/.test(year) && assessment) streamsOf.push(streams.debt(Number(year), assessment));
    const taxid = row.text('afm');
    if (taxid !== null && isValidAfm(taxid) && !ledger.debtors.subjects.has(taxid)) taxids.add(taxid);
  }
  const debtors = async (): Promise<void> => {
    if (!personal.subjectsOf || taxids.size === 0) return;
    const subjects = await personal.subjectsOf([...taxids]);
    for (const [taxid, subjectId] of subjects) ledger.debtors.subjects.set(taxid, subjectId);
    const unsealed = [...new Set(subjects.values())].filter((subjectId) => !ledger.debtors.sealers.has(subjectId));
    const seal = await personal.keyring.sealer(unsealed);
    for (const subjectId of unsealed) ledger.debtors.sealers.set(subjectId, (value) => seal(subjectId, value));
  };
  // The streams and the debtors are asked side by side, on two connections: the deciding waits for the longer.
  await Promise.all([ledger.debts.preload(streamsOf, initialDebt), debtors()]);
};
