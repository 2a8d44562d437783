// An entry (Ntry) of a statement → the credits and debits it books: itself, or each transaction (TxDtls) of
// a batch entry, which takes the entry's status, dates and indicator unless it says its own. What the payer
// sent (references, debtor, remittance) is read from the transaction; an entry reported without details
// still carries its amount, dates and the bank's reference.
import type { IngestError } from '../../ingest/errors.ts';
import { isIngestError } from '../../ingest/errors.ts';
import { entryId } from './entryId.ts';
import { camtErrors } from './errors.ts';
import { rfOf } from './rfInText.ts';
import type { BankEntry, CreditDebit, CreditorReference, EntryPosition, Money, RefusedEntry } from './types.ts';
import { codeOf, creditDebitOf, dateOf, moneyOf } from './values.ts';
import type { XmlElement } from './xml.ts';
import { at, child, childrenNamed, textAt } from './xml.ts';

export interface EntryContext {
  readonly statement: number;
  readonly statementId: string;
  /** The account's IBAN (or other id): part of an entry's identity. */
  readonly account: string;
  /** The statement's path: /Document/BkToCstmrStmt/Stmt[1]. */
  readonly path: string;
  readonly lineOf: (offset: number) => number;
}

export interface ReadEntries {
  readonly entries: BankEntry[];
  readonly refused: RefusedEntry[];
}

/** SEPA's word for "the payer gave none". */
const NOT_PROVIDED = 'NOTPROVIDED';

interface EntryHead {
  readonly position: EntryPosition;
  readonly money: Money;
  readonly creditDebit: CreditDebit;
  readonly status: string;
  readonly reversal: boolean;
  readonly bookingDate: string | null;
  readonly valueDate: string | null;
  readonly accountServicerRef: string | null;
  readonly entryRef: string | null;
  /** Free text of the entry (AddtlNtryInf), searched for an RF when the remittance has none. */
  readonly additional: string | null;
}

interface Transaction {
  readonly element: XmlElement;
  readonly position: EntryPosition;
}

const valueOr = <T>(value: T | IngestError, problems: IngestError[], fallback: T): T => {
  if (isIngestError(value)) {
    problems.push(value);
    return fallback;
  }
  return value;
};

/** The entry's own elements, or null when any is refused (the refusals are in `problems`). */
const headOf = (ntry: XmlElement, position: EntryPosition, problems: IngestError[]): EntryHead | null => {
  const place = { line: position.line, path: position.path };
  const money = valueOr<Money | null>(moneyOf(child(ntry, 'Amt'), place), problems, null);
  const creditDebit = valueOr<CreditDebit>(creditDebitOf(textAt(ntry, 'CdtDbtInd'), place), problems, 'CRDT');
  const status = codeOf(child(ntry, 'Sts'));
  if (status === null) problems.push(camtErrors.OD_CAMT_ELEMENT_MISSING({ ...place, element: 'Sts' }));
  const bookingDate = valueOr(dateOf(child(ntry, 'BookgDt'), 'BookgDt', place), problems, null);
  const valueDate = valueOr(dateOf(child(ntry, 'ValDt'), 'ValDt', place), problems, null);
  const reversal = textAt(ntry, 'RvslInd');
  if (money === null || status === null || problems.length > 0) return null;
  return {
    position,
    money,
    creditDebit,
    status,
    reversal: reversal === 'true' || reversal === '1',
    bookingDate,
    valueDate,
    accountServicerRef: textAt(ntry, 'AcctSvcrRef'),
    entryRef: textAt(ntry, 'NtryRef'),
    additional: textAt(ntry, 'AddtlNtryInf'),
  };
};

const transactionsOf = (ntry: XmlElement, entry: EntryPosition, lineOf: (offset: number) => number): Transaction[] => {
  const transactions: Transaction[] = [];
  childrenNamed(ntry, 'NtryDtls').forEach((details, d) => {
    childrenNamed(details, 'TxDtls').forEach((element, t) => {
      const path = `${entry.path}/NtryDtls[${d + 1}]/TxDtls[${t + 1}]`;
      const position: EntryPosition = { statement: entry.statement, entry: entry.entry, transaction: transactions.length + 1, line: lineOf(element.start), path };
      transactions.push({ element, position });
    });
  });
  return transactions;
};

const creditorReferenceOf = (remittance: XmlElement | undefined): CreditorReference | null => {
  for (const structured of childrenNamed(remittance, 'Strd')) {
    const ref = textAt(structured, 'CdtrRefInf', 'Ref');
    if (ref !== null) return { ref, type: codeOf(at(structured, 'CdtrRefInf', 'Tp', 'CdOrPrtry')) };
  }
  return null;
};

