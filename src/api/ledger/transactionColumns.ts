// The columns of the transactions export: the fields of the read model (as GraphQL shows them), plus the
// document type in Greek for the person reading the spreadsheet.
import type { TransactionTypeName, TransactionView } from '../../projections/ledger/index.ts';
import type { CsvColumn } from '../shared/rest/csv.ts';

/** The finance department's words for each document type. */
export const TYPE_IN_GREEK: Readonly<Record<TransactionTypeName, string>> = {
  BUDGET: 'προϋπολογισμός',
  AMENDMENT: 'αναμόρφωση',
  COMMITMENT: 'ανάληψη υποχρέωσης',
  ORDER: 'χρηματικό ένταλμα',
  PAYMENT: 'πληρωμή',
  ASSESSMENT: 'βεβαίωση',
  RECEIPT: 'είσπραξη',
  REVERSAL: 'αντιλογισμός',
};

export const transactionColumns: readonly CsvColumn<TransactionView>[] = [
  { name: 'position', el: 'Θέση στο καθολικό', en: 'Ledger position', cell: (t) => ({ text: String(t.position) }) },
  { name: 'id', el: 'Κωδικός', en: 'Id', cell: (t) => ({ text: t.id }) },
  { name: 'date', el: 'Ημερομηνία', en: 'Date', cell: (t) => ({ text: t.date }) },
  { name: 'year', el: 'Οικονομικό έτος', en: 'Fiscal year', cell: (t) => ({ text: String(t.year) }) },
  { name: 'type', el: 'Είδος', en: 'Type', cell: (t) => ({ text: t.type }) },
  { name: 'type_el', el: 'Είδος (ελληνικά)', en: 'Type (Greek)', cell: (t) => ({ text: TYPE_IN_GREEK[t.type] }) },
  { name: 'side', el: 'Σκέλος', en: 'Side', cell: (t) => ({ text: t.side }) },
  { name: 'kae', el: 'ΚΑΕ', en: 'Budget code', cell: (t) => ({ text: t.kae }) },
  { name: 'amount', el: 'Ποσό (€)', en: 'Amount (EUR)', cell: (t) => ({ amount: t.amount }) },
  { name: 'document', el: 'Παραστατικό', en: 'Document', cell: (t) => ({ text: t.document }) },
  { name: 'ref', el: 'Σχετικό', en: 'Reference', cell: (t) => ({ text: t.ref }) },
  { name: 'counterparty_afm', el: 'ΑΦΜ', en: 'Tax number', cell: (t) => ({ text: t.counterparty?.afm ?? null }) },
  { name: 'counterparty_name', el: 'Αντισυμβαλλόμενος', en: 'Counterparty', cell: (t) => ({ text: t.counterparty?.name ?? null }) },
  { name: 'natural_person', el: 'Φυσικό πρόσωπο', en: 'Natural person', cell: (t) => ({ flag: t.counterparty?.naturalPerson ?? null }) },
  { name: 'ada', el: 'ΑΔΑ', en: 'Diavgeia decision', cell: (t) => ({ text: t.ada }) },
  { name: 'description', el: 'Αιτιολογία', en: 'Description', cell: (t) => ({ text: t.description }) },
];
