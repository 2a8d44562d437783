// A row of the transactions export → the command for its fiscal year. The domain checks what the values
// mean (ΚΑΕ, ΑΔΑ, ΑΦΜ, signs, references); here they are only read.
import type { RecordDocument } from '../../domain/index.ts';
import { counterpartyOf } from '../counterpartyCells.ts';
import { parseAmount } from '../parseAmount.ts';
import { parseDate } from '../parseDate.ts';
import { parseRef } from './parseRef.ts';
import type { Row } from '../row.ts';
import { asText } from '../row.ts';
import { documentTypes } from './documentTypes.ts';

/** Null when a cell is refused (the row's refusals say why). */
export const transactionCommand = (row: Row): RecordDocument | null => {
  const date = row.required('date', parseDate);
  const documentType = row.required('type', documentTypes.read);
  const kae = row.required('kae', asText);
  const amount = row.required('amount', parseAmount);
  const document = row.required('document', asText);
  const ref = documentType === null ? null : row.optional('ref', (raw) => parseRef(raw, documentType));
  const counterparty = counterpartyOf(row, 'name');
  if (date === null || documentType === null || kae === null || amount === null || document === null || row.refusals.length > 0) return null;
  return {
    type: 'RecordDocument',
    data: {
      documentType,
      date,
      kae,
      amount,
      document,
      ref,
      counterparty,
      ada: row.text('ada'),
      title: row.text('title'),
      description: row.text('description'),
    },
  };
};
