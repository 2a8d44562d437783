// Reading the cells of an export: amounts, dates, closed words, references. Given a cell, then a value or a refusal.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isDomainError } from '../../src/domain/index.ts';
import { isIngestError } from '../../src/ingest/errors.ts';
import { parseAmount } from '../../src/ingest/parseAmount.ts';
import { parseDate } from '../../src/ingest/parseDate.ts';
import { assetActions } from '../../src/ingest/assets/assetActions.ts';
import { parseCoordinate } from '../../src/ingest/assets/parseCoordinate.ts';
import { documentTypes } from '../../src/ingest/transactions/documentTypes.ts';
import { parseRef } from '../../src/ingest/transactions/parseRef.ts';
import { yesNo } from '../../src/ingest/vocabulary.ts';

const refusedWith = (work: () => unknown, code: string, column: string): void => {
  try {
    work();
  } catch (error) {
    assert.ok(isIngestError(error) || isDomainError(error), `a refusal, not ${String(error)}`);
    assert.is(error.code, code);
    assert.is(error.column, column);
    return;
  }
  assert.unreachable(`expected ${code}`);
};

test('amounts: Greek and international styles give the same value', () => {
  const cases: [string, string][] = [
    ['1.234,56', '1234.56'], ['1234,56', '1234.56'], ['1234.56', '1234.56'], ['-1.234,56', '-1234.56'], ['1,234.56', '1234.56'],
    ['1.234.567,89', '1234567.89'], ['1 234,56', '1234.56'], ['12\u00a0500,00', '12500.00'], ['0,5', '0.50'], ['7', '7.00'], ['-0,00', '0.00'],
  ];
  for (const [text, value] of cases) assert.is(parseAmount(text, 'amount').toFixed(2), value, text);
});

test('amounts: a lone separator followed by three digits groups thousands, since three decimals are never valid', () => {
  assert.is(parseAmount('1.234', 'amount').toFixed(2), '1234.00');
  assert.is(parseAmount('12,500', 'amount').toFixed(2), '12500.00');
  assert.is(parseAmount('1.234.567', 'amount').toFixed(2), '1234567.00');
  // Not thousands (four digits before, or a leading zero): a decimal mark, and then too many decimals.
  refusedWith(() => parseAmount('1234,567', 'amount'), 'OD_AMOUNT_PRECISION', 'amount');
  refusedWith(() => parseAmount('0,125', 'amount'), 'OD_AMOUNT_PRECISION', 'amount');
});

test('amounts: what is not an amount is refused in its column', () => {
  for (const text of ['δώδεκα', '12.34.56', '1,23,456.00', '1.0.0', '5,', ',5', '-', '1e3', '€12', '1.234,56.7']) {
    refusedWith(() => parseAmount(text, 'value'), 'OD_AMOUNT_INVALID', 'value');
  }
});

test('dates: dd/mm/yyyy, d/m/yyyy and ISO, real calendar dates only', () => {
  assert.is(parseDate('07/03/2025', 'date'), '2025-03-07');
  assert.is(parseDate('7/3/2025', 'date'), '2025-03-07');
  assert.is(parseDate('2025-03-07', 'date'), '2025-03-07');
  assert.is(parseDate('29/02/2024', 'date'), '2024-02-29');
  for (const text of ['29/02/2025', '31/04/2025', '2025-13-01', '00/01/2025', '7/3/25', '2025/03/07', 'χθες', '07-03-2025T10:00']) {
    refusedWith(() => parseDate(text, 'date'), 'OD_DATE_INVALID', 'date');
  }
});

test('words: document types, asset actions and yes/no in English or Greek, any case or accent', () => {
  assert.is(documentTypes.read('ΠΡΟΫΠΟΛΟΓΙΣΜΟΣ', 'type'), 'budget');
  assert.is(documentTypes.read('Ενταλμα', 'type'), 'order');
  assert.is(documentTypes.read('χρηματικό ένταλμα', 'type'), 'order');
  assert.is(documentTypes.read(' Reversal ', 'type'), 'reversal');
  assert.is(documentTypes.read('ΕΊΣΠΡΑΞΗ', 'type'), 'receipt');
  assert.is(assetActions.read('Μίσθωση', 'action'), 'lease');
  assert.is(assetActions.read('DISPOSE', 'action'), 'dispose');
  for (const yes of ['yes', 'ΝΑΙ', '1', 'true', 'Ναί']) assert.is(yesNo.read(yes, 'natural_person'), true, yes);
  for (const no of ['no', 'Όχι', 'ΟΧΙ', '0', 'false']) assert.is(yesNo.read(no, 'natural_person'), false, no);
  refusedWith(() => documentTypes.read('τιμολόγιο', 'type'), 'OD_TYPE_UNKNOWN', 'type');
  refusedWith(() => assetActions.read('επισκευή', 'action'), 'OD_ACTION_UNKNOWN', 'action');
  refusedWith(() => yesNo.read('ίσως', 'natural_person'), 'OD_BOOLEAN_INVALID', 'natural_person');
});

test('refs: a bare number names what the type follows; TYPE:DOCUMENT names any, in English or Greek', () => {
  assert.equal(parseRef('ΑΑΥ-12', 'order'), { type: 'commitment', document: 'ΑΑΥ-12' });
  assert.equal(parseRef('ΧΕ-3', 'payment'), { type: 'order', document: 'ΧΕ-3' });
  assert.equal(parseRef('ΒΕΒ-9', 'receipt'), { type: 'assessment', document: 'ΒΕΒ-9' });
  assert.equal(parseRef('δέσμευση:ΑΑΥ-12', 'reversal'), { type: 'commitment', document: 'ΑΑΥ-12' });
  assert.equal(parseRef('PAYMENT: ΕΠ-4', 'reversal'), { type: 'payment', document: 'ΕΠ-4' });
  // A colon that follows no type word belongs to the number.
  assert.equal(parseRef('12:2025', 'order'), { type: 'commitment', document: '12:2025' });
  refusedWith(() => parseRef('ΑΑΥ-12', 'reversal'), 'OD_REF_INVALID', 'ref');
  refusedWith(() => parseRef('αναμόρφωση:ΑΝ-1', 'reversal'), 'OD_REVERSAL_OF_BUDGET', 'ref');
  refusedWith(() => parseRef('αντιλογισμός:ΑΝΤ-1', 'reversal'), 'OD_REVERSAL_OF_REVERSAL', 'ref');
  refusedWith(() => parseRef('δέσμευση:', 'reversal'), 'OD_REF_INVALID', 'ref');
});

test('coordinates: decimal degrees with a point or a comma', () => {
  assert.is(parseCoordinate('38.2019', 'lat'), 38.2019);
  assert.is(parseCoordinate('20,4378', 'lon'), 20.4378);
  assert.is(parseCoordinate('-0.5', 'lon'), -0.5);
  refusedWith(() => parseCoordinate('38°12′N', 'lat'), 'OD_NUMBER_INVALID', 'lat');
});

test.run();
