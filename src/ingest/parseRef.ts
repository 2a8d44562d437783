// The `ref` column: the document a row follows. A bare number names the document its type follows
// (order → commitment, payment → order, receipt → assessment); `TYPE:DOCUMENT` names any, and is how a
// reversal (αντιλογισμός) says what it takes back. TYPE is a word in English or Greek.
import type { DocumentRef } from '../domain/ledger/commands.ts';
import type { DocumentType, ReversibleType } from '../domain/ledger/events.ts';
import { refInvalid } from './errors.ts';
import { reversibleTypes } from './vocabulary.ts';

const FOLLOWS: Partial<Record<DocumentType, ReversibleType>> = { order: 'commitment', payment: 'order', receipt: 'assessment' };

const typed = (raw: string): DocumentRef | null => {
  const colon = raw.indexOf(':');
  const type = colon === -1 ? undefined : reversibleTypes.find(raw.slice(0, colon));
  const document = raw.slice(colon + 1).trim();
  return type === undefined || document === '' ? null : { type, document };
};

export const parseRef = (raw: string, documentType: DocumentType): DocumentRef => {
  const ref = typed(raw);
  if (ref) return ref;
  const follows = FOLLOWS[documentType];
  if (follows === undefined) throw refInvalid(raw);
  return { type: follows, document: raw };
};
