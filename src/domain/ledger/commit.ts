// A `commitment` row (ανάληψη υποχρέωσης / δέσμευση) reserves part of an expense line's appropriation.
import type { ExpenseCommitted } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { lineFor } from './references.ts';
import { remainingAppropriation } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { ledgerErrors } from './errors.ts';
import { withinRemainder } from './withinRemainder.ts';

export const commit = (row: DocumentRow, state: FiscalYearState): ExpenseCommitted[] => {
  const event: ExpenseCommitted = { type: 'ExpenseCommitted', data: { ...row.fields, counterparty: row.counterparty } };
  return unlessRecorded(state, row, event, () => {
    const line = lineFor(state, row, 'expense');
    withinRemainder(row, remainingAppropriation(line), (excess) => ledgerErrors.OD_COMMITMENT_EXCEEDS_APPROPRIATION({ ...excess, line: line.kae }));
  });
};