/** The debtor's name: 001.08 and later wrap the party in Pty (or Agt for a bank); 001.02 to .07 do not. */
const debtorNameOf = (parties: XmlElement | undefined): string | null => textAt(parties, 'Dbtr', 'Pty', 'Nm') ?? textAt(parties, 'Dbtr', 'Nm') ?? textAt(parties, 'Dbtr', 'Agt', 'FinInstnId', 'Nm');

const entryOf = (head: EntryHead, context: EntryContext, tx: XmlElement | undefined, position: EntryPosition, money: Money, creditDebit: CreditDebit): BankEntry => {
  const remittance = child(tx, 'RmtInf');
  const unstructured = childrenNamed(remittance, 'Ustrd').map((u) => u.text).filter((u) => u !== '');
  const creditorReference = creditorReferenceOf(remittance);
  const endToEnd = textAt(tx, 'Refs', 'EndToEndId');
  const endToEndId = endToEnd === NOT_PROVIDED ? null : endToEnd;
  const parties = child(tx, 'RltdPties');
  const debtor = { name: debtorNameOf(parties), iban: textAt(parties, 'DbtrAcct', 'Id', 'IBAN') };
  const ownRef = textAt(tx, 'Refs', 'AcctSvcrRef');
  // A batch's transaction with the entry's reference copied into it has none of its own.
  const transactionRef = position.transaction !== null && ownRef !== head.accountServicerRef ? ownRef : null;
  const additional = [textAt(tx, 'AddtlTxInf'), head.additional].filter((t): t is string => t !== null);
  const amount = money.amount.toString();
  return {
    id: entryId({
      account: context.account,
      statementId: context.statementId,
      entry: position.entry,
      transaction: position.transaction,
      transactionRef,
      entryRef: head.accountServicerRef,
      fields: [amount, money.currency, creditDebit, head.status, head.bookingDate, head.valueDate, head.entryRef, endToEndId, creditorReference?.ref ?? null, unstructured.join('\n'), debtor.iban],
    }),
    position,
    amount: money.amount,
    currency: money.currency,
    creditDebit,
    status: head.status,
    booked: head.status === 'BOOK',
    reversal: head.reversal,
    bookingDate: head.bookingDate,
    valueDate: head.valueDate,
    accountServicerRef: transactionRef ?? head.accountServicerRef,
    entryRef: head.entryRef,
    endToEndId,
    debtor,
    creditorReference,
    unstructured,
    rf: rfOf(creditorReference?.ref ?? null, [...unstructured, ...additional]),
  };
};

/** A batch's transaction: its own amount (TxDtls/Amt; 001.02: AmtDtls/TxAmt/Amt) and indicator, or the refusal. */
const batchTransaction = (head: EntryHead, context: EntryContext, tx: Transaction, out: ReadEntries): void => {
  const place = { line: tx.position.line, path: tx.position.path };
  const problems: IngestError[] = [];
  const money = valueOr<Money | null>(moneyOf(child(tx.element, 'Amt') ?? at(tx.element, 'AmtDtls', 'TxAmt', 'Amt'), place), problems, null);
  const indicator = textAt(tx.element, 'CdtDbtInd');
  const creditDebit = indicator === null ? head.creditDebit : valueOr<CreditDebit>(creditDebitOf(indicator, place), problems, head.creditDebit);
  if (money === null || problems.length > 0) {
    for (const refusal of problems) out.refused.push({ position: tx.position, refusal });
    return;
  }
  out.entries.push(entryOf(head, context, tx.element, tx.position, money, creditDebit));
};

/** The n-th (1-based) entry of a statement. */
export const readEntry = (ntry: XmlElement, n: number, context: EntryContext, out: ReadEntries): void => {
  const position: EntryPosition = { statement: context.statement, entry: n, transaction: null, line: context.lineOf(ntry.start), path: `${context.path}/Ntry[${n}]` };
  const problems: IngestError[] = [];
  const head = headOf(ntry, position, problems);
  if (head === null) {
    for (const refusal of problems) out.refused.push({ position, refusal });
    return;
  }
  const transactions = transactionsOf(ntry, position, context.lineOf);
  if (transactions.length <= 1) {
    out.entries.push(entryOf(head, context, transactions[0]?.element, position, head.money, head.creditDebit));
    return;
  }
  for (const tx of transactions) batchTransaction(head, context, tx, out);
};
