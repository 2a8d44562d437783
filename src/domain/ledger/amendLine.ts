// An `amendment` row (αναμόρφωση) changes a line's appropriation or estimate by a signed amount.
import type { BudgetLineAmended } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { existingLine } from './references.ts';
import { finalAmount } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { DomainError } from '../shared/errors.ts';
import { formatCents } from '../shared/money.ts';

export const amendLine = (row: DocumentRow, state: FiscalYearState): BudgetLineAmended[] => {
  const event: BudgetLineAmended = { type: 'BudgetLineAmended', data: row.fields };
  return unlessRecorded(state, row, event, () => {
    const line = existingLine(state, row);
    const amended = finalAmount(line) + row.cents;
    if (amended < 0n) {
      throw new DomainError(
        'OD_AMENDMENT_NEGATIVE_APPROPRIATION',
        `Η αναμόρφωση αφήνει τη γραμμή ${line.kae} με αρνητική πίστωση (${formatCents(amended)})`,
        `The amendment leaves line ${line.kae} with a negative appropriation (${formatCents(amended)})`,
        'amount',
      );
    }
    // Money already committed is owed: an expense line may not be cut below it (revenue lines have no such floor).
    if (line.side === 'expense' && amended < line.committed) {
      throw new DomainError(
        'OD_AMENDMENT_BELOW_COMMITTED',
        `Η αναμόρφωση αφήνει τη γραμμή ${line.kae} με πίστωση ${formatCents(amended)}, κάτω από τις δεσμεύσεις ${formatCents(line.committed)}`,
        `The amendment leaves line ${line.kae} at ${formatCents(amended)}, below its commitments of ${formatCents(line.committed)}`,
        'amount',
      );
    }
  });
};
