// Diavgeia's JSON, as its OpenData API answers (recorded in ../shared/data/diavgeia), read into the domain's
// terms, or refused: a field missing or of the wrong kind fails the whole answer, so nothing half is kept.
import { Decimal } from 'decimal.js';
import type { DecisionFields, DecisionStatus, KaeAmount, ObservedDecision, Sponsor } from '../../domain/index.ts';
import { isValidAda, normalizeAda, publicSponsor } from '../../domain/index.ts';
import type { DecisionVersion } from './port.ts';

type Json = Record<string, unknown>;

/** Why an answer is refused; the client adds the address. */
export class WireError extends Error {}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (o: Json, key: string, where: string): string => {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') throw new WireError(`${where}.${key} is not text`);
  return v;
};

const optionalText = (o: Json, key: string): string | null => (typeof o[key] === 'string' && (o[key]).trim() !== '' ? (o[key]) : null);

const ATHENS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Diavgeia gives times as epoch milliseconds (older answers) or ISO strings (newer ones). */
const instant = (o: Json, key: string, where: string): Date => {
  const v = o[key];
  const date = typeof v === 'number' ? new Date(v) : typeof v === 'string' ? new Date(v) : null;
  if (date === null || Number.isNaN(date.getTime())) throw new WireError(`${where}.${key} is not a time`);
  return date;
};

const money = (v: unknown, where: string): string => {
  if (typeof v !== 'number' && typeof v !== 'string') throw new WireError(`${where} is not an amount`);
  try {
    const d = new Decimal(v);
    if (!d.isFinite()) throw new Error();
    return d.toFixed(2);
  } catch {
    throw new WireError(`${where} is not an amount`);
  }
};

const list = (o: Json, key: string, where: string): unknown[] => {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new WireError(`${where}.${key} is not a list`);
  return v;
};

const afmName = (v: unknown): { afm: string | null; name: string | null } => (isObject(v) ? { afm: optionalText(v, 'afm'), name: optionalText(v, 'name') } : { afm: null, name: null });

const STATUSES: readonly DecisionStatus[] = ['PUBLISHED', 'PENDING_REVOCATION', 'REVOKED'];

export const readDecision = (raw: unknown, where = 'decision'): ObservedDecision => {
  if (!isObject(raw)) throw new WireError(`${where} is not an object`);
  const adaText = text(raw, 'ada', where);
  if (!isValidAda(adaText)) throw new WireError(`${where}.ada "${adaText}" is not an ΑΔΑ`);
  const ada = normalizeAda(adaText);
  const at = `${where} ${ada}`;
  const status = text(raw, 'status', at);
  if (!(STATUSES as readonly string[]).includes(status)) throw new WireError(`${at}.status "${status}" is not one of ${STATUSES.join(', ')}`);
  const extra = raw['extraFieldValues'] ?? {};
  if (!isObject(extra)) throw new WireError(`${at}.extraFieldValues is not an object`);
  const kaeAmounts: KaeAmount[] = [];
  const sponsors: Sponsor[] = [];
  list(extra, 'amountWithKae', at).forEach((line, i) => {
    if (!isObject(line)) throw new WireError(`${at}.amountWithKae[${i}] is not an object`);
    const amount = money(line['amountWithVAT'], `${at}.amountWithKae[${i}].amountWithVAT`);
    kaeAmounts.push({ kae: text(line, 'kae', `${at}.amountWithKae[${i}]`).trim(), amount });
    if (line['sponsorAFMName'] !== undefined && line['sponsorAFMName'] !== null) {
      const { afm, name } = afmName(line['sponsorAFMName']);
      sponsors.push(publicSponsor(afm, name, amount));
    }
  });
  list(extra, 'sponsor', at).forEach((s, i) => {
    if (!isObject(s)) throw new WireError(`${at}.sponsor[${i}] is not an object`);
    const expense = s['expenseAmount'];
    const amount = isObject(expense) && expense['amount'] !== undefined && expense['amount'] !== null ? money(expense['amount'], `${at}.sponsor[${i}].expenseAmount`) : null;
    const { afm, name } = afmName(s['sponsorAFMName']);
    sponsors.push(publicSponsor(afm, name, amount));
  });
  const stated = extra['amountWithVAT'];
  const sum = (amounts: readonly (string | null)[]) => amounts.reduce((total, a) => total.plus(a ?? 0), new Decimal(0)).toFixed(2);
  const amount = isObject(stated) && stated['amount'] !== undefined && stated['amount'] !== null
    ? money(stated['amount'], `${at}.amountWithVAT`)
    : sponsors.some((s) => s.amount !== null)
      ? sum(sponsors.map((s) => s.amount))
      : kaeAmounts.length > 0
        ? sum(kaeAmounts.map((k) => k.amount))
        : null;
  const year = extra['financialYear'];
  if (year !== undefined && year !== null && !(typeof year === 'number' && Number.isInteger(year))) throw new WireError(`${at}.financialYear is not a year`);
  const unitIds = list(raw, 'unitIds', at).map((u) => {
    if (typeof u !== 'string') throw new WireError(`${at}.unitIds holds a non-text id`);
    return u;
  });
  const fields: DecisionFields = {
    ada,
    versionId: text(raw, 'versionId', at),
    protocolNumber: typeof raw['protocolNumber'] === 'string' ? raw['protocolNumber'] : '',
    subject: text(raw, 'subject', at),
    issueDate: ATHENS.format(instant(raw, 'issueDate', at)),
    decisionTypeId: text(raw, 'decisionTypeId', at),
    organizationId: text(raw, 'organizationId', at),
    unitIds,
    financialYear: typeof year === 'number' ? year : null,
    amount,
    kaeAmounts,
    sponsors,
    submittedAt: instant(raw, raw['submissionTimestamp'] === undefined ? 'publishTimestamp' : 'submissionTimestamp', at).toISOString(),
  };
  return { fields, status: status as DecisionStatus, correctedVersionId: optionalText(raw, 'correctedVersionId') };
};

export interface SearchAnswer {
  readonly decisions: readonly unknown[];
  readonly page: number;
  readonly size: number;
  readonly actualSize: number;
  readonly total: number;
}

const count = (o: Json, key: string): number => {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new WireError(`info.${key} is not a count`);
  return v;
};

export const readSearch = (raw: unknown): SearchAnswer => {
  if (!isObject(raw)) throw new WireError('the answer is not an object');
  const info = raw['info'];
  if (!isObject(info)) throw new WireError('info is missing');
  const decisions = raw['decisions'];
  if (!Array.isArray(decisions)) throw new WireError('decisions is not a list');
  return { decisions, page: count(info, 'page'), size: count(info, 'size'), actualSize: count(info, 'actualSize'), total: count(info, 'total') };
};

export const readVersionLog = (raw: unknown): DecisionVersion[] => {
  if (!isObject(raw)) throw new WireError('the version log is not an object');
  return list(raw, 'versions', 'versionlog').map((v, i) => {
    if (!isObject(v)) throw new WireError(`versions[${i}] is not an object`);
    return {
      versionId: text(v, 'versionId', `versions[${i}]`),
      at: instant(v, 'versionTimestamp', `versions[${i}]`).toISOString(),
      status: text(v, 'status', `versions[${i}]`),
      correctedVersionId: optionalText(v, 'correctedVersionId'),
    };
  });
};
