// The UBL reader and the domain's rules together, on invoices written as the Peppol BIS 3.0 example lays
// them out: a valid one passes with no problem; each class of error is reported with the path of the element
// at fault, in Greek and English; files that are not safe XML are refused before they are read.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { InvoiceProblem } from '../../../src/domain/index.ts';
import { checkInvoice, referencesOf } from '../../../src/domain/index.ts';
import { readUblInvoice } from '../../../src/integrations/einvoicing/index.ts';
import type { UblOptions } from '../../support/einvoices/ubl.ts';
import { BUYER_TAXID, bytesOf, SELLER_TAXID, ublInvoice } from '../../support/einvoices/ubl.ts';

const parties = { sellerTaxid: SELLER_TAXID, buyerTaxid: BUYER_TAXID };

const problemsOf = (xml: string): readonly InvoiceProblem[] => {
  const read = readUblInvoice(bytesOf(xml));
  return read.ok ? checkInvoice(read.invoice, parties) : read.problems;
};
const problems = (o: UblOptions) => problemsOf(ublInvoice(o));
const paths = (list: readonly InvoiceProblem[]) => list.map((p) => p.path);

test('the valid invoice has no problem, and its references are the commitment ΑΔΑ and the buyer reference', () => {
  assert.equal(problems({}), []);
  const read = readUblInvoice(bytesOf(ublInvoice()));
  assert.ok(read.ok);
  if (read.ok) assert.equal(referencesOf(read.invoice), ['6ΩΡΞ46ΜΛΩ6-ΒΓΔ', 'ΟΙΚΟΝΟΜΙΚΗ ΥΠΗΡΕΣΙΑ']);
});

test('a credit note is read with its own line and quantity names', () => {
  assert.equal(problems({ kind: 'CreditNote' }), []);
});

test('other prefixes for the same namespaces read the same, and paths keep the customary cbc:/cac:', () => {
  const xml = ublInvoice({ lines: [{ quantity: '10', price: '12.50', net: '125.00' }, { quantity: '2', price: '40.00', net: '76.00', allowance: '5.00' }] })
    .replaceAll('cbc:', 'b:').replaceAll('xmlns:cbc', 'xmlns:b').replaceAll('cac:', 'a:').replaceAll('xmlns:cac', 'xmlns:a');
  const found = problemsOf(xml);
  assert.ok(paths(found).includes('cac:InvoiceLine[2]/cbc:LineExtensionAmount'), JSON.stringify(found));
});

test('a line whose net amount is not quantity × price − allowances is named by its path', () => {
  const found = problems({ lines: [{ quantity: '10', price: '12.50', net: '125.00' }, { quantity: '2', price: '40.00', net: '80.00', allowance: '5.00' }] });
  const line = found.find((p) => p.path === 'cac:InvoiceLine[2]/cbc:LineExtensionAmount');
  if (!line) throw new Error(JSON.stringify(found));
  assert.match(line.en, /says 80\.00, should be 75\.00/);
  assert.match(line.el, /γράφει 80\.00, πρέπει 75\.00/);
});

test('sums: lines (BR-CO-10), VAT per category (BR-CO-17), VAT total (BR-CO-14), with VAT (BR-CO-15), payable (BR-CO-16)', () => {
  assert.ok(paths(problems({ lineTotal: '210.00' })).includes('cac:LegalMonetaryTotal/cbc:LineExtensionAmount'));
  const vat = problems({ subtotals: [['S', '24', '200.00', '50.00']], taxTotal: '50.00', taxInclusive: '250.00', payable: '250.00' });
  assert.ok(vat.some((p) => p.path === 'cac:TaxTotal/cac:TaxSubtotal[1]/cbc:TaxAmount' && p.en.includes('BR-CO-17')), JSON.stringify(vat));
  assert.ok(problems({ taxTotal: '47.00', taxInclusive: '247.00', payable: '247.00' }).some((p) => p.en.includes('BR-CO-14')));
  assert.ok(problems({ taxInclusive: '250.00', payable: '250.00' }).some((p) => p.path === 'cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount'));
  assert.ok(problems({ payable: '240.00' }).some((p) => p.path === 'cac:LegalMonetaryTotal/cbc:PayableAmount' && p.en.includes('BR-CO-16')));
  assert.equal(problems({ prepaid: '48.00', payable: '200.00' }), []);
});

