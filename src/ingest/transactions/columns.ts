// The columns of the transactions export and the names a header may give them (fixtures/README.md).
import { CODE_CHARS, importColumns, LABEL_CHARS, NAME_CHARS, TEXT_CHARS } from '../headers.ts';

export const transactionColumns = importColumns([
  { name: 'date', aliases: ['ημερομηνία'], required: true, maxLength: CODE_CHARS },
  { name: 'type', aliases: ['είδος'], required: true, maxLength: CODE_CHARS },
  { name: 'kae', aliases: ['ΚΑΕ'], required: true, maxLength: CODE_CHARS },
  { name: 'amount', aliases: ['ποσό'], required: true, maxLength: CODE_CHARS },
  { name: 'document', aliases: ['παραστατικό'], required: true, maxLength: LABEL_CHARS },
  { name: 'ref', aliases: ['σχετικό'], maxLength: LABEL_CHARS },
  { name: 'afm', aliases: ['ΑΦΜ'], maxLength: CODE_CHARS },
  { name: 'name', aliases: ['επωνυμία'], maxLength: NAME_CHARS },
  { name: 'natural_person', aliases: ['φυσικό_πρόσωπο'], maxLength: CODE_CHARS },
  { name: 'ada', aliases: ['ΑΔΑ'], maxLength: CODE_CHARS },
  { name: 'title', aliases: ['τίτλος'], maxLength: TEXT_CHARS },
  { name: 'description', aliases: ['αιτιολογία'], maxLength: TEXT_CHARS },
]);
