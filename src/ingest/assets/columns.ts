// The columns of the assets register and the names a header may give them (fixtures/README.md).
import { CODE_CHARS, importColumns, LABEL_CHARS, NAME_CHARS, TEXT_CHARS } from '../headers.ts';

export const assetColumns = importColumns([
  { name: 'date', aliases: ['ημερομηνία'], required: true, maxLength: CODE_CHARS },
  { name: 'action', aliases: ['ενέργεια'], required: true, maxLength: CODE_CHARS },
  { name: 'asset', aliases: ['κωδικός', 'ακίνητο', 'περιουσιακό_στοιχείο'], required: true, maxLength: LABEL_CHARS },
  { name: 'category', aliases: ['κατηγορία'], maxLength: LABEL_CHARS },
  { name: 'name', aliases: ['ονομασία'], repeats: 'counterparty_name', maxLength: NAME_CHARS },
  { name: 'kaek', aliases: ['ΚΑΕΚ'], maxLength: CODE_CHARS },
  { name: 'address', aliases: ['διεύθυνση'], maxLength: NAME_CHARS },
  { name: 'lat', aliases: ['latitude', 'γεωγραφικό_πλάτος', 'πλάτος'], maxLength: CODE_CHARS },
  { name: 'lon', aliases: ['longitude', 'γεωγραφικό_μήκος', 'μήκος'], maxLength: CODE_CHARS },
  { name: 'value', aliases: ['αξία'], maxLength: CODE_CHARS },
  { name: 'afm', aliases: ['ΑΦΜ'], maxLength: CODE_CHARS },
  { name: 'counterparty_name', aliases: ['επωνυμία', 'αντισυμβαλλόμενος'], maxLength: NAME_CHARS },
  { name: 'natural_person', aliases: ['φυσικό_πρόσωπο'], maxLength: CODE_CHARS },
  { name: 'amount', aliases: ['ποσό'], maxLength: CODE_CHARS },
  { name: 'ada', aliases: ['ΑΔΑ'], maxLength: CODE_CHARS },
  { name: 'description', aliases: ['αιτιολογία'], maxLength: TEXT_CHARS },
]);
