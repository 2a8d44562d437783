// An entry's identity, the same every time the bank reports that booking, so that importing a statement twice
// (or a day's camt.054 notifications and then its camt.053 statement) pays nothing twice:
//   - the bank's own reference (AcctSvcrRef), unique per account at its bank: `ref:<account>:<ref>`, with
//     `#<n>` for the n-th transaction of a batch entry that has no reference of its own;
//   - without one, a digest of where it is and what it says: `hash:` + 32 hex digits of SHA-256 over the
//     statement id, the entry's and transaction's numbers and its fields. That identity is only stable for
//     the same statement: a bank that gives no AcctSvcrRef cannot be told apart across messages.
import { createHash } from 'node:crypto';

export interface EntryIdentity {
  readonly account: string;
  readonly statementId: string;
  readonly entry: number;
  readonly transaction: number | null;
  /** AcctSvcrRef of the transaction (TxDtls/Refs), when a batch gives one. */
  readonly transactionRef: string | null;
  /** AcctSvcrRef of the entry. */
  readonly entryRef: string | null;
  /** What the entry says, in a fixed order. */
  readonly fields: readonly (string | null)[];
}

export const entryId = (e: EntryIdentity): string => {
  if (e.transactionRef !== null) return `ref:${e.account}:${e.transactionRef}`;
  if (e.entryRef !== null) return `ref:${e.account}:${e.entryRef}${e.transaction === null ? '' : `#${e.transaction}`}`;
  const digest = createHash('sha256').update(JSON.stringify([e.account, e.statementId, e.entry, e.transaction, ...e.fields])).digest('hex');
  return `hash:${digest.slice(0, 32)}`;
};
