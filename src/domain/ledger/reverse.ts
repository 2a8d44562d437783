// A `reversal` row (αντιλογισμός) takes back all or part of an earlier document: mistakes are corrected,
// never edited. What followed a document stays covered: a commitment cannot drop below what was ordered
// from it, an order below what was paid, an assessment below what was collected.
import type { DocumentReversed, ReversibleType } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import type { TrackedDocument } from './documentTable.ts';
import type { Leaves } from './errors.ts';
import type { DomainError } from '../shared/errors.ts';
import { referencedDocument } from './references.ts';
import { reversibleRef } from './reversibleRef.ts';
import { unreversed } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { ledgerErrors } from './errors.ts';
import { withinRemainder } from './withinRemainder.ts';

export const reverse = (row: DocumentRow, state: FiscalYearState): DocumentReversed[] => {
  if (row.ref === null) throw ledgerErrors.OD_REF_MISSING({ expected: null });
  const ref = reversibleRef(row.ref.type, row.ref.document);
  const event: DocumentReversed = { type: 'DocumentReversed', data: { ...row.fields, reverses: ref } };
  return unlessRecorded(state, row, event, () => {
    const original = referencedDocument(state, row, ref);
    const available = unreversed(original);
    withinRemainder(row, available, ledgerErrors.OD_REVERSAL_EXCEEDS_UNREVERSED);
    keepFollowersCovered(ref.type, original, available - row.cents);
  });
};

const BELOW_FOLLOWERS: Readonly<Record<ReversibleType, ((leaves: Leaves) => DomainError) | null>> = {
  commitment: ledgerErrors.OD_REVERSAL_BELOW_ORDERED,
  order: ledgerErrors.OD_REVERSAL_BELOW_PAID,
  assessment: ledgerErrors.OD_REVERSAL_BELOW_COLLECTED,
  payment: null,
  receipt: null,
};

const keepFollowersCovered = (type: ReversibleType, original: TrackedDocument, left: bigint): void => {
  const refusal = BELOW_FOLLOWERS[type];
  if (refusal !== null && left < original.followed) throw refusal({ left, followed: original.followed });
};
