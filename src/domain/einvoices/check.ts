// The rules of EN 16931 (and Peppol BIS Billing 3.0) an uploaded invoice is held to before the municipality
// records it, each broken one a problem with its path: the required elements, the amounts' form and currency,
// the sums (BR-CO-10 … BR-CO-17, PEPPOL-EN16931-R120), Greece's VAT rates, and the two parties, the seller
// being the logged-in company and the buyer the municipality. Everything is checked, not the first thing
// wrong: the supplier fixes the file once. Sums in decimal.js, rounded half up to two places as EN 16931 does.
import { Decimal } from 'decimal.js';
import { isValidAda, normalizeAda } from '../shared/codes/ada.ts';
import type { AllowanceCharge, Amount, At, InvoiceLine, InvoiceProblem, ParsedInvoice, Party, VatCategory } from './invoice.ts';

export const PEPPOL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
/** The municipality's accounts are kept in euros; an invoice in another currency cannot be paid as it is. */
export const INVOICE_CURRENCY = 'EUR';

/** Greece's VAT rates (ν. 2859/2000, άρθρο 21): standard 24 %, reduced 13 % and 6 %. */
export const GREEK_STANDARD_RATES: readonly string[] = ['24', '13', '6'];
/** Categories without VAT: zero rated (Z), exempt (E), reverse charge (AE), intra-EU (K), export (G), outside scope (O). */
const ZERO_CATEGORIES = new Set(['Z', 'E', 'AE', 'K', 'G', 'O']);
/** Those that must say why (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
const REASON_CATEGORIES = new Set(['E', 'AE', 'K', 'G', 'O']);

/**
 * The municipality's ΑΦΜ by default, which an invoice must name as its buyer: a placeholder with a valid check
 * digit until Lixouri's own is confirmed. An installation sets its own with OPENDIMOS_MUNICIPALITY_TAXID.
 */
export const LIXOURI_TAXID = '997744128';

export interface InvoiceParties {
  /** The logged-in company's ΑΦΜ. */
  readonly sellerTaxid: string;
  readonly buyerTaxid: string;
}

const AMOUNT = /^-?\d{1,13}(\.\d{1,2})?$/;
const QUANTITY = /^-?\d{1,13}(\.\d{1,6})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const half = (value: Decimal): Decimal => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const euros = (value: Decimal): string => value.toFixed(2);

/** The problems of one invoice, collected as the rules run. */
class Problems {
  readonly list: InvoiceProblem[] = [];
  add(path: string, el: string, en: string): void {
    this.list.push({ path, el, en });
  }
  missing(path: string, what: { el: string; en: string }): void {
    this.add(path, `Λείπει ${what.el}`, `Missing ${what.en}`);
  }
}

const validDate = (text: string): boolean => {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
};

/** An amount's value when it is well formed in the document's currency; a problem otherwise. */
const amountOf = (problems: Problems, amount: Amount | null, currency: string | null): Decimal | null => {
  if (amount === null) return null;
  if (!AMOUNT.test(amount.value)) {
    problems.add(amount.path, `Το ποσό «${amount.value}» δεν είναι αριθμός με έως δύο δεκαδικά (τελεία για υποδιαστολή)`, `The amount "${amount.value}" is not a number with at most two decimals (a point as separator)`);
    return null;
  }
  if (currency !== null && amount.currency !== currency) {
    problems.add(amount.path, `Το νόμισμα του ποσού (currencyID «${amount.currency ?? ''}») δεν είναι το νόμισμα του τιμολογίου (${currency})`, `The amount's currency (currencyID "${amount.currency ?? ''}") is not the invoice's currency (${currency})`);
  }
  return new Decimal(amount.value);
};

const quantityOf = (problems: Problems, at: At<string> | null, what: { el: string; en: string }): Decimal | null => {
  if (at === null) return null;
  if (!QUANTITY.test(at.value)) {
    problems.add(at.path, `${what.el}: «${at.value}» δεν είναι αριθμός`, `${what.en}: "${at.value}" is not a number`);
    return null;
  }
  return new Decimal(at.value);
};

/** Compares a stated sum with what it should be; the problem says both. */
const sameSum = (problems: Problems, stated: Decimal | null, expected: Decimal | null, path: string, rule: string, what: { el: string; en: string }): void => {
  if (stated === null || expected === null || stated.equals(expected)) return;
  problems.add(path, `${what.el}: γράφει ${euros(stated)}, πρέπει ${euros(expected)} (${rule})`, `${what.en}: says ${euros(stated)}, should be ${euros(expected)} (${rule})`);
};

