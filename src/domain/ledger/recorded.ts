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
  if (known === documentFingerprint(event)) return [];
  throw ledgerErrors.OD_DOCUMENT_CONFLICT({ type: row.documentType, document: row.fields.document });
};

/**
 * What makes two records one document. A receipt (είσπραξη) is known by its number, date, ΚΑΕ and amount:
 * one paid online is recorded at once by the debts context, and again later by the finance department's
 * export, which words its description, payer and reference its own way; the second is a duplicate, not a
 * second collection. Every other document is compared on all it says.
 */
export const documentFingerprint = (event: FiscalYearEvent): number =>
  event.type === 'RevenueCollected'
    ? fingerprintOf({ type: event.type, data: { date: event.data.date, kae: event.data.kae, amount: event.data.amount, document: event.data.document } })
    : fingerprintOf(event);
