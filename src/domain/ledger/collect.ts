// A `receipt` row (είσπραξη) records revenue collected on a revenue line, against an assessment or not
// (many revenues, such as fees paid at the counter, are collected without one).
import type { RevenueCollected } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { lineFor, referencedDocument, requireRef } from './references.ts';
import { remainder } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { DomainError } from '../shared/errors.ts';
import { formatCents } from '../shared/money.ts';

export const collect = (row: DocumentRow, state: FiscalYearState): RevenueCollected[] => {
  const ref = row.ref === null ? null : requireRef(row, 'assessment');
  const event: RevenueCollected = {
    type: 'RevenueCollected',
    data: { ...row.fields, assessment: ref?.document ?? null, counterparty: row.counterparty },
  };
  return unlessRecorded(state, row, event, () => {
    lineFor(state, row, 'revenue');
    if (ref === null) return;
    const available = remainder(referencedDocument(state, row, ref));
    if (row.cents > available) {
      throw new DomainError(
        'OD_RECEIPT_EXCEEDS_ASSESSMENT',
        `Η είσπραξη ${row.fields.amount} υπερβαίνει το υπόλοιπο ${formatCents(available)} της βεβαίωσης`,
        `The receipt of ${row.fields.amount} exceeds the assessment's remainder of ${formatCents(available)}`,
        'amount',
      );
    }
  });
};