/** The VAT category's key (S|24), after its own checks: a known code, a Greek rate, a reason where one is due. */
const categoryKey = (problems: Problems, vat: VatCategory | null, path: string, breakdown = false): string | null => {
  if (vat === null || vat.code === null) {
    problems.missing(vat?.path ?? path, { el: 'η κατηγορία ΦΠΑ (cbc:ID)', en: 'the VAT category (cbc:ID)' });
    return null;
  }
  const code = vat.code.value;
  const rate = vat.rate === null ? null : quantityOf(problems, vat.rate, { el: 'Συντελεστής ΦΠΑ', en: 'VAT rate' });
  if (code === 'S') {
    if (rate === null) {
      if (vat.rate === null) problems.missing(vat.path, { el: 'ο συντελεστής ΦΠΑ (cbc:Percent)', en: 'the VAT rate (cbc:Percent)' });
      return null;
    }
    if (!GREEK_STANDARD_RATES.some((r) => rate.equals(r))) {
      problems.add(vat.rate!.path, `Ο συντελεστής ΦΠΑ ${rate.toString()}% δεν ισχύει στην Ελλάδα (24, 13 ή 6%· 0% με κατηγορία Z ή απαλλαγή E)`, `VAT rate ${rate.toString()}% does not apply in Greece (24, 13 or 6%; 0% with category Z or exemption E)`);
      return null;
    }
    return `S|${rate.toString()}`;
  }
  if (!ZERO_CATEGORIES.has(code)) {
    problems.add(vat.code.path, `Άγνωστη κατηγορία ΦΠΑ «${code}» (S, Z, E, AE, K, G, O)`, `Unknown VAT category "${code}" (S, Z, E, AE, K, G, O)`);
    return null;
  }
  if (rate !== null && !rate.isZero()) {
    problems.add(vat.rate!.path, `Η κατηγορία ΦΠΑ ${code} έχει συντελεστή 0%, όχι ${rate.toString()}%`, `VAT category ${code} has a rate of 0%, not ${rate.toString()}%`);
  }
  // The reason is the breakdown's to give (BR-E-10): lines and allowances name their category alone.
  if (breakdown && REASON_CATEGORIES.has(code) && !vat.exemptionReason && !vat.exemptionCode) {
    problems.missing(vat.path, { el: `ο λόγος απαλλαγής από τον ΦΠΑ (cbc:TaxExemptionReason) για την κατηγορία ${code}`, en: `the VAT exemption reason (cbc:TaxExemptionReason) for category ${code}` });
  }
  return `${code}|0`;
};

const rateOfKey = (key: string): Decimal => new Decimal(key.split('|')[1] ?? '0');

/** A line's net amount (BT-131) checked against quantity × price ÷ base quantity + charges − allowances. */
const checkLine = (problems: Problems, line: InvoiceLine, currency: string | null): Decimal | null => {
  if (line.id === null) problems.missing(line.path, { el: 'ο αριθμός της γραμμής (cbc:ID)', en: 'the line identifier (cbc:ID)' });
  if (line.quantity === null) problems.missing(line.path, { el: 'η ποσότητα της γραμμής', en: "the line's quantity" });
  if (line.lineExtension === null) problems.missing(line.path, { el: 'το καθαρό ποσό της γραμμής (cbc:LineExtensionAmount)', en: "the line's net amount (cbc:LineExtensionAmount)" });
  if (line.price === null) problems.missing(line.path, { el: 'η τιμή μονάδας (cac:Price/cbc:PriceAmount)', en: 'the unit price (cac:Price/cbc:PriceAmount)' });
  const quantity = quantityOf(problems, line.quantity, { el: 'Ποσότητα', en: 'Quantity' });
  const price = line.price === null ? null : quantityOf(problems, { value: line.price.value, path: line.price.path }, { el: 'Τιμή μονάδας', en: 'Unit price' });
  if (price !== null && price.isNegative()) problems.add(line.price!.path, 'Η τιμή μονάδας δεν μπορεί να είναι αρνητική (BR-27)', 'The unit price cannot be negative (BR-27)');
  const base = line.baseQuantity === null ? new Decimal(1) : quantityOf(problems, line.baseQuantity, { el: 'Ποσότητα βάσης', en: 'Base quantity' });
  if (base !== null && !base.greaterThan(0)) problems.add(line.baseQuantity!.path, 'Η ποσότητα βάσης της τιμής πρέπει να είναι θετική', 'The price base quantity must be positive');
  const adjustments = sumOfAdjustments(problems, line.allowanceCharges, currency);
  const stated = amountOf(problems, line.lineExtension, currency);
  if (quantity !== null && price !== null && base !== null && base.greaterThan(0) && adjustments !== null && stated !== null) {
    const expected = half(quantity.times(price).dividedBy(base).plus(adjustments.charges).minus(adjustments.allowances));
    sameSum(problems, stated, expected, line.lineExtension!.path, 'PEPPOL-EN16931-R120', { el: 'Καθαρό ποσό γραμμής = ποσότητα × τιμή − εκπτώσεις + επιβαρύνσεις', en: 'Line net amount = quantity × price − allowances + charges' });
  }
  return stated;
};

