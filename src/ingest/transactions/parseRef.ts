// The `ref` column: the document a row follows. A bare number names the document its type follows
// (order → commitment, payment → order, receipt → assessment); `TYPE:DOCUMENT` names any, and is how a
// reversal (αντιλογισμός) says what it takes back. TYPE is a word in English or Greek.
import type { DocumentRef, DocumentType, ReversibleType } from '../../domain/index.ts';
import { reversibleRef } from '../../domain/index.ts';
import { ingestErrors } from '../ingestErrors.ts';
import { documentTypes } from './documentTypes.ts';

const FOLLOWS: Partial<Record<DocumentType, ReversibleType>> = { order: 'commitment', payment: 'order', receipt: 'assessment' };

/** Null when the text before a colon is not a type word: then the colon belongs to the document number. */
const typed = (raw: string): DocumentRef | null => {
  const colon = raw.indexOf(':');
  const type = colon === -1 ? undefined : documentTypes.find(raw.slice(0, colon));
  // The domain says which types a reference may name, in the same words from every entry point.
  return type === undefined ? null : reversibleRef(type, raw.slice(colon + 1));
};

export const parseRef = (raw: string, documentType: DocumentType): DocumentRef => {
  const ref = typed(raw);
  if (ref) return ref;
  const follows = FOLLOWS[documentType];
  if (follows === undefined) throw ingestErrors.OD_REF_INVALID({ raw });
  return { type: follows, document: raw };
};