test('Greek VAT: 13 % and 6 % accepted, 20 % refused, 0 % exempt needs its reason', () => {
  const at = (rate: string, tax: string, total: string) =>
    problems({ lines: [{ quantity: '1', price: '200.00', net: '200.00', rate }], subtotals: [['S', rate, '200.00', tax]], taxTotal: tax, taxInclusive: total, payable: total });
  assert.equal(at('13', '26.00', '226.00'), []);
  assert.equal(at('6', '12.00', '212.00'), []);
  const twenty = at('20', '40.00', '240.00');
  assert.ok(twenty.some((p) => p.path === 'cac:InvoiceLine[1]/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent' && p.en.includes('does not apply in Greece')), JSON.stringify(twenty));
  const exempt = (reason?: string) =>
    problems({ lines: [{ quantity: '1', price: '200.00', net: '200.00', category: 'E', rate: '0' }], subtotals: [['E', '0', '200.00', '0.00', ...(reason ? [reason] : [])] as [string, string, string, string, string?]], taxTotal: '0.00', taxInclusive: '200.00', payable: '200.00' });
  assert.equal(exempt('Άρθρο 22 ν. 2859/2000'), []);
  assert.ok(exempt().some((p) => p.path === 'cac:TaxTotal/cac:TaxSubtotal[1]/cac:TaxCategory' && p.en.includes('exemption reason')));
});

test('required elements: number, date, currency, lines, totals each reported where they belong', () => {
  const xml = ublInvoice()
    .replace(/<cbc:ID>ΤΠΥ-0042<\/cbc:ID>/, '')
    .replace(/<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, '')
    .replace(/<cbc:DocumentCurrencyCode>EUR<\/cbc:DocumentCurrencyCode>/, '');
  const found = paths(problemsOf(xml));
  for (const path of ['cbc:ID', 'cbc:IssueDate', 'cbc:DocumentCurrencyCode']) assert.ok(found.includes(path), `${path} in ${found.join(', ')}`);
  const noLines = paths(problemsOf(ublInvoice({ lines: [] })));
  assert.ok(noLines.includes('cac:InvoiceLine'));
  const noTotals = paths(problemsOf(ublInvoice().replace(/<cac:LegalMonetaryTotal>[\s\S]*<\/cac:LegalMonetaryTotal>/, '')));
  assert.ok(noTotals.includes('cac:LegalMonetaryTotal'));
  assert.ok(paths(problems({ currency: 'USD' })).includes('cbc:DocumentCurrencyCode'));
  assert.ok(problemsOf(ublInvoice().replace('billing:3.0</cbc:CustomizationID>', 'billing:2.0</cbc:CustomizationID>')).some((p) => p.path === 'cbc:CustomizationID'));
});

test('amounts: a decimal comma and another currency than the document’s are refused at their element', () => {
  const comma = problemsOf(ublInvoice().replace('<cbc:PayableAmount currencyID="EUR">248.00', '<cbc:PayableAmount currencyID="EUR">248,00'));
  assert.ok(comma.some((p) => p.path === 'cac:LegalMonetaryTotal/cbc:PayableAmount' && p.en.includes('not a number')));
  const currency = problemsOf(ublInvoice().replace('<cbc:TaxExclusiveAmount currencyID="EUR">', '<cbc:TaxExclusiveAmount currencyID="GBP">'));
  assert.ok(currency.some((p) => p.path === 'cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount' && p.en.includes('currency')));
});

test('the seller must be the logged-in company and the buyer the municipality, by their ΑΦΜ', () => {
  const seller = problems({ seller: '094014201' });
  assert.ok(seller.some((p) => p.path === 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID' && p.en.includes("seller's")), JSON.stringify(seller));
  const buyer = problems({ buyer: '094014201' });
  assert.ok(buyer.some((p) => p.path.startsWith('cac:AccountingCustomerParty/cac:Party') && p.en.includes("municipality's")));
});

test('not XML, a DTD (billion laughs, external entity), too deep or too large: refused whole before reading', () => {
  const refused = (xml: string | Uint8Array) => {
    const read = readUblInvoice(typeof xml === 'string' ? bytesOf(xml) : xml);
    assert.not.ok(read.ok);
    return read.ok ? '' : read.problems.map((p) => p.en).join(' ');
  };
  assert.match(refused('<Invoice><cbc:ID>1</Invoice>'), /not well-formed/);
  const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Invoice>&lol2;</Invoice>';
  assert.match(refused(laughs), /DTD/);
  assert.match(refused('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Invoice>&xxe;</Invoice>'), /DTD/);
  assert.match(refused(`${'<a>'.repeat(500)}${'</a>'.repeat(500)}`), /nested deeper/);
  assert.match(refused(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x20)), /larger than 5 MB/);
  assert.match(refused('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>'), /not a UBL 2\.1 invoice/);
  assert.match(refused(new Uint8Array([0x3c, 0x61, 0xff, 0x3e])), /UTF-8/);
});

test.run();
