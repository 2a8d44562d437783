// The columns of a debt roll (βεβαιωτικός / χρηματικός κατάλογος) from the revenue department's system, and
// the names a header may give them (fixtures/README.md).
import { CODE_CHARS, importColumns, NAME_CHARS, TEXT_CHARS } from '../headers.ts';

export const debtColumns = importColumns([
  { name: 'afm', aliases: ['ΑΦΜ', 'α.φ.μ.'], required: true, maxLength: CODE_CHARS },
  { name: 'name', aliases: ['ονοματεπώνυμο', 'επωνυμία', 'οφειλέτης'], required: true, maxLength: NAME_CHARS },
  { name: 'assessment', aliases: ['αριθμός_βεβαίωσης', 'βεβαίωση', 'αριθμός'], required: true, maxLength: CODE_CHARS },
  { name: 'year', aliases: ['έτος'], required: true, maxLength: CODE_CHARS },
  { name: 'kae', aliases: ['ΚΑΕ', 'κωδικός_εσόδου'], required: true, maxLength: CODE_CHARS },
  { name: 'reason', aliases: ['αιτία', 'αιτιολογία'], required: true, maxLength: TEXT_CHARS },
  { name: 'amount', aliases: ['ποσό'], required: true, maxLength: CODE_CHARS },
  { name: 'assessed_on', aliases: ['ημερομηνία_βεβαίωσης'], required: true, maxLength: CODE_CHARS },
  { name: 'due_on', aliases: ['λήξη', 'ημερομηνία_λήξης'], required: true, maxLength: CODE_CHARS },
  { name: 'instalments', aliases: ['δόσεις'], maxLength: CODE_CHARS },
  { name: 'surcharges', aliases: ['προσαυξήσεις'], maxLength: CODE_CHARS },
  { name: 'debtor_kind', aliases: ['είδος_οφειλέτη', 'είδος'], maxLength: CODE_CHARS },
]);
