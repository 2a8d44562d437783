// The words of the whole site, Greek first with English beside it: the frame (navigation, footer), common
// words, the movements and stages every context shows, errors and the site-wide pages. Each context adds its
// own dictionary on top (contextText); its English must have its Greek's shape, as this one's must.
import type { TransactionTypeName } from '../../projections/ledger/index.ts';
import type { Lang } from './lang.ts';
import type { Stage } from './stages.ts';

const plural = (n: string, one: string, many: string): string => (n === '1' ? one : many);

export const el = {
  tagline: 'Ανοιχτά οικονομικά',
  skipLink: 'Μετάβαση στο κύριο περιεχόμενο',
  navLabel: 'Κύρια πλοήγηση',
  breadcrumbLabel: 'Διαδρομή πλοήγησης',
  otherLanguage: { name: 'English', hint: 'Read this page in English' },
  nav: {
    home: 'Αρχική',
    openData: 'Ανοιχτά δεδομένα & API',
    accessibility: 'Δήλωση προσβασιμότητας',
    services: 'Υπηρεσίες',
    finances: 'Οικονομικά',
    privacy: 'Ιδιωτικότητα',
  },
  account: {
    login: 'Σύνδεση',
    loginHint: 'Σύνδεση με TaxisNet',
    my: 'Ο λογαριασμός μου',
    office: 'Γραφείο',
  },
  /** Shown in both languages on every page, Greek first (layout.ts), while the TaxisNet stand-in is mounted. */
  devBanner: 'Δοκιμαστική εγκατάσταση: η σύνδεση TaxisNet είναι προσομοίωση με φανταστικά πρόσωπα.',
  footer: {
    about: 'Κάθε έσοδο και έξοδο του Δήμου καταγράφεται ως αμετάβλητο γεγονός και δημοσιεύεται εδώ μόλις καταχωριστεί.',
    privacy: 'Τα φυσικά πρόσωπα δεν εμφανίζονται ποτέ με όνομα ή ΑΦΜ (ΓΚΠΔ).',
    license: 'Ανοιχτό λογισμικό OpenDimos, άδεια EUPL-1.2',
    amountsNote: '',
    contactTitle: 'Επικοινωνία',
    email: 'Ηλεκτρονικό ταχυδρομείο',
    phone: 'Τηλέφωνο',
    dpo: 'Υπεύθυνος Προστασίας Δεδομένων (ΥΠΔ)',
    linksTitle: 'Ο ιστότοπος',
    lastUpdated: 'Τελευταία ενημέρωση δεδομένων',
    noDataYet: 'Δεν έχουν καταχωριστεί ακόμη δεδομένα.',
  },
  /** For search results and link previews: the site's own, and the frame's pages'. */
  descriptions: {
    site: (municipality: string) => `${municipality}: οι υπηρεσίες του Δήμου online και τα οικονομικά του σε πραγματικό χρόνο, προϋπολογισμός, κινήσεις, προμηθευτές και περιουσία, ως ανοιχτά δεδομένα.`,
    services: (municipality: string) => `${municipality}: οι ηλεκτρονικές υπηρεσίες για δημότες και επιχειρήσεις, με σύνδεση TaxisNet.`,
    privacy: (municipality: string) => `${municipality}: πώς επεξεργάζεται τα προσωπικά δεδομένα ο ιστότοπος, τι κρατά, γιατί, για πόσο, και τα δικαιώματά σας (ΓΚΠΔ).`,
    accessibility: (municipality: string) => `${municipality}: η δήλωση προσβασιμότητας του ιστοτόπου (ν. 4727/2020, WCAG 2.1 ΑΑ) και πώς να αναφέρετε ένα εμπόδιο.`,
    openData: 'Όλα τα οικονομικά δεδομένα του Δήμου ως ανοιχτά δεδομένα: GraphQL, ζωντανή ροή, CSV, JSON, Fiscal Data Package και επαλήθευση της αλυσίδας κατακερματισμού.',
    error: 'Η σελίδα δεν είναι διαθέσιμη.',
  },
  services: {
    title: 'Υπηρεσίες',
    lead: 'Οι ηλεκτρονικές υπηρεσίες του Δήμου. Συνδέεστε με τους κωδικούς σας στο TaxisNet· δεν χρειάζεται άλλος λογαριασμός.',
    citizenTitle: 'Για δημότες και επιχειρήσεις',
    financesTitle: 'Οικονομικά του Δήμου',
    financesLead: 'Ανοιχτά σε όλους, χωρίς σύνδεση: κάθε έσοδο και έξοδο του Δήμου μόλις καταχωριστεί.',
  },
  types: {
    BUDGET: 'Προϋπολογισμός',
    AMENDMENT: 'Αναμόρφωση',
    COMMITMENT: 'Ανάληψη υποχρέωσης',
    ORDER: 'Χρηματικό ένταλμα',
    PAYMENT: 'Πληρωμή',
    ASSESSMENT: 'Βεβαίωση',
    RECEIPT: 'Είσπραξη',
    REVERSAL: 'Αντιλογισμός',
  } satisfies Record<TransactionTypeName, string>,
  stages: {
    initial: 'Αρχικός',
    amendments: 'Αναμορφώσεις',
    final: 'Τελικός',
    committed: 'Δεσμεύσεις',
    ordered: 'Εντάλματα',
    paid: 'Πληρωμές',
    assessed: 'Βεβαιώσεις',
    collected: 'Εισπράξεις',
  } satisfies Record<Stage, string>,
  stagesLong: {
    initial: 'Αρχικός προϋπολογισμός',
    amendments: 'Αναμορφώσεις',
    final: 'Τελικός (διαμορφωμένος) προϋπολογισμός',
    committed: 'Αναλήψεις υποχρέωσης (δεσμεύσεις)',
    ordered: 'Χρηματικά εντάλματα',
    paid: 'Πληρωμές',
    assessed: 'Βεβαιώσεις',
    collected: 'Εισπράξεις',
  } satisfies Record<Stage, string>,
  naturalPerson: 'φυσικό πρόσωπο',
  months: ['Ιανουάριος', 'Φεβρουάριος', 'Μάρτιος', 'Απρίλιος', 'Μάιος', 'Ιούνιος', 'Ιούλιος', 'Αύγουστος', 'Σεπτέμβριος', 'Οκτώβριος', 'Νοέμβριος', 'Δεκέμβριος'],
  monthsShort: ['Ιαν', 'Φεβ', 'Μαρ', 'Απρ', 'Μάι', 'Ιουν', 'Ιουλ', 'Αυγ', 'Σεπ', 'Οκτ', 'Νοε', 'Δεκ'],
  common: {
    total: 'Σύνολο',
    amount: 'Ποσό',
    date: 'Ημερομηνία',
    none: '—',
    month: 'Μήνας',
    share: 'Ποσοστό',
    chartOf: (what: string) => `Γράφημα: ${what}`,
    tableOf: (what: string) => `Πίνακας: ${what}`,
    legend: 'Υπόμνημα',
    apply: 'Εφαρμογή',
    clear: 'Καθαρισμός',
    search: 'Αναζήτηση',
    year: 'Οικονομικό έτος',
    allYears: 'Όλα τα έτη',
    movementsCount: (n: string) => plural(n, '1 κίνηση', `${n} κινήσεις`),
    showing: (from: string, to: string, total: string) => `Εμφανίζονται ${from}–${to} από ${total}`,
    pages: 'Σελίδες',
    firstPage: 'Πρώτη σελίδα',
    nextPage: 'Επόμενη σελίδα',
    scrollHint: 'Ο πίνακας κυλά οριζόντια',
    filters: 'Φίλτρα',
  },
  movement: {
    columns: { date: 'Ημερομηνία', type: 'Είδος', document: 'Παραστατικό', kae: 'ΚΑΕ', counterparty: 'Δικαιούχος / Οφειλέτης', description: 'Αιτιολογία', amount: 'Ποσό' },
    ada: 'ΑΔΑ',
    adaLink: (ada: string) => `Η απόφαση ${ada} στη Διαύγεια`,
    refers: 'Σχετικό',
    summary: (type: string, amount: string, kae: string) => `${type} ${amount}, ΚΑΕ ${kae}`,
    paymentsNone: 'Δεν έχουν γίνει πληρωμές.',
  },
  openData: {
    title: 'Ανοιχτά δεδομένα & API',
  },
  accessibility: {
    title: 'Δήλωση προσβασιμότητας',
  },
  privacy: {
    title: 'Ιδιωτικότητα',
  },
  errors: {
    notFound: 'Η σελίδα δεν βρέθηκε',
    notFoundText: 'Η διεύθυνση που ζητήσατε δεν υπάρχει. Ίσως γράφτηκε λάθος ή η σελίδα μετακινήθηκε.',
    badRequest: 'Το αίτημα δεν είναι έγκυρο',
    badRequestText: 'Κάποια από τα στοιχεία της διεύθυνσης δεν είναι έγκυρα.',
    tooMany: 'Πάρα πολλές αιτήσεις',
    tooManyText: 'Στείλατε πολλές αιτήσεις σε λίγο χρόνο. Δοκιμάστε ξανά σε ένα λεπτό.',
    serverError: 'Κάτι πήγε στραβά',
    serverErrorText: 'Παρουσιάστηκε σφάλμα στον διακομιστή. Δοκιμάστε ξανά σε λίγο.',
    home: 'Επιστροφή στην αρχική σελίδα',
  },
};

