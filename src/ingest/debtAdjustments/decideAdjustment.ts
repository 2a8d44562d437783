// One row of reductions, write-offs and settlements (ρυθμίσεις), decided against its debt. A decision's ΑΔΑ
// is the row's key on the debt: the same row again adds nothing; another under the same ΑΔΑ is refused.
import type { Decimal } from 'decimal.js';
import type { DebtEvent } from '../../domain/index.ts';
import { adjustDebt, debtsErrors, initialDebt, normalizeAda, settleDebt, streams } from '../../domain/index.ts';
import { eventId } from '../eventIds.ts';
import type { LedgerState } from '../ledgerState.ts';
import type { SpooledEvent } from '../spool.ts';
import { requirePersonal } from '../debts/index.ts';

export type AdjustmentAction = 'reduction' | 'write-off' | 'settlement';

export interface AdjustmentRow {
  readonly assessment: string;
  readonly year: number;
  readonly action: AdjustmentAction;
  readonly amount: Decimal | null;
  readonly instalments: number | null;
  readonly reason: string;
  readonly ada: string;
  readonly date: string;
}

export const decideAdjustment = async (row: AdjustmentRow, ledger: LedgerState): Promise<SpooledEvent[]> => {
  const personal = requirePersonal(ledger);
  const stream = streams.debt(row.year, row.assessment);
  const state = ledger.debts.peek(stream) ?? (await ledger.debts.load(stream, initialDebt));
  if (state.status !== 'assessed') throw debtsErrors.OD_DEBT_UNKNOWN({ year: row.year, assessment: row.assessment });
  const ada = normalizeAda(row.ada);
  const contentHash = personal.keyring.lookupHash('debt-adjustment', JSON.stringify([row.action, row.amount?.toFixed(2) ?? null, row.instalments, row.reason, ada, row.date]));
  const base = { year: row.year, assessment: row.assessment, ada, contentHash };
  let events: DebtEvent[];
  if (row.action === 'settlement') {
    if (row.instalments === null) throw debtsErrors.OD_DEBT_INSTALMENTS_INVALID();
    events = settleDebt(state, { ...base, agreedOn: row.date, instalments: row.instalments });
  } else {
    if (row.amount === null) throw debtsErrors.OD_DEBT_AMOUNT_NOT_POSITIVE();
    const known = state.adjustments.get(ada);
    // Sealed only when new: a duplicate is told by its hash.
    const sealed = known === contentHash ? '' : await personal.keyring.seal(state.subjectId, { reason: row.reason });
    events = adjustDebt(state, { ...base, adjustment: row.action, amount: row.amount, decidedOn: row.date, sealed });
  }
  ledger.debts.evolve(stream, events);
  return events.map((event) => ({ stream, id: eventId(row.date, `${stream}/${event.type}/${ada}`), type: event.type, data: event.data }));
};
