// Document numbers are unique per fiscal year and type. The same document again is a duplicate (a
// re-imported file, a row sent twice) and adds nothing; another document under a used number is refused.
// "The same" means the same event: its type and every data field (date, ΚΑΕ, amount, ΑΔΑ, description,
// counterparty, reference, and title for budget rows), compared through their fingerprint.
import type { FiscalYearEvent } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { isReversibleType } from './documentTypes.ts';
import { ledgerErrors } from './errors.ts';
import { fingerprintOf } from '../shared/fingerprint.ts';

const recordedFingerprint = (state: FiscalYearState, row: DocumentRow): number | undefined => {
  const { documentType: type, fields } = row;
  if (isReversibleType(type)) return state.tracked[type].fingerprintOf(fields.document);
  return state.recorded[type].get(fields.document);
};

/** `[event]` once the rules of its type pass; `[]` for a duplicate; a conflict for another document under its number. */
export const unlessRecorded = <E extends FiscalYearEvent>(state: FiscalYearState, row: DocumentRow, event: E, enforceRules: () => void): E[] => {
  const known = recordedFingerprint(state, row);
  if (known === undefined) {
    enforceRules();
    return [event];
  }
  if (known === fingerprintOf(event)) return [];
  throw ledgerErrors.OD_DOCUMENT_CONFLICT({ type: row.documentType, document: row.fields.document });
};
