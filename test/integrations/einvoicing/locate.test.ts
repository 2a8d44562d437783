// The line each problem's path points at: found whatever prefixes the sender chose, the second of a repeated
// element told from the first, and a missing element placed at its nearest present ancestor.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkInvoice } from '../../../src/domain/index.ts';
import { readUblInvoice } from '../../../src/integrations/einvoicing/index.ts';
import { BUYER_TAXID, bytesOf, SELLER_TAXID, ublInvoice } from '../../support/einvoices/ubl.ts';

const lineOfText = (xml: string, needle: string, nth = 1): number => {
  const lines = xml.split('\n');
  let seen = 0;
  return lines.findIndex((l) => l.includes(needle) && ++seen === nth) + 1;
};

const locate = (xml: string) => {
  const read = readUblInvoice(bytesOf(xml));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read;
};

test('a repeated element by its index, under other prefixes too', () => {
  const lines = [{ quantity: '10', price: '12.50', net: '125.00' }, { quantity: '2', price: '40.00', net: '76.00', allowance: '5.00' }];
  const xml = ublInvoice({ lines });
  const expected = lineOfText(xml, '<cbc:LineExtensionAmount currencyID="EUR">76.00');
  assert.is(locate(xml).lineOf('cac:InvoiceLine[2]/cbc:LineExtensionAmount'), expected);
  const renamed = xml.replaceAll('cbc:', 'b:').replaceAll('xmlns:cbc', 'xmlns:b').replaceAll('cac:', 'a:').replaceAll('xmlns:cac', 'xmlns:a');
  assert.is(locate(renamed).lineOf('cac:InvoiceLine[2]/cbc:LineExtensionAmount'), expected);
});

test('what is missing points at its nearest present ancestor; the whole file at nothing', () => {
  const xml = ublInvoice();
  const read = locate(xml);
  assert.is(read.lineOf('cac:LegalMonetaryTotal/cbc:PrepaidAmount'), lineOfText(xml, '<cac:LegalMonetaryTotal>'));
  assert.is(read.lineOf('/'), null);
  const problems = checkInvoice(read.invoice, { sellerTaxid: SELLER_TAXID, buyerTaxid: BUYER_TAXID });
  assert.equal(problems, []);
});

test('a malformed file says its line', () => {
  const read = readUblInvoice(bytesOf('<Invoice>\n<a>\n</b>\n</Invoice>'));
  assert.ok(!read.ok && read.problems[0]!.line === 3, JSON.stringify(read));
});

test.run();
