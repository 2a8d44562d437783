// The action words of the assets export, in English and Greek.
import type { AssetAction } from '../../domain/index.ts';
import { ingestErrors } from '../ingestErrors.ts';
import { vocabulary } from '../vocabulary.ts';

export const assetActions = vocabulary<AssetAction>(ingestErrors.OD_ACTION_UNKNOWN, [
  ['register', 'register', 'καταχώριση', 'καταχώρηση', 'εγγραφή'],
  ['revalue', 'revalue', 'αναπροσαρμογή', 'επανεκτίμηση'],
  ['lease', 'lease', 'μίσθωση', 'εκμίσθωση'],
  ['transfer', 'transfer', 'μεταβίβαση'],
  ['dispose', 'dispose', 'διάθεση', 'εκποίηση', 'διαγραφή'],
]);
