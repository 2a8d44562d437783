// The RF payment code (ISO 11649 creditor reference, «Ταυτότητα Οφειλής») of a debt or of a selection of
// debts: what a citizen types into e-banking or ΔΙΑΣ, and what the bank statement gives back in
// RmtInf/Strd/CdtrRefInf/Ref. The check digits are shared/codes/rf.ts; this file reads a reference with a
// reason when it is wrong, and keeps the municipality's scheme:
//   one debt, year-number:    RF + check + municipality + year + number   RF.. LIX 2025 000123 (readable)
//   any other selection:      RF + check + municipality + S + 12 base-36  RF.. LIXS 3KQ0 ...  (a digest)
// The body after the municipality starts with a digit for a debt and with S for a selection, so one reference
// never reads as the other.
import { createRf, formatRf, isValidRf, normalizeRf } from '../shared/codes/rf.ts';
import { refusals } from '../shared/errors.ts';

interface Given {
  /** As written or received. */
  readonly raw: string;
}

export const rfErrors = refusals({
  OD_RF_INVALID: {
    column: 'rf',
    el: (p: Given) => `Το «${p.raw}» δεν είναι κωδικός RF: γράφεται RF, δύο ψηφία ελέγχου και έως 21 λατινικά γράμματα ή ψηφία`,
    en: (p: Given) => `"${p.raw}" is not an RF code: it is RF, two check digits and up to 21 Latin letters or digits`,
  },
  OD_RF_CHECK_DIGITS: {
    column: 'rf',
    el: (p: Given) => `Ο κωδικός RF «${p.raw}» δεν είναι σωστός: τα ψηφία ελέγχου δεν ταιριάζουν (ίσως λάθος πληκτρολόγησης)`,
    en: (p: Given) => `The RF code "${p.raw}" is not right: its check digits do not match (perhaps a typing mistake)`,
  },
  OD_RF_MUNICIPALITY_INVALID: {
    status: 500,
    column: null,
    el: (p: Given) => `Ο κωδικός δήμου για τους κωδικούς RF είναι 2 έως 8 λατινικά κεφαλαία γράμματα, όχι «${p.raw}»`,
    en: (p: Given) => `The municipality code of RF codes is 2 to 8 Latin capital letters, not "${p.raw}"`,
  },
  OD_RF_SELECTION_EMPTY: { column: null, el: () => 'Επιλέξτε τουλάχιστον μία οφειλή', en: () => 'Select at least one debt' },
  OD_RF_ASSESSMENT_INVALID: {
    column: 'assessment',
    el: (p: Given) => `Μη έγκυρος αριθμός βεβαίωσης για κωδικό RF: «${p.raw}»`,
    en: (p: Given) => `Invalid assessment number for an RF code: "${p.raw}"`,
  },
});

/** A reference read: its electronic form, check digits and the creditor's own part. */
export interface RfReference {
  /** Electronic form, capitals without spaces: "RF18539007547034". */
  readonly rf: string;
  readonly checkDigits: string;
  /** The creditor's reference after the check digits: "539007547034". */
  readonly reference: string;
  /** The printed form, in groups of four: "RF18 5390 0754 7034". */
  readonly printed: string;
}

const RF_FORM = /^RF\d{2}[0-9A-Z]{1,21}$/;

/** Reads an RF as a citizen or a bank writes it (spaces, small letters), or says what is wrong with it. */
export const parseRf = (raw: string): RfReference => {
  const rf = normalizeRf(raw);
  if (!RF_FORM.test(rf)) throw rfErrors.OD_RF_INVALID({ raw });
  if (!isValidRf(rf)) throw rfErrors.OD_RF_CHECK_DIGITS({ raw });
  return { rf, checkDigits: rf.slice(2, 4), reference: rf.slice(4), printed: formatRf(rf) };
};

/** A hash function over text (SHA-256 from node:crypto, given by the caller: the domain imports nothing). */
export type Digest = (text: string) => Uint8Array;

