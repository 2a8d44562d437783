// The checks every row passes whatever its type, and its normalised fields, before the rules of its type.
import type { RecordDocument, DocumentRef } from './commands.ts';
import type { Counterparty, DocumentFields, DocumentType } from './events.ts';
import type { Kae } from '../shared/codes/kae.ts';
import { parseKae } from '../shared/codes/kae.ts';
import { normalizeAda } from '../shared/codes/ada.ts';
import { checkCounterparty } from '../shared/counterparty.ts';
import { yearOfIsoDate } from '../shared/date.ts';
import { parseMoney } from '../shared/money.ts';
import { sharedErrors } from '../shared/sharedErrors.ts';
import { blankToNull } from '../shared/text.ts';
import { checkedOnce } from './checkedOnce.ts';
import { ledgerErrors } from './errors.ts';

export interface DocumentRow {
  readonly documentType: DocumentType;
  /** The fields every event of the row carries, normalised. */
  readonly fields: DocumentFields;
  readonly kae: Kae;
  readonly cents: bigint;
  readonly ref: DocumentRef | null;
  readonly counterparty: Counterparty | null;
  readonly title: string | null;
}

const kaeOf = checkedOnce(parseKae);
const yearOf = checkedOnce(yearOfIsoDate);
const NUL = '\u0000';
/** A legal entity by `afm NUL name` as the row wrote them (the first NUL separates: an ΑΦΜ holds none). */
const legalEntityOf = checkedOnce((key: string): Counterparty => {
  const at = key.indexOf(NUL);
  return checkCounterparty({ naturalPerson: false, afm: key.slice(0, at), name: key.slice(at + 1) });
});
const NATURAL_PERSON: Counterparty = { naturalPerson: true, afm: null, name: null };

export const documentRow = (data: RecordDocument['data'], year: number): DocumentRow => {
  checkYear(data.date, year);
  const document = requireDocument(data.document);
  const kae = kaeOf(data.kae);
  // Checked once as a Decimal (finite, at most two decimals), then worked with as its text and cents.
  const amount = parseMoney(data.amount).toFixed(2);
  const cents = BigInt(amount.replace('.', ''));
  checkSign(data.documentType, cents);
  checkSize(cents);
  checkRefAllowed(data.documentType, data.ref);
  return {
    documentType: data.documentType,
    fields: {
      year,
      kae: kae.kae,
      document,
      date: data.date,
      amount,
      ada: data.ada === null ? null : normalizeAda(data.ada),
      description: blankToNull(data.description),
    },
    kae,
    cents,
    ref: data.ref === null ? null : { type: data.ref.type, document: data.ref.document.trim() },
    counterparty: counterpartyOf(data.documentType, data.counterparty),
    title: blankToNull(data.title),
  };
};

const checkYear = (date: string, year: number): void => {
  const dateYear = yearOf(date);
  if (dateYear !== year) throw ledgerErrors.OD_DATE_OUTSIDE_FISCAL_YEAR({ date, year });
};

const requireDocument = (document: string): string => {
  const number = document.trim();
  if (number === '') throw ledgerErrors.OD_DOCUMENT_MISSING();
  return number;
};

// Cents are stored in 64-bit columns (documentTable.ts); a quadrillion euros is far above any real amount.
const MAX_CENTS = 10n ** 17n;

const checkSize = (cents: bigint): void => {
  if (cents > MAX_CENTS || cents < -MAX_CENTS) throw ledgerErrors.OD_AMOUNT_TOO_LARGE();
};

/** A budget row may be zero (a line funded later by amendment); an amendment is signed, never zero; the rest positive. */
const checkSign = (type: DocumentType, cents: bigint): void => {
  if (type === 'budget') {
    if (cents < 0n) throw ledgerErrors.OD_BUDGET_AMOUNT_NEGATIVE();
  } else if (type === 'amendment') {
    if (cents === 0n) throw ledgerErrors.OD_AMENDMENT_ZERO();
  } else if (cents <= 0n) {
    throw sharedErrors.OD_AMOUNT_NOT_POSITIVE({ column: 'amount' });
  }
};

const TAKES_REF: ReadonlySet<DocumentType> = new Set(['order', 'payment', 'receipt', 'reversal']);

const checkRefAllowed = (type: DocumentType, ref: DocumentRef | null): void => {
  if (ref !== null && !TAKES_REF.has(type)) throw ledgerErrors.OD_REF_NOT_ALLOWED({ type });
};

/**
 * Budget rows and amendments concern the municipality alone. A reversal's counterparty is the original
 * document's, which the ledger already holds, so a repeated one is dropped rather than refused.
 */
const counterpartyOf = (type: DocumentType, counterparty: Counterparty | null): Counterparty | null => {
  if (counterparty === null || type === 'reversal') return null;
  if (type === 'budget' || type === 'amendment') {
    throw ledgerErrors.OD_COUNTERPARTY_NOT_ALLOWED();
  }
  // A natural person is stripped of ΑΦΜ and name whatever came in (checkCounterparty does the same).
  if (counterparty.naturalPerson) return NATURAL_PERSON;
  // An ΑΦΜ holding NUL would read back as another key: checked (and refused) as it is.
  if (counterparty.afm.includes(NUL)) return checkCounterparty(counterparty);
  return legalEntityOf(`${counterparty.afm}${NUL}${counterparty.name}`);
};
