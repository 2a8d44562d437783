// The payment QR code of a debt statement: an EPC069-12 "SEPA credit transfer" code (the European
// Payments Council's guidelines, sold in Germany as GiroCode) that a banking app scans to fill in the
// transfer: the municipality's IBAN, the amount and the RF, so that the payment comes back in the bank
// statement with its structured creditor reference. Drawn as inline SVG: no image request, sharp in print.
//
// The payload, one element per line, LF between them and nothing after the last one filled in:
//   BCD / 002 / 1 (UTF-8) / SCT / BIC (optional within the EEA) / name (≤ 70) / IBAN / EUR<amount>
//   / purpose (empty) / structured reference (the RF, ≤ 35) / unstructured text (empty: one or the other)
//   / information for the payer (≤ 70, optional).
// Error correction level M, at most version 13: 331 bytes.
import type { Decimal } from 'decimal.js';
import { create } from 'qrcode';
import { isValidRf, normalizeRf, refusals } from '../../domain/index.ts';
import type { Html } from './html.ts';
import { html } from './html.ts';

export const paymentQrErrors = refusals({
  OD_PAYMENT_QR_IBAN_INVALID: {
    status: 500,
    column: null,
    el: (p: { readonly iban: string }) => `Ο λογαριασμός του δήμου για πληρωμές δεν είναι έγκυρο IBAN: «${p.iban}»`,
    en: (p: { readonly iban: string }) => `The municipality's payment account is not a valid IBAN: "${p.iban}"`,
  },
  OD_PAYMENT_QR_BIC_INVALID: {
    status: 500,
    column: null,
    el: (p: { readonly bic: string }) => `Μη έγκυρος κωδικός BIC της τράπεζας του δήμου: «${p.bic}»`,
    en: (p: { readonly bic: string }) => `Invalid BIC of the municipality's bank: "${p.bic}"`,
  },
  OD_PAYMENT_QR_TEXT_TOO_LONG: {
    status: 500,
    column: null,
    el: (p: { readonly field: string; readonly max: number }) => `Το πεδίο «${p.field}» του QR πληρωμής χωρά έως ${p.max} χαρακτήρες`,
    en: (p: { readonly field: string; readonly max: number }) => `The field "${p.field}" of a payment QR holds at most ${p.max} characters`,
  },
  OD_PAYMENT_QR_AMOUNT_RANGE: {
    column: 'amount',
    el: () => 'Το ποσό για πληρωμή με QR είναι από 0,01 έως 999.999.999,99 € με έως δύο δεκαδικά',
    en: () => 'The amount of a QR payment is from €0.01 to €999,999,999.99 with at most two decimals',
  },
  OD_PAYMENT_QR_RF_INVALID: {
    column: 'rf',
    el: (p: { readonly rf: string }) => `Ο κωδικός RF «${p.rf}» δεν είναι έγκυρος`,
    en: (p: { readonly rf: string }) => `The RF code "${p.rf}" is not valid`,
  },
  OD_PAYMENT_QR_TOO_LONG: {
    status: 500,
    column: null,
    el: (p: { readonly bytes: number }) => `Τα στοιχεία του QR πληρωμής είναι ${p.bytes} byte· χωρούν έως 331`,
    en: (p: { readonly bytes: number }) => `The payment QR data is ${p.bytes} bytes; at most 331 fit`,
  },
});