const sumOfAdjustments = (problems: Problems, list: readonly AllowanceCharge[], currency: string | null): { allowances: Decimal; charges: Decimal } | null => {
  let allowances = new Decimal(0);
  let charges = new Decimal(0);
  let readable = true;
  for (const ac of list) {
    if (ac.amount === null) {
      problems.missing(ac.path, { el: 'το ποσό της έκπτωσης ή επιβάρυνσης (cbc:Amount)', en: 'the allowance or charge amount (cbc:Amount)' });
      readable = false;
      continue;
    }
    const amount = amountOf(problems, ac.amount, currency);
    if (amount === null) readable = false;
    else if (ac.charge) charges = charges.plus(amount);
    else allowances = allowances.plus(amount);
  }
  return readable ? { allowances, charges } : null;
};

const normalisedTaxid = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase().replace(/^(EL|GR)/, '');

interface PartyWords {
  readonly element: string;
  /** «του προμηθευτή» / "the seller's". */
  readonly el: string;
  readonly en: string;
}

const SELLER: PartyWords = { element: 'cac:AccountingSupplierParty', el: 'του προμηθευτή', en: "the seller's" };
const BUYER: PartyWords = { element: 'cac:AccountingCustomerParty', el: 'του Δήμου (αγοραστή)', en: "the municipality's (the buyer's)" };

/** A party must name the expected ΑΦΜ in one of its identifiers (EL + ΑΦΜ, or ΑΦΜ alone), and none that differs. */
const checkParty = (problems: Problems, party: Party | null, expected: string, who: PartyWords): void => {
  if (party === null) {
    problems.missing(who.element, { el: `το στοιχείο ${who.element}`, en: `the element ${who.element}` });
    return;
  }
  const greek = party.ids.filter((id) => /^\d{9}$/.test(normalisedTaxid(id.value)));
  if (greek.length === 0) {
    problems.missing(party.path, { el: `το ΑΦΜ ${who.el} (cac:PartyTaxScheme/cbc:CompanyID «EL…»)`, en: `${who.en} VAT number (cac:PartyTaxScheme/cbc:CompanyID "EL…")` });
    return;
  }
  for (const id of greek) {
    if (normalisedTaxid(id.value) !== expected) {
      problems.add(id.path, `Το ΑΦΜ «${id.value}» δεν είναι το ΑΦΜ ${who.el} (${expected})`, `The VAT number "${id.value}" is not ${who.en} (${expected})`);
    }
  }
};

