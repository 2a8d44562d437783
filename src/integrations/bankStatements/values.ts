// The values of a camt message, read from their elements or refused with where they are: amounts (xs:decimal,
// at most 18 digits, never negative: the sign is CdtDbtInd), currencies, credit or debit, dates.
import { Decimal } from 'decimal.js';
import type { IngestError } from '../../ingest/errors.ts';
import { camtErrors } from './errors.ts';
import type { CreditDebit, Money } from './types.ts';
import type { XmlElement } from './xml.ts';
import { at, child } from './xml.ts';

/** Where a value is: the line and path of the element it belongs to. */
export interface Place {
  readonly line: number;
  readonly path: string;
}

const AMOUNT = /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/;
const MAX_DIGITS = 18;
const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** An Amt element (with its Ccy), or the refusal. */
export const moneyOf = (element: XmlElement | undefined, place: Place): Money | IngestError => {
  if (element === undefined || element.text === '') return camtErrors.OD_CAMT_AMOUNT_MISSING(place);
  const raw = element.text;
  if (!AMOUNT.test(raw) || raw.replace(/\D/g, '').replace(/^0+(?=\d)/, '').length > MAX_DIGITS) return camtErrors.OD_CAMT_AMOUNT_INVALID({ ...place, raw });
  const currency = element.attributes['Ccy']?.trim() ?? '';
  if (currency === '') return camtErrors.OD_CAMT_CURRENCY_MISSING(place);
  if (!CURRENCY.test(currency)) return camtErrors.OD_CAMT_VALUE_INVALID({ ...place, element: 'Ccy', raw: currency });
  return { amount: new Decimal(raw), currency };
};

export const creditDebitOf = (text: string | null, place: Place): CreditDebit | IngestError => {
  if (text === null) return camtErrors.OD_CAMT_ELEMENT_MISSING({ ...place, element: 'CdtDbtInd' });
  return text === 'CRDT' || text === 'DBIT' ? text : camtErrors.OD_CAMT_VALUE_INVALID({ ...place, element: 'CdtDbtInd', raw: text });
};

/** A DateAndDateTimeChoice (Dt or DtTm) → its date, YYYY-MM-DD as written; null when absent. */
export const dateOf = (element: XmlElement | undefined, name: string, place: Place): string | null | IngestError => {
  if (element === undefined) return null;
  const raw = (child(element, 'Dt') ?? child(element, 'DtTm'))?.text ?? element.text;
  const date = raw.slice(0, 10);
  if (!DATE.test(date) || (raw.length > 10 && raw[10] !== 'T')) return camtErrors.OD_CAMT_VALUE_INVALID({ ...place, element: name, raw });
  return date;
};

/** A code that is its element's text (001.02: `<Sts>BOOK</Sts>`) or a choice of Cd and Prtry (later: `<Sts><Cd>BOOK</Cd></Sts>`). */
export const codeOf = (element: XmlElement | undefined): string | null => {
  if (element === undefined) return null;
  const text = element.text !== '' ? element.text : (at(element, 'Cd')?.text ?? at(element, 'Prtry')?.text ?? '');
  return text === '' ? null : text;
};
