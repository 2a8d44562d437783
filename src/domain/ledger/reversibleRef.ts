// What a reversal (αντιλογισμός) may name: `TYPE:DOCUMENT` of a commitment, order, payment, assessment or
// receipt. The import builds the reference with this, so a refusal reads the same from every entry point.
import type { DocumentRef } from './commands.ts';
import { isReversibleType } from './documentTypes.ts';
import { DomainError } from '../shared/errors.ts';

export const reversibleRef = (type: string, document: string): DocumentRef => {
  if (type === 'budget' || type === 'amendment') {
    throw new DomainError(
      'OD_REVERSAL_OF_BUDGET',
      'Ο προϋπολογισμός και οι αναμορφώσεις δεν αντιλογίζονται· διορθώνονται με αναμόρφωση',
      'Budget rows and amendments cannot be reversed; correct them with an amendment',
      'ref',
    );
  }
  if (type === 'reversal') {
    throw new DomainError('OD_REVERSAL_OF_REVERSAL', 'Ένας αντιλογισμός δεν αντιλογίζεται', 'A reversal cannot itself be reversed', 'ref');
  }
  if (!isReversibleType(type) || document.trim() === '') {
    throw new DomainError('OD_REF_INVALID', `Μη έγκυρο σχετικό παραστατικό: «${type}:${document}»`, `Invalid reference: "${type}:${document}"`, 'ref');
  }
  return { type, document: document.trim() };
};
