// A `commitment` row (ανάληψη υποχρέωσης / δέσμευση) reserves part of an expense line's appropriation.
import type { ExpenseCommitted } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { lineFor } from './references.ts';
import { remainingAppropriation } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { DomainError } from '../shared/errors.ts';
import { formatCents } from '../shared/money.ts';

export const commit = (row: DocumentRow, state: FiscalYearState): ExpenseCommitted[] => {
  const event: ExpenseCommitted = { type: 'ExpenseCommitted', data: { ...row.fields, counterparty: row.counterparty } };
  return unlessRecorded(state, row, event, () => {
    const line = lineFor(state, row, 'expense');
    const available = remainingAppropriation(line);
    if (row.cents > available) {
      throw new DomainError(
        'OD_COMMITMENT_EXCEEDS_APPROPRIATION',
        `Η δέσμευση ${row.fields.amount} υπερβαίνει το διαθέσιμο υπόλοιπο ${formatCents(available)} της γραμμής ${line.kae}`,
        `The commitment of ${row.fields.amount} exceeds the remaining appropriation of ${formatCents(available)} on line ${line.kae}`,
        'amount',
      );
    }
  });
};
