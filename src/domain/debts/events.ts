// The debts context (οφειλές προς τον δήμο): what the revenue department has assessed against a person or a
// company (βεβαιωτικοί / χρηματικοί κατάλογοι), its reductions and settlements, and what was paid. One
// stream per assessment, `debt-<year>-<assessment>`, named by the roll's number, which says nothing of the
// debtor; one stream per online payment, `payment-<id>`. Both are personal: the debtor's ΑΦΜ, name and the
// reason travel sealed with the debtor's own key (the subject of src/eventstore/keyring.ts), so an erased
// subject's debts become unreadable; no public read model, export, feed or the public log reads them.
// Amounts are decimal strings (two places), never floats.
import type { SealedText } from '../identity/index.ts';

/** What the roll says of the debtor and why they owe, sealed in the assessment. */
export interface DebtDetails {
  readonly taxid: string;
  readonly name: string;
  readonly reason: string;
}

export type DebtorKind = 'person' | 'company';

/** A debt entered in the roll (βεβαίωση). */
export interface DebtAssessed {
  readonly type: 'DebtAssessed';
  readonly data: {
    readonly subjectId: string;
    readonly debtorKind: DebtorKind;
    readonly year: number;
    readonly assessment: string;
    /** The revenue line (ΚΑΕ) it is collected on. */
    readonly kae: string;
    readonly amount: string;
    /** Προσαυξήσεις: surcharges for late payment, added by the revenue system. */
    readonly surcharges: string;
    readonly assessedOn: string;
    readonly dueOn: string;
    /** Instalments the roll grants from the start (e.g. water bills in two), or null. */
    readonly instalments: number | null;
    /** A keyed hash of everything the roll said (sealed fields included): another row under the number is told from the same row again. */
    readonly contentHash: string;
    readonly sealed: SealedText;
  };
}

export type AdjustmentKind = 'reduction' | 'write-off';

/** Μείωση / διαγραφή: less is owed, by a decision (its ΑΔΑ). */
export interface DebtAdjusted {
  readonly type: 'DebtAdjusted';
  readonly data: {
    readonly subjectId: string;
    readonly year: number;
    readonly assessment: string;
    readonly adjustment: AdjustmentKind;
    readonly amount: string;
    readonly ada: string;
    readonly decidedOn: string;
    readonly contentHash: string;
    /** The reason, sealed: it may name the person's circumstances. */
    readonly sealed: SealedText;
  };
}

export interface Instalment {
  readonly number: number;
  readonly dueOn: string;
  readonly amount: string;
}

/** Ρύθμιση: what remains is paid in instalments, by a decision. */
export interface DebtSettled {
  readonly type: 'DebtSettled';
  readonly data: {
    readonly subjectId: string;
    readonly year: number;
    readonly assessment: string;
    readonly ada: string;
    readonly agreedOn: string;
    readonly plan: readonly Instalment[];
    readonly contentHash: string;
  };
}

export type PaymentChannel = 'card' | 'bank' | 'counter';

/** Money received against the debt (card, bank transfer with its RF, or by hand from a clerk). */
export interface DebtPaid {
  readonly type: 'DebtPaid';
  readonly data: {
    readonly subjectId: string;
    readonly year: number;
    readonly assessment: string;
    /** The payment it belongs to: its card order or bank credit; a debt is paid once by it. */
    readonly paymentId: string;
    readonly channel: PaymentChannel;
    readonly amount: string;
    readonly paidAt: string;
    /** The receipt (αριθμός διπλοτύπου είσπραξης) of the collection recorded in the public ledger. */
    readonly receipt: string;
  };
}

export type DebtEvent = DebtAssessed | DebtAdjusted | DebtSettled | DebtPaid;

/** What an online payment covers: each debt and how much of it. */
export interface PaymentItem {
  readonly year: number;
  readonly assessment: string;
  readonly kae: string;
  readonly amount: string;
}

/** A citizen asked to pay by card: the order made at the provider. */
export interface PaymentStarted {
  readonly type: 'PaymentStarted';
  readonly data: {
    readonly paymentId: string;
    readonly subjectId: string;
    readonly items: readonly PaymentItem[];
    readonly total: string;
    /** The RF of the selection: the same reference a bank transfer would carry. */
    readonly rf: string;
    readonly provider: string;
    readonly orderCode: string;
    readonly startedAt: string;
    readonly expiresAt: string;
  };
}

/** The provider confirmed, server to server, that the money was taken. */
export interface PaymentConfirmed {
  readonly type: 'PaymentConfirmed';
  readonly data: { readonly paymentId: string; readonly transactionId: string; readonly amount: string; readonly confirmedAt: string };
}

/** The provider says it failed, or the order expired unpaid. */
export interface PaymentAbandoned {
  readonly type: 'PaymentAbandoned';
  readonly data: { readonly paymentId: string; readonly reason: 'failed' | 'expired'; readonly at: string };
}

export type PaymentEvent = PaymentStarted | PaymentConfirmed | PaymentAbandoned;

export const debtStream = (year: number, assessment: string): string => `debt-${year}-${assessment}`;
export const paymentStream = (paymentId: string): string => `payment-${paymentId}`;
