// The payment QR code (EPC069-12): its text element by element as the guidelines lay it out, what does not
// fit refused, and the SVG: a version ≤ 13 symbol with its quiet zone and three finder patterns.
import { Decimal } from 'decimal.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isDomainError } from '../../../src/domain/index.ts';
import type { PaymentQr } from '../../../src/web/shared/qr.ts';
import { epcPayload, paymentQrSvg } from '../../../src/web/shared/qr.ts';

// The Greek IBAN of the IBAN registry's example; RF56LIX2025000123 is debt 2025-000123 of Lixouri.
const payment: PaymentQr = { name: 'Δήμος Ληξουρίου', iban: 'GR16 0110 1250 0000 0001 2300 695', amount: new Decimal('45'), rf: 'RF56 LIX2 0250 0012 3' };

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return 'accepted';
};

test('payload: BCD, version 002, UTF-8, SCT, no BIC, name, IBAN, EUR amount, no purpose, the RF, and nothing after it', () => {
  assert.is(epcPayload(payment), ['BCD', '002', '1', 'SCT', '', 'Δήμος Ληξουρίου', 'GR1601101250000000012300695', 'EUR45.00', '', 'RF56LIX2025000123'].join('\n'));
});

test('payload: with a BIC and information for the payer, the unstructured line stays empty between them', () => {
  const text = epcPayload({ ...payment, bic: 'ethngraa', amount: new Decimal('1234.5'), information: 'Οφειλές 2025' });
  assert.equal(text.split('\n'), ['BCD', '002', '1', 'SCT', 'ETHNGRAA', 'Δήμος Ληξουρίου', 'GR1601101250000000012300695', 'EUR1234.50', '', 'RF56LIX2025000123', '', 'Οφειλές 2025']);
  assert.not.ok(text.endsWith('\n'));
});

test('payload: the smallest and the largest amounts the guidelines allow', () => {
  assert.ok(epcPayload({ ...payment, amount: new Decimal('0.01') }).includes('\nEUR0.01\n'));
  assert.ok(epcPayload({ ...payment, amount: new Decimal('999999999.99') }).includes('\nEUR999999999.99\n'));
  for (const amount of ['0', '0.001', '-5', '1000000000', 'NaN']) {
    assert.is(codeOf(() => epcPayload({ ...payment, amount: new Decimal(amount) })), 'OD_PAYMENT_QR_AMOUNT_RANGE', amount);
  }
});

test('payload: a wrong IBAN, BIC or RF, and a name longer than 70 characters, are refused', () => {
  assert.is(codeOf(() => epcPayload({ ...payment, iban: 'GR1601101250000000012300696' })), 'OD_PAYMENT_QR_IBAN_INVALID');
  assert.is(codeOf(() => epcPayload({ ...payment, iban: 'not an iban' })), 'OD_PAYMENT_QR_IBAN_INVALID');
  assert.is(codeOf(() => epcPayload({ ...payment, bic: 'ETHN' })), 'OD_PAYMENT_QR_BIC_INVALID');
  assert.is(codeOf(() => epcPayload({ ...payment, rf: 'RF57LIX2025000123' })), 'OD_PAYMENT_QR_RF_INVALID');
  assert.is(codeOf(() => epcPayload({ ...payment, name: 'Δ'.repeat(71) })), 'OD_PAYMENT_QR_TEXT_TOO_LONG');
  assert.is(codeOf(() => epcPayload({ ...payment, name: '  ' })), 'OD_PAYMENT_QR_TEXT_TOO_LONG');
  assert.is(codeOf(() => epcPayload({ ...payment, information: 'x'.repeat(71) })), 'OD_PAYMENT_QR_TEXT_TOO_LONG');
  assert.is(epcPayload({ ...payment, name: 'Δ'.repeat(70) }).split('\n')[5], 'Δ'.repeat(70));
});

/** The dark modules the SVG draws, as "row,col" of the whole image (quiet zone included). */
const darkCells = (svg: string): Set<string> => {
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const cells = new Set<string>();
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) cells.add(`${Number(y)},${Number(x) + i}`);
  }
  return cells;
};

/** ISO/IEC 18004 finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 centre. */
const hasFinder = (cells: ReadonlySet<string>, top: number, left: number): boolean => {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      if (cells.has(`${top + r},${left + c}`) !== (ring !== 2)) return false;
    }
  }
  return true;
};

test('svg: a labelled image of a version ≤ 13 symbol, four modules of quiet zone, three finder patterns', () => {
  const svg = paymentQrSvg({ ...payment, bic: 'ETHNGRAA', information: 'Οφειλές 2025' }, 'Κωδικός QR για πληρωμή 45,00 € με RF56 LIX2 0250 0012 3').value;
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /role="img" aria-label="Κωδικός QR για πληρωμή 45,00 € με RF56 LIX2 0250 0012 3"/);
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const modules = side - 8;
  const version = (modules - 17) / 4;
  assert.ok(Number.isInteger(version) && version >= 1 && version <= 13, `version ${version}`);
  const cells = darkCells(svg);
  assert.ok(cells.size > 0);
  for (const cell of cells) {
    const [row, col] = cell.split(',').map(Number) as [number, number];
    assert.ok(row >= 4 && col >= 4 && row < side - 4 && col < side - 4, `dark module ${cell} in the quiet zone`);
  }
  assert.ok(hasFinder(cells, 4, 4), 'top left');
  assert.ok(hasFinder(cells, 4, side - 4 - 7), 'top right');
  assert.ok(hasFinder(cells, side - 4 - 7, 4), 'bottom left');
  assert.not.ok(hasFinder(cells, side - 4 - 7, side - 4 - 7), 'no finder bottom right');
});

test('svg: the label is escaped, never markup', () => {
  const svg = paymentQrSvg(payment, 'RF <b>"x"</b>').value;
  assert.ok(svg.includes('aria-label="RF &lt;b&gt;&quot;x&quot;&lt;/b&gt;"'));
  assert.not.ok(svg.includes('<b>'));
});

test.run();
