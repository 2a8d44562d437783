// The rows of a year's Fiscal Data Package: one per transaction, with its ΚΑΕ line's title and hierarchy and
// the budget-execution stage it moves. `amount` is signed by its effect on that stage (a reversal takes
// back), so summing `amount` by `direction` and `stage` gives the year's budget execution to the cent.
import { Decimal } from 'decimal.js';
import type { BudgetMeasure } from '../../domain/index.ts';
import { MEASURE_OF, isReversibleType, parseKae } from '../../domain/index.ts';
import type { TransactionTypeName, TransactionView } from '../../projections/ledger/index.ts';
import type { CsvColumn } from '../shared/rest/csv.ts';
import { TYPE_IN_GREEK } from './transactionColumns.ts';

/** The measures of a line as the package names them: the domain's amendments are its adjustments. */
export type Stage = Exclude<BudgetMeasure, 'amendments'> | 'adjustments';
/** The Fiscal Data Package's budget phases. */
export type Phase = 'approved' | 'adjusted' | 'executed';
export type Direction = 'expenditure' | 'revenue';

export interface FdpRow {
  readonly transaction: TransactionView;
  readonly direction: Direction;
  readonly phase: Phase;
  readonly stage: Stage;
  readonly signedAmount: string;
  readonly kaeTitle: string | null;
  readonly kaeClass: string;
  readonly kaeGroup: string;
  readonly service: string | null;
}

const STAGE_OF: Readonly<Record<Exclude<TransactionTypeName, 'REVERSAL'>, Stage>> = {
  BUDGET: 'initial',
  AMENDMENT: 'adjustments',
  COMMITMENT: 'committed',
  ORDER: 'ordered',
  PAYMENT: 'paid',
  ASSESSMENT: 'assessed',
  RECEIPT: 'collected',
};

/** A reversal's ref names what it reverses, "payment:Π-10": it moves the measure that document moved. */
const reversedStage = (ref: string | null): Stage | undefined => {
  const type = (ref ?? '').split(':')[0]!;
  return isReversibleType(type) ? MEASURE_OF[type] : undefined;
};

const phaseOf = (stage: Stage): Phase => (stage === 'initial' ? 'approved' : stage === 'adjustments' ? 'adjusted' : 'executed');

const negated = (amount: string): string => {
  const value = new Decimal(amount);
  return value.isZero() ? '0.00' : value.negated().toFixed(2);
};

export const toFdpRow = (t: TransactionView, titles: ReadonlyMap<string, string | null>): FdpRow => {
  const reversed = t.type === 'REVERSAL' ? reversedStage(t.ref) : undefined;
  if (t.type === 'REVERSAL' && reversed === undefined) throw new Error(`reversal ${t.id} does not name what it reverses (ref "${t.ref}")`);
  const stage = t.type === 'REVERSAL' ? reversed! : STAGE_OF[t.type];
  const kae = parseKae(t.kae);
  return {
    transaction: t,
    direction: t.side === 'EXPENSE' ? 'expenditure' : 'revenue',
    phase: phaseOf(stage),
    stage,
    signedAmount: t.type === 'REVERSAL' ? negated(t.amount) : t.amount,
    kaeTitle: titles.get(t.kae) ?? null,
    kaeClass: kae.klass,
    kaeGroup: kae.group,
    service: kae.service,
  };
};

export interface FdpColumn extends CsvColumn<FdpRow> {
  /** Table Schema field type. */
  readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'year';
  readonly format?: string;
  readonly about: { readonly el: string; readonly en: string };
  readonly values?: readonly string[];
  readonly required?: boolean;
}

const text = (value: string | null) => ({ text: value });

