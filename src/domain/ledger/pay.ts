// A `payment` row (πληρωμή) pays part of a payment order.
import type { PaymentMade } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { referencedDocument, requireRef } from './references.ts';
import { remainder } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { DomainError } from '../shared/errors.ts';
import { formatCents } from '../shared/money.ts';

export const pay = (row: DocumentRow, state: FiscalYearState): PaymentMade[] => {
  const ref = requireRef(row, 'order');
  const event: PaymentMade = {
    type: 'PaymentMade',
    data: { ...row.fields, order: ref.document, counterparty: row.counterparty },
  };
  return unlessRecorded(state, row, event, () => {
    const available = remainder(referencedDocument(state, row, ref));
    if (row.cents > available) {
      throw new DomainError(
        'OD_PAYMENT_EXCEEDS_ORDER',
        `Η πληρωμή ${row.fields.amount} υπερβαίνει το υπόλοιπο ${formatCents(available)} του εντάλματος`,
        `The payment of ${row.fields.amount} exceeds the payment order's remainder of ${formatCents(available)}`,
        'amount',
      );
    }
  });
};
