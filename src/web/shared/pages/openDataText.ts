// The prose of the open-data page, Greek and English.
import type { Lang } from '../lang.ts';

const el = {
  lead: 'Ό,τι δείχνει αυτός ο ιστότοπος είναι και ανοιχτά δεδομένα: μπορείτε να τα ζητήσετε από πρόγραμμα, να τα κατεβάσετε ολόκληρα ή να τα παρακολουθείτε ζωντανά. Τα φυσικά πρόσωπα δεν εμφανίζονται πουθενά με όνομα ή ΑΦΜ, ούτε στα δεδομένα.',
  contents: 'Περιεχόμενα',
  graphql: {
    title: 'GraphQL API',
    intro: 'Το API απαντά σε ερωτήματα GraphQL στη διεύθυνση /graphql (POST ή GET). Το σχήμα είναι το αρχείο schema.graphql του κώδικα. Τα ποσά είναι ακριβή, ως κείμενο με δύο δεκαδικά ("1234.50"). Οι λίστες έρχονται σε σελίδες (έως 500 στοιχεία η καθεμία): ζητήστε την επόμενη με το after: endCursor.',
    curl: 'Από τη γραμμή εντολών',
    examples: {
      budget: 'Ο προϋπολογισμός του έτους, με τα σύνολα και τους κωδικούς',
      'budget-line': 'Ένας κωδικός (ΚΑΕ)',
      transactions: 'Οι πληρωμές του έτους για ηλεκτρική ενέργεια, 100 τη φορά',
      suppliers: 'Οι προμηθευτές με τις μεγαλύτερες πληρωμές, και ένας προμηθευτής με τον ΑΦΜ του',
      assets: 'Το μητρώο της περιουσίας',
      imports: 'Το ημερολόγιο εισαγωγών',
      subscription: 'Συνδρομή (subscription): κάθε νέα πληρωμή τη στιγμή που καταχωρίζεται, μέσω WebSocket στο /graphql (πρωτόκολλο graphql-transport-ws)',
    } as Record<string, string>,
  },
  live: {
    title: 'Ζωντανή ροή',
    intro: 'Η διεύθυνση /live είναι WebSocket: μόλις συνδεθείτε λαμβάνετε ένα μήνυμα hello με τη θέση του καθολικού, και μετά ένα μήνυμα JSON για κάθε νέα κίνηση (transaction) και για κάθε κωδικό του προϋπολογισμού που άλλαξε (budgetLine). Μετά από μια μαζική εισαγωγή έρχεται ένα μήνυμα refresh: ξαναδιαβάστε τα σύνολα αντί να περιμένετε χιλιάδες μηνύματα. Με αυτή τη ροή ενημερώνεται και η αρχική σελίδα.',
    messages: 'Τα μηνύματα',
    example: 'Σύνδεση από πρόγραμμα περιήγησης ή Node.js',
  },
  exports: {
    title: 'Λήψη δεδομένων',
    intro: 'Όλες οι κινήσεις, σε CSV ή JSON, με τα ίδια φίλτρα που έχει η σελίδα των κινήσεων. Ο σύνδεσμος «Λήψη σε CSV» εκεί κατεβάζει ακριβώς ό,τι δείχνει η σελίδα, με την ίδια ταξινόμηση.',
    parameters: 'Παράμετροι',
    parameter: 'Παράμετρος',
    meaning: 'Σημασία',
    params: {
      year: 'οικονομικό έτος, π.χ. 2025',
      kae: 'κωδικός ΚΑΕ· περιλαμβάνει τους υποκωδικούς του',
      type: 'είδος: BUDGET, AMENDMENT, COMMITMENT, ORDER, PAYMENT, ASSESSMENT, RECEIPT, REVERSAL',
      afm: 'ΑΦΜ προμηθευτή (νομικού προσώπου)',
      search: 'κείμενο· αγνοεί τόνους και πεζά-κεφαλαία',
      from: 'από ημερομηνία, ΕΕΕΕ-ΜΜ-ΗΗ',
      to: 'έως ημερομηνία, ΕΕΕΕ-ΜΜ-ΗΗ',
      orderBy: 'ταξινόμηση: NEWEST, OLDEST, DATE_DESC, DATE_ASC, AMOUNT_DESC, AMOUNT_ASC',
      dialect: 'μόνο CSV: excel (προεπιλογή, για υπολογιστικό φύλλο) ή rfc4180 (για προγράμματα, τιμές όπως είναι)',
    } as Record<string, string>,
    examples: 'Για παράδειγμα',
    dialects:
      'Τα αρχεία CSV του ιστότοπου είναι φτιαγμένα για υπολογιστικά φύλλα: «;» ανάμεσα στις τιμές, κόμμα στα δεκαδικά, ελληνικές και αγγλικές επικεφαλίδες, και ένα κείμενο που αρχίζει από =, +, - ή @ παίρνει μπροστά απόστροφο (\') ώστε να μην εκτελεστεί ως τύπος. Για προγράμματα προσθέστε dialect=rfc4180: «,», τελεία στα δεκαδικά, true/false, ονόματα στηλών στα αγγλικά και οι τιμές ακριβώς όπως είναι καταχωρισμένες, χωρίς απόστροφο. Το ίδιο ισχύει για τα αρχεία του Fiscal Data Package.',
    csvYear: (year: number) => `Όλες οι κινήσεις του ${year} σε CSV, για υπολογιστικό φύλλο`,
    csvYearRaw: (year: number) => `Όλες οι κινήσεις του ${year} σε CSV για προγράμματα (RFC 4180, τιμές όπως είναι)`,
    jsonPayments: (year: number) => `Οι πληρωμές του ${year} σε JSON, οι μεγαλύτερες πρώτα`,
  },
  fdp: {
    title: 'Fiscal Data Package',
    intro: 'Για κάθε οικονομικό έτος, ο προϋπολογισμός και η εκτέλεσή του ως Fiscal Data Package: το ανοιχτό πρότυπο του Open Knowledge για δημοσιονομικά δεδομένα, που διαβάζουν εργαλεία όπως το OpenSpending. Το datapackage.json περιγράφει τα αρχεία CSV και τι σημαίνει κάθε στήλη· τα αρχεία είναι RFC 4180, με τις τιμές όπως είναι, για προγράμματα.',
    link: (year: number) => `Fiscal Data Package ${year} (datapackage.json)`,
  },
  verify: {
    title: 'Πώς επαληθεύεται ότι τίποτα δεν άλλαξε',
    intro: 'Κάθε πράξη καταγράφεται μία φορά ως γεγονός και δεν διορθώνεται ποτέ: ένα λάθος διορθώνεται με νέο γεγονός (αντιλογισμό) που παραπέμπει στο αρχικό. Κάθε γεγονός φέρει το αποτύπωμα SHA-256 του περιεχομένου του μαζί με το αποτύπωμα του προηγούμενου, σε μια αλυσίδα: αν αλλάξει έστω ένα ψηφίο σε ένα παλαιό γεγονός, σπάει κάθε κρίκος μετά από αυτό.',
    how: 'Όποιος έχει πρόσβαση στη βάση ή σε αντίγραφό της (ο Δήμος, ένας ελεγκτής) εκτελεί την εντολή opendimos verify του ανοιχτού λογισμικού OpenDimos, που ξαναϋπολογίζει ολόκληρη την αλυσίδα:',
    broken: 'Αν κάποιος κρίκος δεν ταιριάζει, η εντολή λέει σε ποια θέση και τερματίζει με σφάλμα.',
  },
  imports: {
    title: 'Ημερολόγιο εισαγωγών',
    intro: 'Κάθε αρχείο που εισήγαγε η Οικονομική Υπηρεσία: πότε, πόσες γραμμές είχε, πόσες κινήσεις πρόσθεσε, πόσες υπήρχαν ήδη και πόσες απορρίφθηκαν. Το αποτύπωμα SHA-256 ταυτοποιεί το αρχείο.',
    caption: 'Οι εισαγωγές αρχείων, νεότερες πρώτα',
    columns: { file: 'Αρχείο', kind: 'Είδος', finished: 'Ολοκλήρωση', rows: 'Γραμμές', imported: 'Νέες κινήσεις', duplicates: 'Ήδη καταχωρισμένες', rejected: 'Απορρίφθηκαν', outcome: 'Αποτέλεσμα' },
    kinds: { TRANSACTIONS: 'Κινήσεις', ASSETS: 'Περιουσία' } as Record<string, string>,
    outcomes: { IMPORTED: 'Εισήχθη', NOTHING_NEW: 'Τίποτα νέο', REJECTED: 'Απορρίφθηκε', PARTIAL: 'Εν μέρει' } as Record<string, string>,
    none: 'Δεν έχει εισαχθεί ακόμη κανένα αρχείο.',
  },
};