export const fdpColumns: readonly FdpColumn[] = [
  { name: 'id', type: 'string', format: 'uuid', required: true, el: 'Κωδικός', en: 'Id', about: { el: 'Ταυτότητα του γεγονότος στο καθολικό', en: 'Id of the event in the ledger' }, cell: (r) => text(r.transaction.id) },
  { name: 'date', type: 'date', required: true, el: 'Ημερομηνία', en: 'Date', about: { el: 'Ημερομηνία του παραστατικού', en: 'Date of the document' }, cell: (r) => text(r.transaction.date) },
  { name: 'fiscal_year', type: 'year', required: true, el: 'Οικονομικό έτος', en: 'Fiscal year', about: { el: 'Οικονομικό έτος', en: 'Fiscal year' }, cell: (r) => text(String(r.transaction.year)) },
  {
    name: 'type', type: 'string', required: true, el: 'Είδος', en: 'Type', values: Object.keys(TYPE_IN_GREEK),
    about: { el: 'Είδος παραστατικού', en: 'Document type' }, cell: (r) => text(r.transaction.type),
  },
  { name: 'type_el', type: 'string', required: true, el: 'Είδος (ελληνικά)', en: 'Type (Greek)', about: { el: 'Το είδος με τους όρους του λογιστηρίου', en: "The type in the finance department's words" }, cell: (r) => text(TYPE_IN_GREEK[r.transaction.type]) },
  {
    name: 'direction', type: 'string', required: true, el: 'Σκέλος', en: 'Direction', values: ['expenditure', 'revenue'],
    about: { el: 'Έξοδα ή έσοδα', en: 'Expenditure or revenue' }, cell: (r) => text(r.direction),
  },
  {
    name: 'phase', type: 'string', required: true, el: 'Φάση', en: 'Phase', values: ['approved', 'adjusted', 'executed'],
    about: { el: 'Εγκεκριμένος, αναμορφωμένος ή εκτελεσμένος προϋπολογισμός', en: 'Approved, adjusted or executed budget' }, cell: (r) => text(r.phase),
  },
  {
    name: 'stage', type: 'string', required: true, el: 'Στάδιο', en: 'Stage', values: ['initial', 'adjustments', 'committed', 'ordered', 'paid', 'assessed', 'collected'],
    about: { el: 'Το μέγεθος της εκτέλεσης που κινεί η γραμμή', en: 'The budget-execution measure the row moves' }, cell: (r) => text(r.stage),
  },
  {
    name: 'amount', type: 'number', required: true, el: 'Ποσό (€)', en: 'Amount (EUR)',
    about: { el: 'Σε ευρώ· αρνητικό όταν αφαιρεί από το στάδιο (αντιλογισμός, περικοπή)', en: 'In euros; negative when it takes back from the stage (a reversal, a cut)' },
    cell: (r) => ({ amount: r.signedAmount }),
  },
  { name: 'kae', type: 'string', required: true, el: 'ΚΑΕ', en: 'Budget code', about: { el: 'Κωδικός αριθμός εσόδων/εξόδων (ΚΥΑ 7028/2004)', en: 'Revenue/expense code (ΚΑΕ, Joint Ministerial Decision 7028/2004)' }, cell: (r) => text(r.transaction.kae) },
  { name: 'kae_title', type: 'string', el: 'Τίτλος ΚΑΕ', en: 'Budget line title', about: { el: 'Τίτλος της γραμμής του προϋπολογισμού', en: 'Title of the budget line' }, cell: (r) => text(r.kaeTitle) },
  { name: 'kae_class', type: 'string', required: true, el: 'Κατηγορία', en: 'Class', about: { el: 'Πρώτο ψηφίο του ΚΑΕ (0-5 έσοδα, 6-9 έξοδα)', en: 'First digit of the code (0-5 revenue, 6-9 expense)' }, cell: (r) => text(r.kaeClass) },
  { name: 'kae_group', type: 'string', required: true, el: 'Ομάδα', en: 'Group', about: { el: 'Δύο πρώτα ψηφία του ΚΑΕ', en: 'First two digits of the code' }, cell: (r) => text(r.kaeGroup) },
  { name: 'service', type: 'string', el: 'Υπηρεσία', en: 'Service', about: { el: 'Κωδικός υπηρεσίας του ΚΑΕ εξόδων', en: 'Service code of an expense code' }, cell: (r) => text(r.service) },
  { name: 'document', type: 'string', required: true, el: 'Παραστατικό', en: 'Document', about: { el: 'Αριθμός παραστατικού', en: 'Document number' }, cell: (r) => text(r.transaction.document) },
  { name: 'ref', type: 'string', el: 'Σχετικό', en: 'Reference', about: { el: 'Το παραστατικό που ακολουθεί ή αντιλογίζει (είδος:αριθμός)', en: 'The document it follows or reverses (type:number)' }, cell: (r) => text(r.transaction.ref) },
  { name: 'counterparty_afm', type: 'string', el: 'ΑΦΜ', en: 'Tax number', about: { el: 'ΑΦΜ νομικού προσώπου· κενό για φυσικά πρόσωπα', en: 'Tax number of a legal entity; empty for natural persons' }, cell: (r) => text(r.transaction.counterparty?.afm ?? null) },
  { name: 'counterparty_name', type: 'string', el: 'Αντισυμβαλλόμενος', en: 'Counterparty', about: { el: 'Επωνυμία· «φυσικό πρόσωπο» για φυσικά πρόσωπα', en: 'Name; «φυσικό πρόσωπο» (natural person) for individuals' }, cell: (r) => text(r.transaction.counterparty?.name ?? null) },
  { name: 'natural_person', type: 'boolean', el: 'Φυσικό πρόσωπο', en: 'Natural person', about: { el: 'Ο αντισυμβαλλόμενος είναι φυσικό πρόσωπο', en: 'The counterparty is a natural person' }, cell: (r) => ({ flag: r.transaction.counterparty?.naturalPerson ?? null }) },
  { name: 'ada', type: 'string', el: 'ΑΔΑ', en: 'Diavgeia decision', about: { el: 'Αριθμός διαδικτυακής ανάρτησης στη Διαύγεια', en: 'Diavgeia publication number (ΑΔΑ)' }, cell: (r) => text(r.transaction.ada) },
  { name: 'description', type: 'string', el: 'Αιτιολογία', en: 'Description', about: { el: 'Αιτιολογία', en: 'Description' }, cell: (r) => text(r.transaction.description) },
];
