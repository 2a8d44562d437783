// A UBL 2.1 Invoice or CreditNote (EN 16931, Peppol BIS Billing 3.0) read into the domain's ParsedInvoice:
// each value with its path in the document, written with the customary prefixes (cbc:, cac:) whatever the
// sender's, and an index where an element repeats (`cac:InvoiceLine[2]/cbc:LineExtensionAmount`). The reader
// judges nothing but the document's kind; the domain's checkInvoice holds it to the rules.
import type { AllowanceCharge, Amount, At, InvoiceLine, InvoiceProblem, ParsedInvoice, Party, TaxSubtotal, VatCategory } from '../../domain/index.ts';
import type { XmlNode, XmlRefusal } from './xmlTree.ts';
import { lineLocator } from './locate.ts';
import { MAX_XML_DEPTH, readXmlTree } from './xmlTree.ts';

export const UBL_NAMESPACES = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

/** An element with the path it is found at. */
interface Located {
  readonly node: XmlNode;
  readonly path: string;
}

const join = (parent: string, step: string): string => (parent === '' ? step : `${parent}/${step}`);

/** The children named `qualified` (cac:X, cbc:Y), each with its path; indexed when the name repeats or may. */
const all = (parent: Located, qualified: string, indexed = false): Located[] => {
  const [prefix, local] = qualified.split(':') as [keyof typeof UBL_NAMESPACES, string];
  const found = parent.node.children.filter((c) => c.ns === UBL_NAMESPACES[prefix] && c.local === local);
  const index = indexed || found.length > 1;
  return found.map((node, i) => ({ node, path: join(parent.path, index ? `${qualified}[${i + 1}]` : qualified) }));
};

const one = (parent: Located | null, qualified: string): Located | null => (parent === null ? null : (all(parent, qualified)[0] ?? null));

const at = (parent: Located | null, qualified: string): At<string> | null => {
  const found = one(parent, qualified);
  return found === null ? null : { value: found.node.text, path: found.path };
};

/** The element at a path of names below `parent`. */
const dig = (parent: Located | null, ...names: string[]): Located | null => names.reduce<Located | null>((p, n) => one(p, n), parent);

const amount = (parent: Located | null, qualified: string): Amount | null => {
  const found = one(parent, qualified);
  return found === null ? null : { value: found.node.text, currency: found.node.attributes.currencyID ?? null, path: found.path };
};

const vatOf = (category: Located | null): VatCategory | null =>
  category === null
    ? null
    : {
        code: at(category, 'cbc:ID'),
        rate: at(category, 'cbc:Percent'),
        exemptionReason: at(category, 'cbc:TaxExemptionReason')?.value || null,
        exemptionCode: at(category, 'cbc:TaxExemptionReasonCode')?.value || null,
        path: category.path,
      };

const allowanceCharges = (parent: Located): AllowanceCharge[] =>
  all(parent, 'cac:AllowanceCharge', true).map((ac) => ({
    charge: at(ac, 'cbc:ChargeIndicator')?.value === 'true',
    amount: amount(ac, 'cbc:Amount'),
    vat: vatOf(one(ac, 'cac:TaxCategory')),
    path: ac.path,
  }));

const partyOf = (role: Located | null): Party | null => {
  const party = one(role, 'cac:Party');
  if (party === null) return null;
  const ids = [at(party, 'cbc:EndpointID'), ...all(party, 'cac:PartyTaxScheme').map((s) => at(s, 'cbc:CompanyID')), at(one(party, 'cac:PartyLegalEntity'), 'cbc:CompanyID')];
  return {
    name: at(one(party, 'cac:PartyLegalEntity'), 'cbc:RegistrationName')?.value ?? at(one(party, 'cac:PartyName'), 'cbc:Name')?.value ?? null,
    ids: ids.filter((id): id is At<string> => id !== null && id.value !== ''),
    path: party.path,
  };
};

const lineOf = (line: Located, quantityName: string): InvoiceLine => {
  const price = one(line, 'cac:Price');
  return {
    id: at(line, 'cbc:ID'),
    quantity: at(line, quantityName),
    lineExtension: amount(line, 'cbc:LineExtensionAmount'),
    price: amount(price, 'cbc:PriceAmount'),
    baseQuantity: at(price, 'cbc:BaseQuantity'),
    allowanceCharges: allowanceCharges(line),
    vat: vatOf(dig(line, 'cac:Item', 'cac:ClassifiedTaxCategory')),
    path: line.path,
  };
};

const subtotalsOf = (taxTotal: Located | null): TaxSubtotal[] =>
  taxTotal === null
    ? []
    : all(taxTotal, 'cac:TaxSubtotal', true).map((sub) => ({
        taxable: amount(sub, 'cbc:TaxableAmount'),
        tax: amount(sub, 'cbc:TaxAmount'),
        category: vatOf(one(sub, 'cac:TaxCategory')),
        path: sub.path,
      }));

