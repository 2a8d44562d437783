// The other party of a movement or lease: a legal entity by ΑΦΜ and name, or a natural person
// (φυσικό πρόσωπο) of whom the public ledger keeps nothing that identifies them (GDPR).
import { isValidAfm } from './codes/afm.ts';
import { sharedErrors } from './sharedErrors.ts';

/**
 * The other party of a movement. A natural person (φυσικό πρόσωπο) is never stored by name or ΑΦΜ:
 * the ledger is public, and GDPR applies. Only legal entities carry `afm` and `name`.
 */
export type Counterparty =
  | { readonly naturalPerson: false; readonly afm: string; readonly name: string }
  | { readonly naturalPerson: true; readonly afm: null; readonly name: null };

/** What a row says about its counterparty, before the domain decides what may be kept. */
export interface CounterpartyRow {
  readonly afm: string | null;
  readonly name: string | null;
  readonly naturalPerson: boolean;
}

/** Builds the counterparty of a row: a natural person's ΑΦΜ and name are dropped here, never stored. */
export const toCounterparty = (row: CounterpartyRow): Counterparty => {
  if (row.naturalPerson) return { naturalPerson: true, afm: null, name: null };
  return checkCounterparty({ naturalPerson: false, afm: row.afm ?? '', name: row.name ?? '' });
};

/** A legal entity needs a valid ΑΦΜ and a name; a natural person is stripped of both, whatever came in. */
export const checkCounterparty = (counterparty: Counterparty): Counterparty => {
  if (counterparty.naturalPerson) return { naturalPerson: true, afm: null, name: null };
  return { naturalPerson: false, afm: requireAfm(counterparty.afm), name: requireName(counterparty.name) };
};

export const requireAfm = (raw: string): string => {
  const afm = raw.trim();
  if (!isValidAfm(afm)) {
    throw sharedErrors.OD_AFM_INVALID({ afm });
  }
  return afm;
};

/** Trimmed, inner whitespace collapsed: "ΑΦΟΙ  ΠΑΠΑ " and "ΑΦΟΙ ΠΑΠΑ" are one name. */
export const requireName = (name: string): string => {
  const tidy = name.trim().replace(/\s+/g, ' ');
  if (tidy === '') {
    throw sharedErrors.OD_NAME_MISSING();
  }
  return tidy;
};
