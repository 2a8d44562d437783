// The type words of the transactions export (also in `ref`), in English and Greek.
import type { DocumentType } from '../../domain/index.ts';
import { ingestErrors } from '../ingestErrors.ts';
import { vocabulary } from '../vocabulary.ts';

export const documentTypes = vocabulary<DocumentType>(ingestErrors.OD_TYPE_UNKNOWN, [
  ['budget', 'budget', 'προϋπολογισμός'],
  ['amendment', 'amendment', 'αναμόρφωση'],
  ['commitment', 'commitment', 'δέσμευση', 'ανάληψη υποχρέωσης'],
  ['order', 'order', 'ένταλμα', 'χρηματικό ένταλμα'],
  ['payment', 'payment', 'πληρωμή'],
  ['assessment', 'assessment', 'βεβαίωση'],
  ['receipt', 'receipt', 'είσπραξη'],
  ['reversal', 'reversal', 'αντιλογισμός'],
]);
