// TaxisNet's userinfo answer, read with a real XML parser:
//   <root><userinfo userid=".." taxid=".." lastname=".." firstname=".." fathername=".." mothername=".."
//   birthyear=".."/></root>
// Values come padded with spaces (fixed-width registry fields) and in Greek capitals; attributes may be
// missing. GSIS answers failures as an XML OAuth error (<oauth><error>…), JSON, or an HTML page.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TaxisNetError } from './errors.ts';
import type { TaxisNetAnswer } from './http.ts';
import { detailOf, jsonErrorOf } from './http.ts';
import { isValidTaxid } from './taxid.ts';
import type { TaxisNetUser } from './types.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Values stay strings: a ΑΦΜ's leading zero and a birth year are read here, not guessed by the parser.
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Numeric character references (&#x391;) are XML; the parser decodes them only with this on.
  htmlEntities: true,
});

type Element = Record<string, unknown>;
const isElement = (value: unknown): value is Element => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Trimmed and NFC, case and accents kept exactly: nothing lossy is offered (a name is shown as given). */
const clean = (value: unknown): string => (typeof value === 'string' ? value.normalize('NFC').trim() : '');

const birthYearOf = (value: string): number | null => {
  if (!/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 1880 && year <= new Date().getUTCFullYear() ? year : null;
};

/**
 * Person or company. GSIS's userinfo has no field saying which; a legal entity logging in with its own
 * TaxisNet credentials gets its ΑΦΜ as taxid and its name (επωνυμία) in lastname, with no first, father's
 * or mother's name and no birth year, which every natural person's registry record has. So: all four absent
 * means a company. Limits: a person whose record lacks all four (rare, e.g. some records of foreigners)
 * would be read as a company; and the ΑΦΜ itself is no guide (persons' and entities' ranges overlap). A
 * legal representative logging in with personal credentials is a person; acting for a company is decided
 * later from the registry, not from this answer.
 */
const kindOf = (user: Omit<TaxisNetUser, 'kind'>): TaxisNetUser['kind'] =>
  user.firstName === '' && user.fatherName === '' && user.motherName === '' && user.birthYear === null ? 'company' : 'person';

const looksLikeHtml = (body: string): boolean => /^\s*(<!doctype\s+html|<html[\s>])/i.test(body);

const refuseFailedStatus = (url: string, answer: TaxisNetAnswer): void => {
  if (answer.status >= 500) throw new TaxisNetError('OD_TAXISNET_DOWN', detailOf(url, answer, 'server error', true));
  if (answer.status >= 300) throw new TaxisNetError('OD_TAXISNET_REFUSED', detailOf(url, answer, answer.status < 400 ? 'redirected (to a login page?)' : 'refused', true));
};

const documentOf = (url: string, answer: TaxisNetAnswer): Element => {
  const { body } = answer;
  if (jsonErrorOf(body) !== null || looksLikeHtml(body)) throw new TaxisNetError('OD_TAXISNET_REFUSED', detailOf(url, answer, 'an error page', true));
  // GSIS sends no DTD; refusing one keeps entity expansion out of reach altogether.
  if (/<!(DOCTYPE|ENTITY)/i.test(body)) throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', detailOf(url, answer, 'a DTD in the answer'));
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', detailOf(url, answer, `not XML: ${valid.err.msg}`));
  const document: unknown = parser.parse(body);
  if (!isElement(document)) throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', detailOf(url, answer, 'no element'));
  return document;
};

/** The one <userinfo> element, at <root><userinfo> or (leniently) at the top; an OAuth error refuses. */
const userinfoElementOf = (url: string, answer: TaxisNetAnswer, document: Element): Element => {
  const tops = Object.entries(document).filter(([name]) => name !== '?xml');
  for (const [, top] of tops) {
    if (isElement(top) && 'error' in top) throw new TaxisNetError('OD_TAXISNET_REFUSED', detailOf(url, answer, 'an OAuth error', true));
  }
  if (tops.some(([name]) => name === 'error' || name === 'oauth')) throw new TaxisNetError('OD_TAXISNET_REFUSED', detailOf(url, answer, 'an OAuth error', true));
  const root = document.root;
  const element = isElement(root) ? root.userinfo : document.userinfo;
  if (!isElement(element)) throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', detailOf(url, answer, 'no single <userinfo> element'));
  return element;
};

/** Reads userinfo's answer into a user, or throws the TaxisNetError it amounts to. */
export const readUserinfo = (url: string, answer: TaxisNetAnswer): TaxisNetUser => {
  refuseFailedStatus(url, answer);
  const element = userinfoElementOf(url, answer, documentOf(url, answer));
  const taxid = clean(element.taxid);
  if (!isValidTaxid(taxid)) {
    throw new TaxisNetError('OD_TAXISNET_BAD_ANSWER', detailOf(url, answer, taxid === '' ? 'no taxid' : 'a taxid failing the ΑΦΜ check digit'));
  }
  const user = {
    userId: clean(element.userid),
    taxid,
    lastName: clean(element.lastname),
    firstName: clean(element.firstname),
    fatherName: clean(element.fathername),
    motherName: clean(element.mothername),
    birthYear: birthYearOf(clean(element.birthyear)),
  };
  return { ...user, kind: kindOf(user) };
};
