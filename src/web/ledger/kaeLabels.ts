// Names of the levels of the ΚΑΕ classification as the site shows them: class and service titles from
// the domain (ΚΥΑ 7028/2004), and the expense groups of the shipped 2014 list (classification/kae-2014.json),
// written here in sentence case, with English, because the list spells them in unaccented capitals.
// Revenue groups have no published list at hand, so they appear by number.
import type { KaeClass, Title } from '../../domain/index.ts';
import { classTitle, serviceTitle } from '../../domain/index.ts';
import type { Visit } from '../shared/page.ts';
import { ledgerText } from './messages.ts';

const EXPENSE_GROUPS: Readonly<Record<string, Title>> = {
  '60': { el: 'Αμοιβές και έξοδα προσωπικού', en: 'Staff pay and costs' },
  '61': { el: 'Αμοιβές αιρετών και τρίτων', en: 'Pay of elected officials and third parties' },
  '62': { el: 'Παροχές τρίτων', en: 'Third-party services' },
  '63': { el: 'Φόροι, τέλη', en: 'Taxes and duties' },
  '64': { el: 'Λοιπά γενικά έξοδα', en: 'Other general expenses' },
  '65': { el: 'Πληρωμές για την εξυπηρέτηση δημόσιας πίστεως', en: 'Debt service' },
  '66': { el: 'Δαπάνες προμήθειας αναλωσίμων', en: 'Consumables' },
  '67': { el: 'Μεταβιβάσεις σε τρίτους (επιχορηγήσεις, επιδοτήσεις, δωρεές)', en: 'Transfers to third parties (grants, subsidies, donations)' },
  '68': { el: 'Λοιπά έξοδα', en: 'Other expenses' },
  '71': { el: 'Αγορές κτιρίων, τεχνικών έργων και προμήθειες παγίων', en: 'Buildings, works and fixed assets' },
  '73': { el: 'Έργα', en: 'Public works' },
  '74': { el: 'Μελέτες, έρευνες, πειραματικές εργασίες και ειδικές δαπάνες', en: 'Studies, research and special expenses' },
  '75': { el: 'Τίτλοι πάγιας επένδυσης (συμμετοχές σε επιχειρήσεις)', en: 'Long-term investments (holdings in companies)' },
  '81': { el: 'Πληρωμές υποχρεώσεων παρελθόντων οικονομικών ετών', en: "Payments of past years' obligations" },
  '82': { el: 'Λοιπές αποδόσεις', en: 'Other remittances' },
  '83': { el: 'Επιχορηγούμενες πληρωμές υποχρεώσεων παρελθόντων ετών', en: "Subsidised payments of past years' obligations" },
  '85': { el: 'Προβλέψεις μη είσπραξης βεβαιωμένων υπολοίπων παρελθόντων ετών', en: "Provisions for uncollectable receivables of past years" },
  '91': { el: 'Αποθεματικό για ανεπαρκείς πιστώσεις και μη προβλεπόμενες δαπάνες', en: 'Reserve for insufficient appropriations and unforeseen expenses' },
};

const withTitle = (label: string, title: string | null | undefined): string => (title ? `${label} · ${title}` : label);

export const classLabel = (visit: Visit, klass: string): string =>
  withTitle(ledgerText(visit).kae.klass(klass), /^\d$/.test(klass) ? classTitle(klass as KaeClass)[visit.lang] : null);

export const groupLabel = (visit: Visit, group: string): string => withTitle(ledgerText(visit).kae.group(group), EXPENSE_GROUPS[group]?.[visit.lang]);

export const serviceLabel = (visit: Visit, service: string | null): string =>
  service === null ? ledgerText(visit).kae.noService : withTitle(ledgerText(visit).kae.service(service), serviceTitle(service)?.[visit.lang]);
