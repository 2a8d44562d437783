// The suppliers' words, Greek first; the English must have the Greek's shape (SuppliersMessages).
import { contextText } from '../shared/messages.ts';

export const el = {
  sections: {
    suppliers: 'Προμηθευτές',
  },
  /** Each page's meta description, for search results and link previews. */
  previews: {
    suppliers: 'Οι επιχειρήσεις και οι φορείς που πληρώνει ο Δήμος, με τα ποσά δεσμεύσεων, ενταλμάτων και πληρωμών ανά έτος.',
    supplier: (name: string, afm: string) => `${name} (ΑΦΜ ${afm}): τι δέσμευσε, ενέταλε και πλήρωσε ο Δήμος ανά έτος, και οι πληρωμές.`,
  },
  suppliers: {
    title: 'Προμηθευτές',
    intro: 'Οι επιχειρήσεις και οι φορείς που πληρώνει ο Δήμος, με τα συνολικά ποσά. Τα φυσικά πρόσωπα δεν εμφανίζονται, για την προστασία των προσωπικών τους δεδομένων.',
    search: 'Επωνυμία ή ΑΦΜ',
    columns: { name: 'Επωνυμία', afm: 'ΑΦΜ', committed: 'Δεσμεύσεις', ordered: 'Εντάλματα', paid: 'Πληρωμές', movements: 'Κινήσεις' },
    caption: (year: string) => `Προμηθευτές κατά ποσό πληρωμών (${year})`,
    none: 'Δεν βρέθηκε προμηθευτής.',
    afm: 'ΑΦΜ',
    firstDate: 'Πρώτη κίνηση',
    byYear: 'Ανά οικονομικό έτος',
    byYearCaption: (name: string) => `Ποσά του προμηθευτή ${name} ανά έτος`,
    payments: 'Πληρωμές',
    allMovements: 'Όλες οι κινήσεις του προμηθευτή',
  },
};

export type SuppliersMessages = typeof el;

export const en: SuppliersMessages = {
  sections: {
    suppliers: 'Suppliers',
  },
  previews: {
    suppliers: 'The businesses and bodies the municipality pays, with the amounts committed, ordered and paid each year.',
    supplier: (name, afm) => `${name} (ΑΦΜ ${afm}): what the municipality committed, ordered and paid each year, and the payments.`,
  },
  suppliers: {
    title: 'Suppliers',
    intro: 'The companies and bodies the municipality pays, with their totals. Private individuals are not shown, to protect their personal data.',
    search: 'Name or tax number (ΑΦΜ)',
    columns: { name: 'Name', afm: 'ΑΦΜ', committed: 'Committed', ordered: 'Ordered', paid: 'Paid', movements: 'Movements' },
    caption: (year) => `Suppliers by amount paid (${year})`,
    none: 'No supplier found.',
    afm: 'Tax number (ΑΦΜ)',
    firstDate: 'First movement',
    byYear: 'By fiscal year',
    byYearCaption: (name) => `Amounts for ${name} by year`,
    payments: 'Payments',
    allMovements: 'All movements of this supplier',
  },
};

export const suppliersText = contextText(el, en);
