// One booked credit of a statement → what it records: the debts its RF names paid in order of due date (the
// oldest first, as the revenue clerk applies a partial payment), and what pays nothing or is left over
// recorded as an unmatched credit for the clerk to assign. The entry's stable id is the payment id, so a
// credit seen again (the statement imported twice, a notification then its statement) records nothing.
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import type { Collecting, DebtToPay } from '../../api/debts/index.ts';
import { applyReceived, loadDebt, RF_SELECTIONS } from '../../api/debts/index.ts';
import type { Debt, UnmatchedReason } from '../../domain/index.ts';
import { bankCreditStream, readDebtsRf, recordUnmatchedCredit, remainingOf, streams } from '../../domain/index.ts';
import type { EventToAppend, MetadataInput, StreamAppend } from '../../eventstore/port.ts';
import { deterministicUuidv7 } from '../../eventstore/uuid.ts';
import type { BankEntry } from '../../integrations/bankStatements/index.ts';
import { table } from '../../projections/shared/tables.ts';

export interface CreditMatch {
  /** Nothing new: the credit was recorded by an earlier import (or earlier in this file). */
  readonly duplicate: boolean;
  readonly appends: StreamAppend[];
  /** The debt streams it pays: another credit of the file for one of them waits until these are appended. */
  readonly debtStreams: readonly string[];
}

interface Named {
  readonly year: number;
  readonly assessment: string;
}

/** A short, safe key of the entry's id (which holds the account and the bank's reference). */
export const creditKey = (entry: Pick<BankEntry, 'id'>): string => createHash('sha256').update(entry.id).digest('hex').slice(0, 32);

const namedDebts = async (services: Collecting, rfCode: string, rf: string): Promise<Named[] | 'foreign'> => {
  const read = readDebtsRf(rfCode, rf);
  if (read.kind === 'other') return 'foreign';
  if (read.kind === 'debt') return [{ year: Number(read.assessment.slice(0, 4)), assessment: read.assessment.slice(5) }];
  const [row] = await services.client.query<{ debts: Named[] | string }>(`SELECT debts FROM ${table(services.schema, RF_SELECTIONS)} WHERE rf = $1`, [read.rf]);
  if (row === undefined) return [];
  return typeof row.debts === 'string' ? (JSON.parse(row.debts) as Named[]) : row.debts;
};

const NOTHING_NEW: CreditMatch = { duplicate: true, appends: [], debtStreams: [] };

const byDueDate = (a: Debt, b: Debt): number => a.dueOn.localeCompare(b.dueOn) || a.year - b.year || a.assessment.localeCompare(b.assessment);

/** Ids from what the events say, so that the same credit always gets the same ids. */
const withIds = (append: StreamAppend, key: string, at: number, metadata: MetadataInput): StreamAppend => ({
  ...append,
  events: append.events.map((e: EventToAppend) => ({ ...e, id: e.id ?? deterministicUuidv7(at, `${append.stream}/${e.type}/${key}`), metadata })),
});

export const matchCredit = async (services: Collecting, rfCode: string, entry: BankEntry, metadata: MetadataInput): Promise<CreditMatch> => {
  const key = creditKey(entry);
  const creditStream = bankCreditStream(key);
  const day = entry.bookingDate ?? entry.valueDate;
  const at = day === null ? Date.now() : Date.parse(day);
  const named = entry.rf === null || entry.currency !== 'EUR' ? [] : await namedDebts(services, rfCode, entry.rf);
  const debts = named === 'foreign' ? [] : (await Promise.all(named.map((d) => loadDebt(services, d.year, d.assessment)))).map((l) => l.state).filter((d) => d.status === 'assessed');
  if (debts.some((d) => d.payments.has(entry.id))) return NOTHING_NEW;

  const toPay: DebtToPay[] = [];
  let left = entry.amount;
  for (const debt of [...debts].sort(byDueDate)) {
    const amount = Decimal.min(remainingOf(debt), left);
    if (!amount.isPositive() || amount.isZero()) continue;
    toPay.push({ year: debt.year, assessment: debt.assessment, amount });
    left = left.minus(amount);
  }
  const appends: StreamAppend[] = [];
  if (toPay.length > 0) {
    const applied = await applyReceived(services, {
      paymentId: entry.id,
      channel: 'bank',
      paidAt: new Date(at),
      receiptStem: entry.accountServicerRef ?? key.slice(0, 12).toUpperCase(),
      debts: toPay,
      subjectId: null,
    });
    appends.push(...applied.appends);
    left = entry.amount.minus(applied.applied);
  }
  // A credit that paid no debt now may have been recorded unmatched before: its stream says so (read only
  // then, as a credit that pays debts is known by them).
  if (left.isPositive() && !left.isZero() && (await services.store.readStream(creditStream, { maxCount: 1 })).length > 0) return NOTHING_NEW;
  const reason: UnmatchedReason =
    entry.currency !== 'EUR' ? 'currency' : entry.rf === null ? 'no_rf' : named === 'foreign' ? 'foreign_rf' : debts.length === 0 ? 'unknown_debt' : 'excess';
  const unmatched = recordUnmatchedCredit({
    creditId: key,
    reason,
    amount: left,
    currency: entry.currency,
    bookingDate: day,
    rf: entry.rf,
    bankReference: entry.accountServicerRef ?? entry.entryRef ?? entry.endToEndId,
  });
  if (unmatched.length > 0) appends.push({ stream: creditStream, events: unmatched, expectedRevision: 'no_stream' });
  return {
    duplicate: appends.length === 0,
    appends: appends.map((a) => withIds(a, key, at, metadata)),
    debtStreams: toPay.map((d) => streams.debt(d.year, d.assessment)),
  };
};
