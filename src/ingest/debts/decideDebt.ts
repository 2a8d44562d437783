// One row of a debt roll decided against its assessment's state (store plus the file's earlier rows). The
// debtor's ΑΦΜ, name and the reason are sealed with the debtor's own key; what the row said is kept as a
// keyed hash, so the same row again is a duplicate and another row under the number a conflict, without
// opening anything.
import { Decimal } from 'decimal.js';
import type { DebtDetails } from '../../domain/index.ts';
import { assessDebt, debtsErrors, initialDebt, initialFiscalYear, parseKae, streams } from '../../domain/index.ts';
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
  const subjectId = await personal.subjectOf(row.taxid);
  const details: DebtDetails = { taxid: row.taxid, name: row.name, reason: row.reason };
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
    sealed: await personal.keyring.seal(subjectId, details),
  });
  ledger.debts.evolve(stream, events);
  return events.map((event) => ({ stream, id: eventId(row.assessedOn, `${stream}/${event.type}`), type: event.type, data: event.data }));
};