const invoiceOf = (root: XmlNode, kind: ParsedInvoice['kind']): ParsedInvoice => {
  const doc: Located = { node: root, path: '' };
  const taxTotals = all(doc, 'cac:TaxTotal');
  // Peppol allows a second TaxTotal, in the accounting currency, without a breakdown: the first with one counts.
  const taxTotal = taxTotals.find((t) => all(t, 'cac:TaxSubtotal').length > 0) ?? taxTotals[0] ?? null;
  const totals = one(doc, 'cac:LegalMonetaryTotal');
  const credit = kind === 'credit-note';
  return {
    kind,
    customizationId: at(doc, 'cbc:CustomizationID'),
    profileId: at(doc, 'cbc:ProfileID'),
    number: at(doc, 'cbc:ID'),
    issueDate: at(doc, 'cbc:IssueDate'),
    dueDate: at(doc, 'cbc:DueDate'),
    typeCode: at(doc, credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode'),
    currency: at(doc, 'cbc:DocumentCurrencyCode'),
    buyerReference: at(doc, 'cbc:BuyerReference'),
    orderReference: at(one(doc, 'cac:OrderReference'), 'cbc:ID'),
    contractReferences: all(doc, 'cac:ContractDocumentReference').map((r) => at(r, 'cbc:ID')).filter((r): r is At<string> => r !== null),
    seller: partyOf(one(doc, 'cac:AccountingSupplierParty')),
    buyer: partyOf(one(doc, 'cac:AccountingCustomerParty')),
    allowanceCharges: allowanceCharges(doc),
    taxTotal: amount(taxTotal, 'cbc:TaxAmount'),
    taxSubtotals: subtotalsOf(taxTotal),
    totals:
      totals === null
        ? null
        : {
            lineExtension: amount(totals, 'cbc:LineExtensionAmount'),
            taxExclusive: amount(totals, 'cbc:TaxExclusiveAmount'),
            taxInclusive: amount(totals, 'cbc:TaxInclusiveAmount'),
            allowances: amount(totals, 'cbc:AllowanceTotalAmount'),
            charges: amount(totals, 'cbc:ChargeTotalAmount'),
            prepaid: amount(totals, 'cbc:PrepaidAmount'),
            rounding: amount(totals, 'cbc:PayableRoundingAmount'),
            payable: amount(totals, 'cbc:PayableAmount'),
            path: totals.path,
          },
    lines: all(doc, credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', true).map((l) => lineOf(l, credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity')),
  };
};

const refusalProblem = (refusal: XmlRefusal): InvoiceProblem => {
  switch (refusal.kind) {
    case 'too-large':
      return { path: '/', el: 'Το αρχείο ξεπερνά τα 5 MB', en: 'The file is larger than 5 MB' };
    case 'not-utf8':
      return { path: '/', el: 'Το αρχείο δεν είναι κείμενο UTF-8 (το UBL γράφεται σε UTF-8)', en: 'The file is not UTF-8 text (UBL is written in UTF-8)' };
    case 'doctype':
      return { path: '/', el: 'Το αρχείο έχει DTD (<!DOCTYPE> ή <!ENTITY>): ένα τιμολόγιο UBL δεν έχει, και δεν γίνεται δεκτό για λόγους ασφάλειας', en: 'The file has a DTD (<!DOCTYPE> or <!ENTITY>): a UBL invoice has none, and it is refused for safety' };
    case 'too-deep':
      return { path: '/', el: `Τα στοιχεία του XML είναι φωλιασμένα βαθύτερα από ${MAX_XML_DEPTH} επίπεδα`, en: `The XML's elements are nested deeper than ${MAX_XML_DEPTH} levels` };
    case 'malformed':
      return { path: '/', line: refusal.line, el: `Το XML δεν είναι καλοσχηματισμένο (γραμμή ${refusal.line}, στήλη ${refusal.column}): ${refusal.message}`, en: `The XML is not well-formed (line ${refusal.line}, column ${refusal.column}): ${refusal.message}` };
    default: {
      const _exhaustive: never = refusal;
      throw new Error('unknown XML refusal');
    }
  }
};

export type UblReading =
  | { readonly ok: true; readonly invoice: ParsedInvoice; /** The line a problem's path is on (the domain's checks know paths only). */ readonly lineOf: (path: string) => number | null }
  | { readonly ok: false; readonly problems: readonly InvoiceProblem[] };

/** The uploaded file as a UBL Invoice or CreditNote, or why it is not one. */
export const readUblInvoice = (bytes: Uint8Array): UblReading => {
  const tree = readXmlTree(bytes);
  if (!tree.ok) return { ok: false, problems: [refusalProblem(tree.refusal)] };
  const { root } = tree;
  if (root.ns === UBL_NAMESPACES.invoice && root.local === 'Invoice') return { ok: true, invoice: invoiceOf(root, 'invoice'), lineOf: lineLocator(bytes) };
  if (root.ns === UBL_NAMESPACES.creditNote && root.local === 'CreditNote') return { ok: true, invoice: invoiceOf(root, 'credit-note'), lineOf: lineLocator(bytes) };
  return {
    ok: false,
    problems: [{
      path: '/',
      el: `Το έγγραφο δεν είναι τιμολόγιο UBL 2.1: το ριζικό στοιχείο πρέπει να είναι Invoice ή CreditNote στον χώρο ονομάτων ${UBL_NAMESPACES.invoice} (βρέθηκε «${root.local}»${root.ns ? ` στο ${root.ns}` : ''})`,
      en: `The document is not a UBL 2.1 invoice: the root element must be Invoice or CreditNote in namespace ${UBL_NAMESPACES.invoice} (found "${root.local}"${root.ns ? ` in ${root.ns}` : ''})`,
    }],
  };
};
