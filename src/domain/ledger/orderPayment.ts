// An `order` row (χρηματικό ένταλμα) orders payment of part of a commitment.
import type { PaymentOrdered } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { referencedDocument, requireRef } from './references.ts';
import { remainder } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { ledgerErrors } from './errors.ts';
import { withinRemainder } from './withinRemainder.ts';

export const orderPayment = (row: DocumentRow, state: FiscalYearState): PaymentOrdered[] => {
  const ref = requireRef(row, 'commitment');
  const event: PaymentOrdered = {
    type: 'PaymentOrdered',
    data: { ...row.fields, commitment: ref.document, counterparty: row.counterparty },
  };
  return unlessRecorded(state, row, event, () => {
    withinRemainder(row, remainder(referencedDocument(state, row, ref)), ledgerErrors.OD_ORDER_EXCEEDS_COMMITMENT);
  });
};
