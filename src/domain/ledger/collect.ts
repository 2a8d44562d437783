// A `receipt` row (είσπραξη) records revenue collected on a revenue line, against an assessment or not
// (many revenues, such as fees paid at the counter, are collected without one).
import type { RevenueCollected } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { lineFor, referencedDocument, requireRef } from './references.ts';
import { remainder } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { ledgerErrors } from './errors.ts';
import { withinRemainder } from './withinRemainder.ts';

export const collect = (row: DocumentRow, state: FiscalYearState): RevenueCollected[] => {
  const ref = row.ref === null ? null : requireRef(row, 'assessment');
  const event: RevenueCollected = {
    type: 'RevenueCollected',
    data: { ...row.fields, assessment: ref?.document ?? null, counterparty: row.counterparty },
  };
  return unlessRecorded(state, row, event, () => {
    lineFor(state, row, 'revenue');
    if (ref === null) return;
    withinRemainder(row, remainder(referencedDocument(state, row, ref)), ledgerErrors.OD_RECEIPT_EXCEEDS_ASSESSMENT);
  });
};
