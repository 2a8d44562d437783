// A `reversal` row (αντιλογισμός) takes back all or part of an earlier document: mistakes are corrected,
// never edited. What followed a document stays covered: a commitment cannot drop below what was ordered
// from it, an order below what was paid, an assessment below what was collected.
import type { DocumentReversed, ReversibleType } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import type { TrackedDocument } from './documentTable.ts';
import { referencedDocument } from './references.ts';
import { reversibleRef } from './reversibleRef.ts';
import { unreversed } from './balances.ts';
import { unlessRecorded } from './recorded.ts';
import { DomainError } from '../shared/errors.ts';
import { formatCents } from '../shared/money.ts';

export const reverse = (row: DocumentRow, state: FiscalYearState): DocumentReversed[] => {
  if (row.ref === null) {
    throw new DomainError('OD_REF_MISSING', 'Ο αντιλογισμός πρέπει να αναφέρει το παραστατικό που αντιλογίζει', 'A reversal must name the document it reverses', 'ref');
  }
  const ref = reversibleRef(row.ref.type, row.ref.document);
  const event: DocumentReversed = { type: 'DocumentReversed', data: { ...row.fields, reverses: ref } };
  return unlessRecorded(state, row, event, () => {
    const original = referencedDocument(state, row, ref);
    const left = unreversed(original) - row.cents;
    if (left < 0n) {
      throw new DomainError(
        'OD_REVERSAL_EXCEEDS_UNREVERSED',
        `Ο αντιλογισμός ${row.fields.amount} υπερβαίνει το μη αντιλογισμένο ποσό ${formatCents(unreversed(original))}`,
        `The reversal of ${row.fields.amount} exceeds the unreversed amount of ${formatCents(unreversed(original))}`,
        'amount',
      );
    }
    keepFollowersCovered(ref.type, original, left);
  });
};

const BELOW_FOLLOWERS: Readonly<Record<ReversibleType, { code: string; el: string; en: string } | null>> = {
  commitment: { code: 'OD_REVERSAL_BELOW_ORDERED', el: 'τα ενταλματοποιημένα', en: 'what was ordered from it' },
  order: { code: 'OD_REVERSAL_BELOW_PAID', el: 'τα πληρωμένα', en: 'what was paid from it' },
  assessment: { code: 'OD_REVERSAL_BELOW_COLLECTED', el: 'τα εισπραγμένα', en: 'what was collected from it' },
  payment: null,
  receipt: null,
};

const keepFollowersCovered = (type: ReversibleType, original: TrackedDocument, left: bigint): void => {
  const rule = BELOW_FOLLOWERS[type];
  if (rule !== null && left < original.followed) {
    throw new DomainError(
      rule.code,
      `Ο αντιλογισμός αφήνει ${formatCents(left)}, λιγότερα από ${rule.el} (${formatCents(original.followed)})`,
      `The reversal leaves ${formatCents(left)}, less than ${rule.en} (${formatCents(original.followed)})`,
      'amount',
    );
  }
};