const checkHeader = (problems: Problems, invoice: ParsedInvoice): void => {
  const { customizationId, profileId, number, issueDate, dueDate, currency, typeCode } = invoice;
  if (customizationId === null) problems.missing('cbc:CustomizationID', { el: 'το cbc:CustomizationID (BT-24)', en: 'cbc:CustomizationID (BT-24)' });
  else if (customizationId.value !== PEPPOL_CUSTOMIZATION_ID) {
    problems.add(customizationId.path, `Το CustomizationID πρέπει να είναι «${PEPPOL_CUSTOMIZATION_ID}» (Peppol BIS Billing 3.0)`, `CustomizationID must be "${PEPPOL_CUSTOMIZATION_ID}" (Peppol BIS Billing 3.0)`);
  }
  if (profileId === null) problems.missing('cbc:ProfileID', { el: 'το cbc:ProfileID (BT-23)', en: 'cbc:ProfileID (BT-23)' });
  else if (profileId.value !== PEPPOL_PROFILE_ID) problems.add(profileId.path, `Το ProfileID πρέπει να είναι «${PEPPOL_PROFILE_ID}»`, `ProfileID must be "${PEPPOL_PROFILE_ID}"`);
  if (number === null || number.value === '') problems.missing('cbc:ID', { el: 'ο αριθμός του τιμολογίου (cbc:ID, BT-1)', en: 'the invoice number (cbc:ID, BT-1)' });
  else if (number.value.length > 60) problems.add(number.path, 'Ο αριθμός του τιμολογίου ξεπερνά τους 60 χαρακτήρες', 'The invoice number is longer than 60 characters');
  if (issueDate === null) problems.missing('cbc:IssueDate', { el: 'η ημερομηνία έκδοσης (cbc:IssueDate, BT-2)', en: 'the issue date (cbc:IssueDate, BT-2)' });
  else if (!validDate(issueDate.value)) problems.add(issueDate.path, `Η ημερομηνία έκδοσης «${issueDate.value}» δεν είναι ημερομηνία ΕΕΕΕ-ΜΜ-ΗΗ`, `The issue date "${issueDate.value}" is not a YYYY-MM-DD date`);
  if (dueDate !== null && !validDate(dueDate.value)) problems.add(dueDate.path, `Η ημερομηνία λήξης «${dueDate.value}» δεν είναι ημερομηνία ΕΕΕΕ-ΜΜ-ΗΗ`, `The due date "${dueDate.value}" is not a YYYY-MM-DD date`);
  if (typeCode === null) problems.missing(invoice.kind === 'invoice' ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode', { el: 'ο κωδικός τύπου (BT-3)', en: 'the type code (BT-3)' });
  else if (!/^\d{3}$/.test(typeCode.value)) problems.add(typeCode.path, `Ο κωδικός τύπου «${typeCode.value}» δεν είναι κωδικός UNCL1001 (π.χ. 380)`, `The type code "${typeCode.value}" is not a UNCL1001 code (e.g. 380)`);
  if (currency === null) problems.missing('cbc:DocumentCurrencyCode', { el: 'το νόμισμα (cbc:DocumentCurrencyCode, BT-5)', en: 'the currency (cbc:DocumentCurrencyCode, BT-5)' });
  else if (currency.value !== INVOICE_CURRENCY) problems.add(currency.path, `Ο Δήμος πληρώνει σε ευρώ: το νόμισμα πρέπει να είναι EUR, όχι «${currency.value}»`, `The municipality pays in euros: the currency must be EUR, not "${currency.value}"`);
};

interface Breakdown {
  taxable: Decimal;
  readonly path: string;
}

/** The VAT breakdown (BG-23) against the lines and the document's allowances and charges, then its total. */
const checkVat = (problems: Problems, invoice: ParsedInvoice, currency: string | null, lineKeys: Map<string, Decimal>): Decimal | null => {
  const stated = new Map<string, Breakdown & { tax: Decimal | null; taxable0: Decimal | null }>();
  let taxSum: Decimal | null = new Decimal(0);
  if (invoice.taxSubtotals.length === 0) problems.missing('cac:TaxTotal', { el: 'η ανάλυση ΦΠΑ (cac:TaxTotal/cac:TaxSubtotal, BG-23)', en: 'the VAT breakdown (cac:TaxTotal/cac:TaxSubtotal, BG-23)' });
  for (const sub of invoice.taxSubtotals) {
    const key = categoryKey(problems, sub.category, sub.path, true);
    if (sub.taxable === null) problems.missing(sub.path, { el: 'το φορολογητέο ποσό (cbc:TaxableAmount, BT-116)', en: 'the taxable amount (cbc:TaxableAmount, BT-116)' });
    if (sub.tax === null) problems.missing(sub.path, { el: 'το ποσό ΦΠΑ (cbc:TaxAmount, BT-117)', en: 'the VAT amount (cbc:TaxAmount, BT-117)' });
    const taxable = amountOf(problems, sub.taxable, currency);
    const tax = amountOf(problems, sub.tax, currency);
    taxSum = tax === null || taxSum === null ? null : taxSum.plus(tax);
    if (key === null) continue;
    if (stated.has(key)) problems.add(sub.path, `Η κατηγορία ΦΠΑ ${key.replace('|', ' ')}% εμφανίζεται δύο φορές στην ανάλυση`, `VAT category ${key.replace('|', ' ')}% appears twice in the breakdown`);
    stated.set(key, { taxable: taxable ?? new Decimal(0), taxable0: taxable, tax, path: sub.path });
    if (taxable !== null && tax !== null) {
      sameSum(problems, tax, half(taxable.times(rateOfKey(key)).dividedBy(100)), sub.tax!.path, 'BR-CO-17', { el: 'ΦΠΑ κατηγορίας = φορολογητέο × συντελεστή', en: 'Category VAT = taxable amount × rate' });
    }
  }
  // What each category's taxable amount should be: its lines, plus the document's charges, less its allowances.
  const expected = new Map(lineKeys);
  for (const ac of invoice.allowanceCharges) {
    const key = categoryKey(problems, ac.vat, ac.path);
    const amount = ac.amount && AMOUNT.test(ac.amount.value) ? new Decimal(ac.amount.value) : null;
    if (key === null || amount === null) continue;
    expected.set(key, (expected.get(key) ?? new Decimal(0)).plus(ac.charge ? amount : amount.negated()));
  }
  for (const [key, amount] of expected) {
    const sub = stated.get(key);
    if (!sub) {
      problems.add('cac:TaxTotal', `Λείπει από την ανάλυση ΦΠΑ η κατηγορία ${key.replace('|', ' ')}% που έχουν γραμμές του τιμολογίου`, `The VAT breakdown lacks category ${key.replace('|', ' ')}%, which lines of the invoice have`);
      continue;
    }
    sameSum(problems, sub.taxable0, amount, `${sub.path}/cbc:TaxableAmount`, 'BR-S-08', { el: 'Φορολογητέο ποσό κατηγορίας = άθροισμα των γραμμών της', en: "Category taxable amount = sum of its lines" });
  }
  for (const [key, sub] of stated) {
    if (!expected.has(key)) problems.add(sub.path, `Η κατηγορία ΦΠΑ ${key.replace('|', ' ')}% της ανάλυσης δεν αντιστοιχεί σε καμία γραμμή`, `VAT category ${key.replace('|', ' ')}% of the breakdown matches no line`);
  }
  if (invoice.taxTotal === null) {
    problems.missing('cac:TaxTotal', { el: 'το σύνολο ΦΠΑ (cac:TaxTotal/cbc:TaxAmount, BT-110)', en: 'the VAT total (cac:TaxTotal/cbc:TaxAmount, BT-110)' });
    return null;
  }
  const total = amountOf(problems, invoice.taxTotal, currency);
  sameSum(problems, total, taxSum, invoice.taxTotal.path, 'BR-CO-14', { el: 'Σύνολο ΦΠΑ = άθροισμα ΦΠΑ των κατηγοριών', en: 'VAT total = sum of the categories’ VAT' });
  return total;
};

const checkTotals = (problems: Problems, invoice: ParsedInvoice, currency: string | null, lineSum: Decimal | null, vat: Decimal | null): void => {
  const totals = invoice.totals;
  if (totals === null) {
    problems.missing('cac:LegalMonetaryTotal', { el: 'τα σύνολα του τιμολογίου (cac:LegalMonetaryTotal, BG-22)', en: 'the invoice totals (cac:LegalMonetaryTotal, BG-22)' });
    return;
  }
  const required = [
    [totals.lineExtension, 'cbc:LineExtensionAmount', 'BT-106'],
    [totals.taxExclusive, 'cbc:TaxExclusiveAmount', 'BT-109'],
    [totals.taxInclusive, 'cbc:TaxInclusiveAmount', 'BT-112'],
    [totals.payable, 'cbc:PayableAmount', 'BT-115'],
  ] as const;
  for (const [amount, name, term] of required) if (amount === null) problems.missing(`${totals.path}/${name}`, { el: `το ${name} (${term})`, en: `${name} (${term})` });
  const at = (amount: Amount | null): Decimal | null => amountOf(problems, amount, currency);
  const lineExtension = at(totals.lineExtension);
  const taxExclusive = at(totals.taxExclusive);
  const taxInclusive = at(totals.taxInclusive);
  const allowances = totals.allowances === null ? new Decimal(0) : at(totals.allowances);
  const charges = totals.charges === null ? new Decimal(0) : at(totals.charges);
  const prepaid = totals.prepaid === null ? new Decimal(0) : at(totals.prepaid);
  const rounding = totals.rounding === null ? new Decimal(0) : at(totals.rounding);
  const payable = at(totals.payable);
  sameSum(problems, lineExtension, lineSum, `${totals.path}/cbc:LineExtensionAmount`, 'BR-CO-10', { el: 'Άθροισμα καθαρών ποσών γραμμών', en: 'Sum of line net amounts' });
  const docAllowances = invoice.allowanceCharges.filter((a) => !a.charge).map((a) => a.amount);
  const docCharges = invoice.allowanceCharges.filter((a) => a.charge).map((a) => a.amount);
  const sumOf = (list: readonly (Amount | null)[]): Decimal | null =>
    list.reduce<Decimal | null>((s, a) => (s === null || a === null || !AMOUNT.test(a.value) ? null : s.plus(a.value)), new Decimal(0));
  if (totals.allowances !== null || docAllowances.length > 0) sameSum(problems, allowances, sumOf(docAllowances), `${totals.path}/cbc:AllowanceTotalAmount`, 'BR-CO-11', { el: 'Σύνολο εκπτώσεων', en: 'Sum of allowances' });
  if (totals.charges !== null || docCharges.length > 0) sameSum(problems, charges, sumOf(docCharges), `${totals.path}/cbc:ChargeTotalAmount`, 'BR-CO-12', { el: 'Σύνολο επιβαρύνσεων', en: 'Sum of charges' });
  if (lineExtension !== null && allowances !== null && charges !== null) {
    sameSum(problems, taxExclusive, lineExtension.minus(allowances).plus(charges), `${totals.path}/cbc:TaxExclusiveAmount`, 'BR-CO-13', { el: 'Σύνολο χωρίς ΦΠΑ = γραμμές − εκπτώσεις + επιβαρύνσεις', en: 'Total without VAT = lines − allowances + charges' });
  }
  if (taxExclusive !== null && vat !== null) {
    sameSum(problems, taxInclusive, taxExclusive.plus(vat), `${totals.path}/cbc:TaxInclusiveAmount`, 'BR-CO-15', { el: 'Σύνολο με ΦΠΑ = σύνολο χωρίς ΦΠΑ + ΦΠΑ', en: 'Total with VAT = total without VAT + VAT' });
  }
  if (taxInclusive !== null && prepaid !== null && rounding !== null) {
    sameSum(problems, payable, taxInclusive.minus(prepaid).plus(rounding), `${totals.path}/cbc:PayableAmount`, 'BR-CO-16', { el: 'Πληρωτέο = σύνολο με ΦΠΑ − προκαταβολή + στρογγυλοποίηση', en: 'Amount due = total with VAT − paid amount + rounding' });
  }
};

/** Every problem of the invoice; an empty list when the municipality may record it. */
export const checkInvoice = (invoice: ParsedInvoice, parties: InvoiceParties): InvoiceProblem[] => {
  const problems = new Problems();
  checkHeader(problems, invoice);
  const currency = invoice.currency?.value ?? null;
  checkParty(problems, invoice.seller, parties.sellerTaxid, SELLER);
  checkParty(problems, invoice.buyer, parties.buyerTaxid, BUYER);
  if (invoice.lines.length === 0) problems.missing(invoice.kind === 'invoice' ? 'cac:InvoiceLine' : 'cac:CreditNoteLine', { el: 'τουλάχιστον μία γραμμή τιμολογίου (BG-25)', en: 'at least one invoice line (BG-25)' });
  let lineSum: Decimal | null = new Decimal(0);
  const lineKeys = new Map<string, Decimal>();
  for (const line of invoice.lines) {
    const net = checkLine(problems, line, currency);
    lineSum = net === null || lineSum === null ? null : lineSum.plus(net);
    const key = categoryKey(problems, line.vat, `${line.path}/cac:Item/cac:ClassifiedTaxCategory`);
    if (key !== null && net !== null) lineKeys.set(key, (lineKeys.get(key) ?? new Decimal(0)).plus(net));
  }
  const vat = checkVat(problems, invoice, currency, lineKeys);
  checkTotals(problems, invoice, currency, lineSum, vat);
  return problems.list;
};

/** The invoice's references to match it by: each ΑΔΑ normalised, other references as written (trimmed, capitals). */
export const referencesOf = (invoice: ParsedInvoice): string[] => {
  const raw = [invoice.orderReference, ...invoice.contractReferences, invoice.buyerReference].filter((r): r is At<string> => r !== null && r.value.trim() !== '');
  const refs = raw.map((r) => (isValidAda(r.value) ? normalizeAda(r.value) : r.value.trim().toUpperCase()));
  return [...new Set(refs)];
};
