// A bank credit that paid no debt, or not all of it (πίστωση χωρίς αντιστοίχιση, ή υπόλοιπο πίστωσης): its
// reference had no RF, another creditor's RF or one of ours that names no open debt, or it was more than the
// debts it named still owed. One stream per credit, `bank-credit-<id>` (the entry's stable id), so a
// statement imported twice records it once; the revenue clerk sees it in /office/ and assigns it to a debt
// by hand. The payer's name and account are not kept: the clerk finds them in the bank by its reference.
import { Decimal } from 'decimal.js';

// currency: not in euros, which no debt is.
export type UnmatchedReason = 'no_rf' | 'foreign_rf' | 'unknown_debt' | 'excess' | 'currency';

export interface BankCreditUnmatched {
  readonly type: 'BankCreditUnmatched';
  readonly data: {
    readonly creditId: string;
    readonly reason: UnmatchedReason;
    /** What is left to assign: the whole credit, or its excess over the debts it paid. */
    readonly amount: string;
    readonly currency: string;
    readonly bookingDate: string | null;
    /** The RF it carried, when it had one (a foreign or unknown one, or ours for an excess). */
    readonly rf: string | null;
    /** The bank's reference of the entry, to find it in e-banking. */
    readonly bankReference: string | null;
  };
}

/** The clerk's assignment of an unmatched credit (or its excess) to a debt. */
export interface BankCreditAssigned {
  readonly type: 'BankCreditAssigned';
  readonly data: { readonly creditId: string; readonly year: number; readonly assessment: string; readonly amount: string; readonly assignedAt: string };
}

/** One debt a credit paid, as its receipt says: what it took, the receipt's number, and what remains of it. */
export interface CreditPaidDebt {
  readonly year: number;
  readonly assessment: string;
  readonly kae: string;
  readonly amount: string;
  readonly receipt: string;
  readonly remaining: string;
}

/**
 * What a credit paid of one debtor's debts (εξόφληση με έμβασμα): the receipt the debtor is sent, once, as
 * the event is recorded once. After the credit's BankCreditUnmatched when something was left over.
 */
export interface BankCreditApplied {
  readonly type: 'BankCreditApplied';
  readonly data: {
    readonly creditId: string;
    readonly subjectId: string;
    /** The whole credit, what it paid of this debtor's debts, and what was left for the clerk. */
    readonly amount: string;
    readonly paid: string;
    readonly excess: string;
    readonly bookingDate: string | null;
    readonly rf: string | null;
    readonly bankReference: string | null;
    /** When the import recorded it: a receipt goes out only in the days after, never from a replay. */
    readonly recordedAt: string;
    readonly debts: readonly CreditPaidDebt[];
  };
}

export type BankCreditEvent = BankCreditUnmatched | BankCreditAssigned | BankCreditApplied;

export const bankCreditStream = (creditId: string): string => `bank-credit-${creditId}`;

export interface RecordUnmatchedCredit {
  readonly creditId: string;
  readonly reason: UnmatchedReason;
  readonly amount: Decimal;
  readonly currency: string;
  readonly bookingDate: string | null;
  readonly rf: string | null;
  readonly bankReference: string | null;
}

/** What is left of a credit, if anything; once per credit, as its stream is expected new. */
export const recordUnmatchedCredit = (c: RecordUnmatchedCredit): BankCreditUnmatched[] =>
  !c.amount.isPositive() || c.amount.isZero()
    ? []
    : [{ type: 'BankCreditUnmatched', data: { creditId: c.creditId, reason: c.reason, amount: c.amount.toFixed(2), currency: c.currency, bookingDate: c.bookingDate, rf: c.rf, bankReference: c.bankReference } }];

export interface RecordCreditApplied {
  readonly creditId: string;
  readonly amount: Decimal;
  readonly excess: Decimal;
  readonly bookingDate: string | null;
  readonly rf: string | null;
  readonly bankReference: string | null;
  readonly recordedAt: string;
  readonly debts: readonly (Omit<CreditPaidDebt, 'amount' | 'remaining'> & { readonly subjectId: string; readonly amount: Decimal; readonly remaining: Decimal })[];
}

/** The credit's receipts: one per debtor whose debts it paid (a selection's RF is one debtor's), in order of first debt. */
export const recordCreditApplied = (c: RecordCreditApplied): BankCreditApplied[] => {
  const bySubject = new Map<string, RecordCreditApplied['debts'][number][]>();
  for (const debt of c.debts) bySubject.set(debt.subjectId, [...(bySubject.get(debt.subjectId) ?? []), debt]);
  return [...bySubject].map(([subjectId, debts]) => ({
    type: 'BankCreditApplied',
    data: {
      creditId: c.creditId,
      subjectId,
      amount: c.amount.toFixed(2),
      paid: debts.reduce((sum, d) => sum.plus(d.amount), new Decimal(0)).toFixed(2),
      excess: c.excess.toFixed(2),
      bookingDate: c.bookingDate,
      rf: c.rf,
      bankReference: c.bankReference,
      recordedAt: c.recordedAt,
      debts: debts.map((d) => ({ year: d.year, assessment: d.assessment, kae: d.kae, amount: d.amount.toFixed(2), receipt: d.receipt, remaining: d.remaining.toFixed(2) })),
    },
  }));
};

export interface AssignCredit {
  readonly creditId: string;
  /** What is still to assign of the credit, and what the debt took of it. */
  readonly left: Decimal;
  readonly applied: Decimal;
  readonly year: number;
  readonly assessment: string;
  readonly assignedAt: string;
}

/** The clerk's assignment: never more than is left of the credit, and nothing when the debt took nothing. */
export const assignCredit = (c: AssignCredit): BankCreditAssigned[] =>
  !c.applied.isPositive() || c.applied.isZero() || c.applied.greaterThan(c.left)
    ? []
    : [{ type: 'BankCreditAssigned', data: { creditId: c.creditId, year: c.year, assessment: c.assessment, amount: c.applied.toFixed(2), assignedAt: c.assignedAt } }];