export interface PaymentQr {
  /** The beneficiary as the bank knows the account: «Δήμος Ληξουρίου». */
  readonly name: string;
  readonly iban: string;
  /** Optional for a payer within the EEA (version 002); banks outside it still need it. */
  readonly bic?: string;
  readonly amount: Decimal;
  /** The RF of the debt or selection, in any written form. */
  readonly rf: string;
  /** Shown to the payer by some apps: «Οφειλές 2025». */
  readonly information?: string;
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const BIC = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const MAX_BYTES = 331;
const MAX_VERSION = 13;
/** The quiet zone around the symbol that ISO/IEC 18004 asks for, in modules. */
const QUIET = 4;

/** ISO 13616: country and check digits moved to the end, letters as 10..35, the number is 1 modulo 97. */
const isValidIban = (iban: string): boolean => {
  if (!IBAN.test(iban)) return false;
  let rest = 0;
  for (const char of `${iban.slice(4)}${iban.slice(0, 4)}`) {
    const value = Number.parseInt(char, 36);
    rest = (value < 10 ? rest * 10 + value : rest * 100 + value) % 97;
  }
  return rest === 1;
};

const limited = (field: string, text: string, max: number): string => {
  if ([...text].length > max) throw paymentQrErrors.OD_PAYMENT_QR_TEXT_TOO_LONG({ field, max });
  return text;
};

const amountOf = (amount: Decimal): string => {
  if (!amount.isFinite() || amount.decimalPlaces() > 2 || amount.lessThan('0.01') || amount.greaterThan('999999999.99')) {
    throw paymentQrErrors.OD_PAYMENT_QR_AMOUNT_RANGE();
  }
  return `EUR${amount.toFixed(2)}`;
};

/** The text the code carries, element per line as EPC069-12 lays it out. */
export const epcPayload = (payment: PaymentQr): string => {
  const iban = payment.iban.replace(/\s+/g, '').toUpperCase();
  if (!isValidIban(iban)) throw paymentQrErrors.OD_PAYMENT_QR_IBAN_INVALID({ iban: payment.iban });
  const bic = payment.bic === undefined ? '' : payment.bic.trim().toUpperCase();
  if (bic !== '' && !BIC.test(bic)) throw paymentQrErrors.OD_PAYMENT_QR_BIC_INVALID({ bic: payment.bic ?? '' });
  if (!isValidRf(payment.rf)) throw paymentQrErrors.OD_PAYMENT_QR_RF_INVALID({ rf: payment.rf });
  const name = limited('name', payment.name.trim(), 70);
  if (name === '') throw paymentQrErrors.OD_PAYMENT_QR_TEXT_TOO_LONG({ field: 'name', max: 70 });
  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    bic,
    name,
    iban,
    amountOf(payment.amount),
    '',
    normalizeRf(payment.rf),
    '',
    limited('information', payment.information?.trim() ?? '', 70),
  ];
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
};

/** One path of horizontal runs of dark modules: a few kilobytes for a version 13 symbol. */
const pathOf = (size: number, dark: (row: number, col: number) => boolean): string => {
  const runs: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && dark(row, col)) col++;
      runs.push(`M${start + QUIET} ${row + QUIET}h${col - start}v1h-${col - start}z`);
    }
  }
  return runs.join('');
};

/** The symbol's modules (`size` × `size`, 1 dark), checked as the guidelines ask: for the page's SVG and a PDF's vector drawing. */
export const paymentQrModules = (payment: PaymentQr): { readonly size: number; readonly data: Uint8Array } => {
  const bytes = new TextEncoder().encode(epcPayload(payment));
  if (bytes.length > MAX_BYTES) throw paymentQrErrors.OD_PAYMENT_QR_TOO_LONG({ bytes: bytes.length });
  // One byte segment: the bytes are the UTF-8 that line 3 declares, whatever the text holds.
  const symbol = create([{ mode: 'byte', data: bytes }], { errorCorrectionLevel: 'M' });
  if (symbol.version > MAX_VERSION) throw paymentQrErrors.OD_PAYMENT_QR_TOO_LONG({ bytes: bytes.length });
  return symbol.modules;
};

/**
 * The payment QR code as inline SVG, labelled for screen readers with `label` (the page's language: e.g.
 * «Κωδικός QR για πληρωμή 45,00 € με RF56 LIX2 0250 0012 3»).
 */
export const paymentQrSvg = (payment: PaymentQr, label: string): Html => {
  const { size, data } = paymentQrModules(payment);
  const side = size + 2 * QUIET;
  const path = pathOf(size, (row, col) => data[row * size + col] === 1);
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="payment-qr" viewBox="0 0 ${side} ${side}" role="img" aria-label="${label}" shape-rendering="crispEdges"><title>${label}</title><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
};
