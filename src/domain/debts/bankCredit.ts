// A bank credit that paid no debt, or not all of it (πίστωση χωρίς αντιστοίχιση, ή υπόλοιπο πίστωσης): its
// reference had no RF, another creditor's RF or one of ours that names no open debt, or it was more than the
// debts it named still owed. One stream per credit, `bank-credit-<id>` (the entry's stable id), so a
// statement imported twice records it once; the revenue clerk sees it in /office/ and assigns it to a debt
// by hand. The payer's name and account are not kept: the clerk finds them in the bank by its reference.
import type { Decimal } from 'decimal.js';

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

export type BankCreditEvent = BankCreditUnmatched | BankCreditAssigned;

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
