// The columns of a file of reductions, write-offs and settlements of debts already in a roll.
import { CODE_CHARS, importColumns, TEXT_CHARS } from '../headers.ts';

export const debtAdjustmentColumns = importColumns([
  { name: 'assessment', aliases: ['αριθμός_βεβαίωσης', 'βεβαίωση'], required: true, maxLength: CODE_CHARS },
  { name: 'year', aliases: ['έτος'], required: true, maxLength: CODE_CHARS },
  { name: 'action', aliases: ['ενέργεια'], required: true, maxLength: CODE_CHARS },
  { name: 'amount', aliases: ['ποσό'], maxLength: CODE_CHARS },
  { name: 'instalments', aliases: ['δόσεις'], maxLength: CODE_CHARS },
  { name: 'reason', aliases: ['αιτία', 'αιτιολογία'], maxLength: TEXT_CHARS },
  { name: 'ada', aliases: ['ΑΔΑ', 'απόφαση'], required: true, maxLength: CODE_CHARS },
  { name: 'date', aliases: ['ημερομηνία'], required: true, maxLength: CODE_CHARS },
]);
