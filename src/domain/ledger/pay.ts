// A `payment` row (πληρωμή) pays part of a payment order.
import type { PaymentMade } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { referencedDocument, requireRef } from './references.ts';
import { remainder } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { ledgerErrors } from './errors.ts';
import { withinRemainder } from './withinRemainder.ts';

export const pay = (row: DocumentRow, state: FiscalYearState): PaymentMade[] => {
  const ref = requireRef(row, 'order');
  const event: PaymentMade = {
    type: 'PaymentMade',
    data: { ...row.fields, order: ref.document, counterparty: row.counterparty },
  };
  return unlessRecorded(state, row, event, () => {
    withinRemainder(row, remainder(referencedDocument(state, row, ref)), ledgerErrors.OD_PAYMENT_EXCEEDS_ORDER);
  });
};
