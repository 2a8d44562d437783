// One booked credit of a statement → what it records: the debts its RF names paid in order of due date (the
// oldest first, as the revenue clerk applies a partial payment), the receipt of what it paid for the debtor
// (BankCreditApplied, which the debtor is e-mailed), and what pays nothing or is left over recorded as an
// unmatched credit for the clerk to assign. The entry's stable id is the payment id and names the credit's
// stream, so a credit seen again (the statement imported twice, a notification then its statement) records
// nothing. Nothing is read here: what the credit needs was read with its chunk (statementReads.ts).
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import type { DebtToPay, Known, PaidDebt } from '../../api/debts/index.ts';
import { applyReceivedTo } from '../../api/debts/index.ts';
import type { Debt, UnmatchedReason } from '../../domain/index.ts';
import { bankCreditStream, recordCreditApplied, recordUnmatchedCredit, remainingOf, streams } from '../../domain/index.ts';
import type { EventToAppend, MetadataInput, StreamAppend } from '../../eventstore/port.ts';
import { deterministicUuidv7 } from '../../eventstore/uuid.ts';
import type { BankEntry } from '../../integrations/bankStatements/index.ts';

export interface CreditMatch {
  /** Nothing new: the credit was recorded by an earlier import (or earlier in this file). */
  readonly duplicate: boolean;
  readonly appends: StreamAppend[];
  /** The debts it paid, as they are after it: the next credits of the file see them so. */
  readonly paid: readonly PaidDebt[];
}

export interface Named {
  readonly year: number;
  readonly assessment: string;
}

/** What a credit is decided against, read a chunk at a time. */
export interface StatementKnown extends Known {
  /** The debts a credit's RF names: 'foreign' for another creditor's RF, none for one of ours that names nothing. */
  readonly named: (rf: string) => readonly Named[] | 'foreign';
  /** The credit's own stream holds events: an earlier import recorded it. */
  readonly creditRecorded: (stream: string) => boolean;
}

/** A short, safe key of the entry's id (which holds the account and the bank's reference). */
export const creditKey = (entry: Pick<BankEntry, 'id'>): string => createHash('sha256').update(entry.id).digest('hex').slice(0, 32);

/** A credit, its key, and the moment it is paid at: its booking (or value) date, else now. */
export interface DatedEntry {
  readonly entry: BankEntry;
  readonly key: string;
  readonly at: number;
}

export const datedEntry = (entry: BankEntry): DatedEntry => {
  const day = entry.bookingDate ?? entry.valueDate;
  return { entry, key: creditKey(entry), at: day === null ? Date.now() : Date.parse(day) };
};

/** The debts a credit's RF names, or 'foreign'; none for a credit in another currency or with no RF. */
export const namedBy = (known: Pick<StatementKnown, 'named'>, entry: BankEntry): readonly Named[] | 'foreign' =>
  entry.rf === null || entry.currency !== 'EUR' ? [] : known.named(entry.rf);

const NOTHING_NEW: CreditMatch = { duplicate: true, appends: [], paid: [] };

const byDueDate = (a: Debt, b: Debt): number => a.dueOn.localeCompare(b.dueOn) || a.year - b.year || a.assessment.localeCompare(b.assessment);

/** Ids from what the events say, so that the same credit always gets the same ids. */
const withIds = (append: StreamAppend, key: string, at: number, metadata: MetadataInput): StreamAppend => ({
  ...append,
  events: append.events.map((e: EventToAppend, i) => ({ ...e, id: e.id ?? deterministicUuidv7(at, `${append.stream}/${e.type}/${key}${i > 0 ? `/${i}` : ''}`), metadata })),
});

export const matchCredit = (known: StatementKnown, { entry, key, at }: DatedEntry, metadata: MetadataInput, recordedAt: string): CreditMatch => {
  const creditStream = bankCreditStream(key);
  if (known.creditRecorded(creditStream)) return NOTHING_NEW;
  const named = namedBy(known, entry);
  const debts = (named === 'foreign' ? [] : named)
    .map((d) => known.debt(streams.debt(d.year, d.assessment))?.state)
    .filter((d): d is Debt => d !== undefined && d.status === 'assessed');
  // A credit that paid its debts whole before credits kept their receipt in a stream: known by the payments.
  if (debts.some((d) => d.payments.has(entry.id))) return NOTHING_NEW;

  const toPay: DebtToPay[] = [];
  let left = entry.amount;
  for (const debt of [...debts].sort(byDueDate)) {
    const amount = Decimal.min(remainingOf(debt), left);
    if (!amount.isPositive() || amount.isZero()) continue;
    toPay.push({ year: debt.year, assessment: debt.assessment, amount });
    left = left.minus(amount);
  }
  const bankReference = entry.accountServicerRef ?? entry.entryRef ?? entry.endToEndId;
  const bookingDate = entry.bookingDate ?? entry.valueDate;
  const applied =
    toPay.length === 0
      ? null
      : applyReceivedTo(known, {
          paymentId: entry.id,
          channel: 'bank',
          paidAt: new Date(at),
          receiptStem: entry.accountServicerRef ?? key.slice(0, 12).toUpperCase(),
          debts: toPay,
          subjectId: null,
        });
  if (applied !== null) left = entry.amount.minus(applied.applied);
  const reason: UnmatchedReason =
    entry.currency !== 'EUR' ? 'currency' : entry.rf === null ? 'no_rf' : named === 'foreign' ? 'foreign_rf' : debts.length === 0 ? 'unknown_debt' : 'excess';
  // The unmatched part first: its revision is the one the clerk's assignment expects (bankCreditsProjection).
  const credited = [
    ...recordUnmatchedCredit({ creditId: key, reason, amount: left, currency: entry.currency, bookingDate, rf: entry.rf, bankReference }),
    ...recordCreditApplied({
      creditId: key,
      amount: entry.amount,
      excess: Decimal.max(left, 0),
      bookingDate,
      rf: entry.rf,
      bankReference,
      recordedAt,
      debts: (applied?.paid ?? []).map((p) => ({
        subjectId: p.after.state.subjectId,
        year: p.after.state.year,
        assessment: p.after.state.assessment,
        kae: p.after.state.kae,
        amount: p.amount,
        receipt: p.receipt,
        remaining: remainingOf(p.after.state),
      })),
    }),
  ];
  const appends = [...(applied?.appends ?? [])];
  if (credited.length > 0) appends.push({ stream: creditStream, events: credited, expectedRevision: 'no_stream' });
  return { duplicate: appends.length === 0, appends: appends.map((a) => withIds(a, key, at, metadata)), paid: applied?.paid ?? [] };
};
