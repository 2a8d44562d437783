// An `order` row (χρηματικό ένταλμα) orders payment of part of a commitment.
import type { PaymentOrdered } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { referencedDocument, requireRef } from './references.ts';
import { remainder } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { DomainError } from '../shared/errors.ts';
import { formatCents } from '../shared/money.ts';

export const orderPayment = (row: DocumentRow, state: FiscalYearState): PaymentOrdered[] => {
  const ref = requireRef(row, 'commitment');
  const event: PaymentOrdered = {
    type: 'PaymentOrdered',
    data: { ...row.fields, commitment: ref.document, counterparty: row.counterparty },
  };
  return unlessRecorded(state, row, event, () => {
    const available = remainder(referencedDocument(state, row, ref));
    if (row.cents > available) {
      throw new DomainError(
        'OD_ORDER_EXCEEDS_COMMITMENT',
        `Το ένταλμα ${row.fields.amount} υπερβαίνει το υπόλοιπο ${formatCents(available)} της δέσμευσης`,
        `The payment order of ${row.fields.amount} exceeds the commitment's remainder of ${formatCents(available)}`,
        'amount',
      );
    }
  });
};
