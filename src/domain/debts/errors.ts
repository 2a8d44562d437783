// The debts context's refusals: a clerk reads them in the import report, a citizen on the payment pages.
import { refusals } from '../shared/errors.ts';

interface OfDebt {
  readonly year: number;
  readonly assessment: string;
}

const debtEl = (p: OfDebt): string => `${p.assessment}/${p.year}`;

export const debtsErrors = refusals({
  OD_DEBT_CONFLICT: {
    column: 'assessment',
    status: 409,
    el: (p: OfDebt) => `Η βεβαίωση ${debtEl(p)} έχει ήδη καταχωριστεί με άλλο περιεχόμενο`,
    en: (p: OfDebt) => `Assessment ${debtEl(p)} is already recorded with other content`,
  },
  OD_DEBT_UNKNOWN: {
    column: 'assessment',
    status: 404,
    el: (p: OfDebt) => `Δεν υπάρχει βεβαίωση ${debtEl(p)}`,
    en: (p: OfDebt) => `There is no assessment ${debtEl(p)}`,
  },
  OD_DEBT_AMOUNT_NOT_POSITIVE: { column: 'amount', el: () => 'Το ποσό πρέπει να είναι θετικό', en: () => 'The amount must be positive' },
  OD_DEBT_SURCHARGES_NEGATIVE: { column: 'surcharges', el: () => 'Οι προσαυξήσεις δεν μπορεί να είναι αρνητικές', en: () => 'Surcharges cannot be negative' },
  OD_DEBT_DUE_BEFORE_ASSESSED: {
    column: 'due_on',
    el: () => 'Η λήξη είναι πριν από την ημερομηνία βεβαίωσης',
    en: () => 'The due date is before the assessment date',
  },
  OD_DEBT_YEAR_MISMATCH: {
    column: 'year',
    el: () => 'Το έτος δεν συμφωνεί με την ημερομηνία βεβαίωσης',
    en: () => 'The year does not match the assessment date',
  },
  OD_DEBT_INSTALMENTS_INVALID: {
    column: 'instalments',
    el: () => 'Οι δόσεις πρέπει να είναι ακέραιος από 1 έως 120',
    en: () => 'Instalments must be a whole number from 1 to 120',
  },
  OD_DEBT_KAE_NOT_REVENUE: {
    column: 'kae',
    el: (p: { readonly kae: string }) => `Ο ΚΑΕ ${p.kae} δεν είναι κωδικός εσόδων (οι οφειλές εισπράττονται σε ΚΑΕ εσόδων 0–4)`,
    en: (p: { readonly kae: string }) => `ΚΑΕ ${p.kae} is not a revenue code (debts are collected on revenue codes 0–4)`,
  },
  OD_DEBT_KAE_UNKNOWN: {
    column: 'kae',
    el: (p: { readonly kae: string }) => `Ο ΚΑΕ ${p.kae} δεν είναι γραμμή εσόδων του προϋπολογισμού του έτους`,
    en: (p: { readonly kae: string }) => `ΚΑΕ ${p.kae} is not a revenue line of the year's budget`,
  },
  OD_DEBTOR_KIND_UNKNOWN: {
    column: 'debtor_kind',
    el: (p: { readonly raw: string }) => `Άγνωστο είδος οφειλέτη «${p.raw}»: γράψτε φυσικό ή νομικό πρόσωπο`,
    en: (p: { readonly raw: string }) => `Unknown debtor kind "${p.raw}": write person or company`,
  },
  OD_PERSONAL_DATA_UNAVAILABLE: {
    column: null,
    status: 503,
    el: () => 'Η εισαγωγή οφειλών χρειάζεται την κλειδοθήκη προσωπικών δεδομένων της εγκατάστασης',
    en: () => "Importing debts needs the installation's keyring of personal data",
  },
  OD_DEBT_ADJUSTMENT_EXCEEDS: {
    column: 'amount',
    el: (p: { readonly remaining: string }) => `Η μείωση υπερβαίνει το υπόλοιπο της οφειλής (${p.remaining} €)`,
    en: (p: { readonly remaining: string }) => `The reduction exceeds what remains of the debt (€${p.remaining})`,
  },
  OD_DEBT_ADJUSTMENT_CONFLICT: {
    column: 'ada',
    status: 409,
    el: (p: { readonly ada: string }) => `Η απόφαση ${p.ada} έχει ήδη καταχωριστεί για αυτή την οφειλή με άλλο περιεχόμενο`,
    en: (p: { readonly ada: string }) => `Decision ${p.ada} is already recorded for this debt with other content`,
  },
  OD_DEBT_ALREADY_PAID: {
    column: 'assessment',
    status: 409,
    el: (p: OfDebt) => `Η οφειλή ${debtEl(p)} έχει ήδη εξοφληθεί`,
    en: (p: OfDebt) => `Debt ${debtEl(p)} is already paid`,
  },
  OD_DEBT_OVERPAID: {
    column: 'amount',
    status: 409,
    el: (p: { readonly remaining: string }) => `Η πληρωμή υπερβαίνει το υπόλοιπο της οφειλής (${p.remaining} €)`,
    en: (p: { readonly remaining: string }) => `The payment exceeds what remains of the debt (€${p.remaining})`,
  },
  OD_DEBT_SETTLED_ALREADY: {
    column: 'ada',
    status: 409,
    el: () => 'Η οφειλή έχει ήδη ρυθμιστεί με άλλη απόφαση',
    en: () => 'The debt is already settled by another decision',
  },
  OD_PAYMENT_EMPTY: { column: null, el: () => 'Δεν επιλέξατε καμία οφειλή', en: () => 'No debt was selected' },
  OD_PAYMENT_UNKNOWN: { column: null, status: 404, el: () => 'Άγνωστη πληρωμή', en: () => 'Unknown payment' },
  OD_PAYMENT_AMOUNT_MISMATCH: {
    column: null,
    status: 409,
    el: () => 'Το ποσό που επιβεβαίωσε ο πάροχος πληρωμών δεν είναι το ποσό της πληρωμής',
    en: () => 'The amount the payment provider confirmed is not the amount of the payment',
  },
});
