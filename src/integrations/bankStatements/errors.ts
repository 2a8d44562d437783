// What can be wrong with a bank statement file, in the import's own terms (a code, the line, Greek and
// English), so that the bank-statement import kind reports it like any other refusal of a file or a row.
// A refused entry is named by its place: statement, entry, transaction of a batch, and the element's path.
import { ingestRefusals } from '../../ingest/errors.ts';

interface AtLine {
  readonly line: number;
}

interface AtElement extends AtLine {
  /** The element's place, XPath-like: /Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]. */
  readonly path: string;
}

const NOT_XML_REASONS = {
  empty: { el: 'είναι κενό', en: 'it is empty' },
  text: { el: 'δεν αρχίζει με στοιχείο XML', en: 'it does not start with an XML element' },
  malformed: { el: 'το XML δεν είναι καλοσχηματισμένο', en: 'the XML is not well-formed' },
  encoding: { el: 'περιέχει byte που δεν είναι χαρακτήρες της κωδικοποίησής του', en: 'it holds bytes that are not characters of its encoding' },
  doctype: { el: 'έχει δήλωση DOCTYPE, που ένα μήνυμα camt δεν έχει ποτέ', en: 'it has a DOCTYPE declaration, which a camt message never has' },
} as const;

export type NotXmlReason = keyof typeof NOT_XML_REASONS;

export const camtErrors = ingestRefusals({
  OD_CAMT_NOT_XML: {
    column: null,
    el: (p: AtLine & { readonly reason: NotXmlReason }) => `Το αρχείο δεν είναι XML: ${NOT_XML_REASONS[p.reason].el}`,
    en: (p: AtLine & { readonly reason: NotXmlReason }) => `The file is not XML: ${NOT_XML_REASONS[p.reason].en}`,
  },
  OD_CAMT_NOT_CAMT: {
    column: null,
    el: (p: AtLine & { readonly found: string }) =>
      `Το αρχείο δεν είναι κίνηση λογαριασμού ISO 20022 camt.053 ή ειδοποίηση camt.054 (βρέθηκε: ${p.found})`,
    en: (p: AtLine & { readonly found: string }) => `The file is not an ISO 20022 camt.053 statement or camt.054 notification (found: ${p.found})`,
  },
  OD_CAMT_AMOUNT_MISSING: {
    column: 'Amt',
    el: (p: AtElement) => `Λείπει το ποσό (Amt) της κίνησης ${p.path}`,
    en: (p: AtElement) => `The amount (Amt) of entry ${p.path} is missing`,
  },
  OD_CAMT_AMOUNT_INVALID: {
    column: 'Amt',
    el: (p: AtElement & { readonly raw: string }) => `Μη έγκυρο ποσό «${p.raw}» στην κίνηση ${p.path}: γράφεται π.χ. 1234.50, χωρίς πρόσημο`,
    en: (p: AtElement & { readonly raw: string }) => `Invalid amount "${p.raw}" in entry ${p.path}: write e.g. 1234.50, without a sign`,
  },
  OD_CAMT_CURRENCY_MISSING: {
    column: 'Ccy',
    el: (p: AtElement) => `Λείπει το νόμισμα (Ccy) του ποσού στο ${p.path}`,
    en: (p: AtElement) => `The currency (Ccy) of the amount in ${p.path} is missing`,
  },
  OD_CAMT_ELEMENT_MISSING: {
    column: null,
    el: (p: AtElement & { readonly element: string }) => `Λείπει το στοιχείο ${p.element} στο ${p.path}`,
    en: (p: AtElement & { readonly element: string }) => `The element ${p.element} is missing in ${p.path}`,
  },
  OD_CAMT_VALUE_INVALID: {
    column: null,
    el: (p: AtElement & { readonly element: string; readonly raw: string }) => `Μη έγκυρη τιμή «${p.raw}» του ${p.element} στο ${p.path}`,
    en: (p: AtElement & { readonly element: string; readonly raw: string }) => `Invalid value "${p.raw}" of ${p.element} in ${p.path}`,
  },
});
