// Cells the debt kinds share: the roll's numbers, years and counts, read as the revenue system writes them.
import { parseKae, type DebtorKind } from '../../domain/index.ts';
import { debtsErrors } from '../../domain/index.ts';
import { ingestErrors } from '../ingestErrors.ts';
import { fold } from '../fold.ts';

const ASSESSMENT = /^[0-9A-Z][0-9A-Z/.-]{0,29}$/;

/** An assessment number as the roll writes it: letters, digits, '/', '.', '-'; upper case, no spaces. */
export const parseAssessment = (raw: string, column: string): string => {
  const number = raw.replace(/\s+/g, '').toUpperCase();
  if (!ASSESSMENT.test(number)) throw ingestErrors.OD_NUMBER_INVALID({ column, raw });
  return number;
};

export const parseYear = (raw: string, column: string): number => {
  if (!/^\d{4}$/.test(raw) || Number(raw) < 1990 || Number(raw) > 2100) throw ingestErrors.OD_NUMBER_INVALID({ column, raw });
  return Number(raw);
};

export const parseCount = (raw: string, column: string): number => {
  if (!/^\d{1,3}$/.test(raw)) throw ingestErrors.OD_NUMBER_INVALID({ column, raw });
  return Number(raw);
};

export const parseKaeCode = (raw: string): string => parseKae(raw).kae;

const KINDS = new Map<string, DebtorKind>(
  [
    ['person', 'person', 'φυσικό πρόσωπο', 'φυσικό', 'φ.π.', 'φπ'],
    ['company', 'company', 'νομικό πρόσωπο', 'νομικό', 'εταιρεία', 'ν.π.', 'νπ'],
  ].flatMap(([kind, ...names]) => names.map((name) => [fold(name), kind as DebtorKind] as const)),
);

export const parseDebtorKind = (raw: string): DebtorKind => {
  const kind = KINDS.get(fold(raw));
  if (kind === undefined) throw debtsErrors.OD_DEBTOR_KIND_UNKNOWN({ raw });
  return kind;
};
