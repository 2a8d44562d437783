// What a reversal (αντιλογισμός) may name: `TYPE:DOCUMENT` of a commitment, order, payment, assessment or
// receipt. The import builds the reference with this, so a refusal reads the same from every entry point.
import type { DocumentRef } from './commands.ts';
import { isReversibleType } from './documentTypes.ts';
import { ledgerErrors } from './errors.ts';

export const reversibleRef = (type: string, document: string): DocumentRef => {
  if (type === 'budget' || type === 'amendment') throw ledgerErrors.OD_REVERSAL_OF_BUDGET();
  if (type === 'reversal') throw ledgerErrors.OD_REVERSAL_OF_REVERSAL();
  if (!isReversibleType(type) || document.trim() === '') throw ledgerErrors.OD_REF_INVALID({ type, document });
  return { type, document: document.trim() };
};
