// An `amendment` row (αναμόρφωση) changes a line's appropriation or estimate by a signed amount.
import type { BudgetLineAmended } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { existingLine } from './references.ts';
import { finalAmount } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { ledgerErrors } from './errors.ts';

export const amendLine = (row: DocumentRow, state: FiscalYearState): BudgetLineAmended[] => {
  const event: BudgetLineAmended = { type: 'BudgetLineAmended', data: row.fields };
  return unlessRecorded(state, row, event, () => {
    const line = existingLine(state, row);
    const amended = finalAmount(line) + row.cents;
    if (amended < 0n) throw ledgerErrors.OD_AMENDMENT_NEGATIVE_APPROPRIATION({ kae: line.kae, amended });
    // Money already committed is owed: an expense line may not be cut below it (revenue lines have no such floor).
    if (line.side === 'expense' && amended < line.committed) {
      throw ledgerErrors.OD_AMENDMENT_BELOW_COMMITTED({ kae: line.kae, amended, committed: line.committed });
    }
  });
};