const MUNICIPALITY = /^[A-Z]{2,8}$/;
const SELECTION_MARK = 'S';
/** 12 base-36 characters: about 62 bits, so a municipality would issue billions of selections before two shared one. */
const DIGEST_CHARS = 12;
const DIGEST_SPACE = 36n ** BigInt(DIGEST_CHARS);
const MAX_BODY = 21;
/** An assessment id as the debts context writes it: the year, a hyphen, the number of that year. */
const YEAR_NUMBER = /^(\d{4})-(\d+)$/;
// Tab, line breaks and other control characters would make two lists join into the same digest input.
const CONTROL = /\p{Cc}/u;
/** Bumped if the digest input ever changes, so that an old reference is never re-read with a new meaning. */
const SCHEME = 'OD-RF-1';

const checkMunicipality = (municipalityCode: string): void => {
  if (!MUNICIPALITY.test(municipalityCode)) throw rfErrors.OD_RF_MUNICIPALITY_INVALID({ raw: municipalityCode });
};

/** The selection as a set: trimmed, each id once, in code-unit order (no locale: the same on every machine). */
const canonical = (selection: readonly string[]): string[] => {
  const ids = new Set<string>();
  for (const raw of selection) {
    const id = raw.trim();
    if (id === '' || CONTROL.test(id)) throw rfErrors.OD_RF_ASSESSMENT_INVALID({ raw });
    ids.add(id);
  }
  if (ids.size === 0) throw rfErrors.OD_RF_SELECTION_EMPTY();
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
};

const readableBody = (municipalityCode: string, id: string): string | null => {
  const match = YEAR_NUMBER.exec(id);
  if (!match) return null;
  const body = `${municipalityCode}${match[1]}${match[2]}`;
  return body.length <= MAX_BODY ? body : null;
};

const base36Of = (bytes: Uint8Array): string => {
  if (bytes.length < 8) throw new RangeError('An RF selection digest needs at least 8 bytes');
  let value = 0n;
  for (let i = 0; i < 8; i++) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return (value % DIGEST_SPACE).toString(36).toUpperCase().padStart(DIGEST_CHARS, '0');
};

/**
 * The RF for paying these debts (assessment ids such as "2025-000123"). The same set in any order gives the
 * same RF and another set another RF; one debt whose id is year-number gets a readable RF, anything else a
 * digest of the set, which the caller records so that a payment can be traced back to its debts.
 */
export const rfForDebts = (municipalityCode: string, selection: readonly string[], digest: Digest): string => {
  checkMunicipality(municipalityCode);
  const ids = canonical(selection);
  const only = ids.length === 1 ? ids[0] : undefined;
  const readable = only === undefined ? null : readableBody(municipalityCode, only);
  if (readable !== null) return createRf(readable);
  const hash = base36Of(digest([SCHEME, municipalityCode, ...ids].join('\n')));
  return createRf(`${municipalityCode}${SELECTION_MARK}${hash}`);
};

/** What one of our references pays: one debt (read from the reference itself) or a selection (to look up). */
export type DebtsRf =
  | { readonly kind: 'debt'; readonly rf: string; readonly assessment: string }
  | { readonly kind: 'selection'; readonly rf: string }
  | { readonly kind: 'other'; readonly rf: string };

/**
 * Reads a valid RF against the municipality's scheme: `other` when it is not one of ours (another creditor's
 * RF, or a body of ours that the scheme never makes). Refuses, as parseRf does, what is not a valid RF.
 */
export const readDebtsRf = (municipalityCode: string, raw: string): DebtsRf => {
  checkMunicipality(municipalityCode);
  const { rf, reference } = parseRf(raw);
  if (!reference.startsWith(municipalityCode)) return { kind: 'other', rf };
  const rest = reference.slice(municipalityCode.length);
  if (rest.length === 1 + DIGEST_CHARS && rest.startsWith(SELECTION_MARK) && /^[0-9A-Z]+$/.test(rest)) return { kind: 'selection', rf };
  // Four digits of year and at least one of number, as readableBody writes them.
  if (/^\d{5,}$/.test(rest)) return { kind: 'debt', rf, assessment: `${rest.slice(0, 4)}-${rest.slice(4)}` };
  return { kind: 'other', rf };
};