export type SharedMessages = typeof el;

export const en: SharedMessages = {
  tagline: 'Open finances',
  skipLink: 'Skip to main content',
  navLabel: 'Main navigation',
  breadcrumbLabel: 'Breadcrumb',
  otherLanguage: { name: 'Ελληνικά', hint: 'Διαβάστε τη σελίδα στα ελληνικά' },
  nav: {
    home: 'Home',
    openData: 'Open data & API',
    accessibility: 'Accessibility statement',
    services: 'Services',
    finances: 'Finances',
    privacy: 'Privacy notice',
  },
  account: {
    login: 'Log in',
    loginHint: 'Log in with TaxisNet',
    my: 'My account',
    office: 'Office',
  },
  devBanner: 'Development install: the TaxisNet login is a stand-in with made-up people.',
  footer: {
    about: 'Every revenue and expense of the municipality is recorded as an immutable event and published here as soon as it is entered.',
    privacy: 'Private individuals never appear by name or tax number (GDPR).',
    license: 'OpenDimos open-source software, EUPL-1.2 licence',
    amountsNote: 'Amounts are written the Greek way: 1.234,56\u00a0€ is one thousand two hundred and thirty-four euros and fifty-six cents. Dates are day/month/year.',
    contactTitle: 'Contact',
    email: 'Email',
    phone: 'Telephone',
    dpo: 'Data protection officer',
    linksTitle: 'This website',
    lastUpdated: 'Data last updated',
    noDataYet: 'No data has been entered yet.',
  },
  descriptions: {
    site: (municipality) => `${municipality}: the municipality's services online and its finances in real time, budget, movements, suppliers and property, as open data.`,
    services: (municipality) => `The online services of the ${municipality} for residents and businesses, with a TaxisNet login.`,
    privacy: (municipality) => `How the ${municipality} processes personal data on its website: what it keeps, why, for how long, and your rights (GDPR).`,
    accessibility: (municipality) => `The accessibility statement of the ${municipality}'s website (Law 4727/2020, WCAG 2.1 AA) and how to report a barrier.`,
    openData: "All of the municipality's financial data as open data: GraphQL, a live feed, CSV, JSON, the Fiscal Data Package and how to verify the hash chain.",
    error: 'This page is not available.',
  },
  services: {
    title: 'Services',
    lead: "The municipality's online services. You log in with your TaxisNet credentials; no other account is needed.",
    citizenTitle: 'For residents and businesses',
    financesTitle: "The municipality's finances",
    financesLead: 'Open to everyone, no login: every revenue and expense of the municipality as soon as it is entered.',
  },
  types: {
    BUDGET: 'Budget',
    AMENDMENT: 'Amendment',
    COMMITMENT: 'Commitment',
    ORDER: 'Payment order',
    PAYMENT: 'Payment',
    ASSESSMENT: 'Assessment',
    RECEIPT: 'Receipt',
    REVERSAL: 'Reversal',
  },
  stages: {
    initial: 'Initial',
    amendments: 'Amendments',
    final: 'Final',
    committed: 'Committed',
    ordered: 'Ordered',
    paid: 'Paid',
    assessed: 'Assessed',
    collected: 'Collected',
  },
  stagesLong: {
    initial: 'Initial budget',
    amendments: 'Amendments',
    final: 'Final (amended) budget',
    committed: 'Commitments',
    ordered: 'Payment orders',
    paid: 'Payments',
    assessed: 'Assessments',
    collected: 'Receipts',
  },
  naturalPerson: 'private individual',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  common: {
    total: 'Total',
    amount: 'Amount',
    date: 'Date',
    none: '—',
    month: 'Month',
    share: 'Share',
    chartOf: (what) => `Chart: ${what}`,
    tableOf: (what) => `Table: ${what}`,
    legend: 'Legend',
    apply: 'Apply',
    clear: 'Clear',
    search: 'Search',
    year: 'Fiscal year',
    allYears: 'All years',
    movementsCount: (n) => plural(n, '1 movement', `${n} movements`),
    showing: (from, to, total) => `Showing ${from}–${to} of ${total}`,
    pages: 'Pages',
    firstPage: 'First page',
    nextPage: 'Next page',
    scrollHint: 'The table scrolls sideways',
    filters: 'Filters',
  },
  movement: {
    columns: { date: 'Date', type: 'Type', document: 'Document', kae: 'ΚΑΕ', counterparty: 'Payee / payer', description: 'Description', amount: 'Amount' },
    ada: 'ΑΔΑ',
    adaLink: (ada) => `Decision ${ada} on Diavgeia`,
    refers: 'Refers to',
    summary: (type, amount, kae) => `${type} ${amount}, ΚΑΕ ${kae}`,
    paymentsNone: 'No payments have been made.',
  },
  openData: {
    title: 'Open data & API',
  },
  accessibility: {
    title: 'Accessibility statement',
  },
  privacy: {
    title: 'Privacy notice',
  },
  errors: {
    notFound: 'Page not found',
    notFoundText: 'The address you asked for does not exist. It may be mistyped, or the page may have moved.',
    badRequest: 'The request is not valid',
    badRequestText: 'Some of the values in the address are not valid.',
    tooMany: 'Too many requests',
    tooManyText: 'You sent many requests in a short time. Please try again in a minute.',
    serverError: 'Something went wrong',
    serverErrorText: 'The server ran into an error. Please try again in a moment.',
    home: 'Back to the home page',
  },
};

const sharedByLang: Readonly<Record<Lang, SharedMessages>> = { el, en };

export const sharedMessagesOf = (lang: Lang): SharedMessages => sharedByLang[lang];

/** A context's words never reuse a shared key, so merging cannot hide one. */
export type ContextMessages = object & { readonly [K in keyof SharedMessages]?: never };

/**
 * A context's dictionary merged with the shared one, once per language: its pages call the returned
 * function with the visit (`const t = ledgerText(visit)`) and read both.
 */
export const contextText = <M extends ContextMessages>(el: M, en: M): ((visit: { readonly lang: Lang }) => SharedMessages & M) => {
  const merged: Readonly<Record<Lang, SharedMessages & M>> = { el: { ...sharedByLang.el, ...el }, en: { ...sharedByLang.en, ...en } };
  return (visit) => merged[visit.lang];
};