const en: typeof el = {
  lead: 'Everything this site shows is also open data: you can query it from a program, download it whole or follow it live. Private individuals never appear by name or tax number, in the data either.',
  contents: 'Contents',
  graphql: {
    title: 'GraphQL API',
    intro: 'The API answers GraphQL queries at /graphql (POST or GET). The schema is the file schema.graphql in the source code. Amounts are exact, as text with two decimals ("1234.50"). Lists come in pages (at most 500 items each): ask for the next one with after: endCursor.',
    curl: 'From the command line',
    examples: {
      budget: "The year's budget, with its totals and budget codes",
      'budget-line': 'One budget code (ΚΑΕ)',
      transactions: 'The payments of the year for electricity, 100 at a time',
      suppliers: 'The suppliers paid most, and one supplier by its tax number',
      assets: 'The property register',
      imports: 'The import log',
      subscription: 'A subscription: every new payment as it is entered, over WebSocket at /graphql (graphql-transport-ws protocol)',
    },
  },
  live: {
    title: 'Live feed',
    intro: 'The address /live is a WebSocket: on connecting you receive a hello message with the position of the ledger, then one JSON message per new movement (transaction) and per budget code that changed (budgetLine). After a bulk import comes a refresh message: reload the totals rather than wait for thousands of messages. The home page is kept current by this same feed.',
    messages: 'The messages',
    example: 'Connecting from a browser or Node.js',
  },
  exports: {
    title: 'Downloads',
    intro: 'Every movement, as CSV or JSON, with the same filters as the movements page. The "Download as CSV" link there downloads exactly what the page shows, in the same order.',
    parameters: 'Parameters',
    parameter: 'Parameter',
    meaning: 'Meaning',
    params: {
      year: 'fiscal year, e.g. 2025',
      kae: 'budget code (ΚΑΕ); includes its sub-codes',
      type: 'type: BUDGET, AMENDMENT, COMMITMENT, ORDER, PAYMENT, ASSESSMENT, RECEIPT, REVERSAL',
      afm: 'tax number (ΑΦΜ) of a supplier (a legal entity)',
      search: 'text; ignores accents and case',
      from: 'from date, YYYY-MM-DD',
      to: 'to date, YYYY-MM-DD',
      orderBy: 'order: NEWEST, OLDEST, DATE_DESC, DATE_ASC, AMOUNT_DESC, AMOUNT_ASC',
      dialect: 'CSV only: excel (the default, for a spreadsheet) or rfc4180 (for programs, values as they are)',
    },
    examples: 'For example',
    dialects:
      "The site's CSV files are made for spreadsheets: ';' between values, a decimal comma, Greek and English headers, and a text that begins with =, +, - or @ gets a leading apostrophe (') so that it is not run as a formula. For programs add dialect=rfc4180: ',', a decimal point, true/false, English column names and the values exactly as recorded, without an apostrophe. The same holds for the files of the Fiscal Data Package.",
    csvYear: (year) => `All movements of ${year} as CSV, for a spreadsheet`,
    csvYearRaw: (year) => `All movements of ${year} as CSV for programs (RFC 4180, values as they are)`,
    jsonPayments: (year) => `The payments of ${year} as JSON, largest first`,
  },
  fdp: {
    title: 'Fiscal Data Package',
    intro: "For every fiscal year, the budget and its execution as a Fiscal Data Package: Open Knowledge's open standard for fiscal data, read by tools such as OpenSpending. The datapackage.json describes the CSV files and what each column means; the files are RFC 4180, with the values as they are, for programs.",
    link: (year) => `Fiscal Data Package ${year} (datapackage.json)`,
  },
  verify: {
    title: 'How to check that nothing was changed',
    intro: 'Every act is recorded once as an event and never edited: a mistake is corrected by a new event (a reversal) that refers to the original. Each event carries the SHA-256 fingerprint of its content together with the fingerprint of the one before, in a chain: change a single digit of an old event and every link after it breaks.',
    how: 'Whoever has access to the database or a copy of it (the municipality, an auditor) runs the command opendimos verify of the open-source OpenDimos software, which recomputes the whole chain:',
    broken: 'If a link does not match, the command says at which position and exits with an error.',
  },
  imports: {
    title: 'Import log',
    intro: 'Every file the finance department imported: when, how many rows it had, how many movements it added, how many were already recorded and how many were rejected. The SHA-256 fingerprint identifies the file.',
    caption: 'File imports, newest first',
    columns: { file: 'File', kind: 'Kind', finished: 'Finished', rows: 'Rows', imported: 'New movements', duplicates: 'Already recorded', rejected: 'Rejected', outcome: 'Outcome' },
    kinds: { TRANSACTIONS: 'Movements', ASSETS: 'Property' },
    outcomes: { IMPORTED: 'Imported', NOTHING_NEW: 'Nothing new', REJECTED: 'Rejected', PARTIAL: 'In part' },
    none: 'No file has been imported yet.',
  },
};

export const openDataText = (lang: Lang): typeof el => (lang === 'el' ? el : en);
