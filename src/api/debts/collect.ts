// Money received for debts (a confirmed card payment, a bank credit with our RF): the debts paid and the
// collections (εισπράξεις) it makes in the public ledger, appended together. Each ΚΑΕ paid gets a receipt
// of its own, numbered from the payment; the collection's event id is the one the finance export's row of
// the same receipt would get, and the ledger takes that row for a duplicate (same number, date, ΚΑΕ, amount).
// The payer is shown as «φυσικό πρόσωπο» for a person; a company's payment names nobody either, since what a
// taxpayer owes the municipality is covered by tax secrecy. A ΚΑΕ with no revenue line in the year's budget
// gets no collection here (the ledger would refuse it): the finance export records it once the line exists.
import { Decimal } from 'decimal.js';
import type { Debt, DebtEvent, PaymentChannel, RevenueCollected } from '../../domain/index.ts';
import { evolveDebt, initialDebt, payDebt, remainingOf, streams } from '../../domain/index.ts';
import type { EventToAppend, StreamAppend } from '../../eventstore/port.ts';
import { deterministicUuidv7 } from '../../eventstore/uuid.ts';
import { BUDGET_LINES } from '../../projections/ledger/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { DebtsServices } from './services.ts';
import { athensDateOf } from './services.ts';

/** What applying money needs: the store, and the budget's lines (a bank statement's import has no more). */
export type Collecting = Pick<DebtsServices, 'store' | 'schema'> & { readonly client: SqlExecutor };

export interface DebtToPay {
  readonly year: number;
  readonly assessment: string;
  /** At most this much is applied to it (what was selected); less when less remains. */
  readonly amount: Decimal;
}

export interface Received {
  readonly paymentId: string;
  readonly channel: PaymentChannel;
  readonly paidAt: Date;
  /** The receipts' common stem: the card order's code, the bank's reference. */
  readonly receiptStem: string;
  readonly debts: readonly DebtToPay[];
  /** The subject the debts must belong to; null for a bank credit matched by its RF alone. */
  readonly subjectId: string | null;
}

export interface Applied {
  readonly appends: StreamAppend[];
  /** What was applied to debts, and what was left over (already paid meanwhile, or more than remained). */
  readonly applied: Decimal;
  readonly excess: Decimal;
  readonly receipts: readonly string[];
  readonly subjectIds: readonly string[];
}

interface Loaded {
  readonly state: Debt;
  readonly revision: number;
}

export const loadDebt = async (services: Pick<DebtsServices, 'store'>, year: number, assessment: string): Promise<Loaded> => {
  const events = await services.store.readStream(streams.debt(year, assessment));
  let state = initialDebt();
  for (const e of events) state = evolveDebt(state, { type: e.type, data: e.data } as DebtEvent);
  return { state, revision: events.at(-1)?.revision ?? -1 };
};


const hasRevenueLine = async (services: Collecting, year: number, kae: string): Promise<boolean> => {
  const [row] = await services.client.query<{ side: string }>(`SELECT side FROM ${table(services.schema, BUDGET_LINES)} WHERE year = $1 AND kae = $2`, [year, kae]);
  return row?.side === 'revenue';
};

const CHANNEL_TEXT: Readonly<Record<PaymentChannel, string>> = {
  card: 'Ηλεκτρονική πληρωμή οφειλής με κάρτα / Debt paid online by card',
  bank: 'Πληρωμή οφειλής με έμβασμα (RF) / Debt paid by bank transfer (RF)',
  counter: 'Πληρωμή οφειλής στο ταμείο / Debt paid at the counter',
};

/** The appends that apply received money to debts and record its collections; nothing is appended here. */
export const applyReceived = async (services: Collecting, received: Received): Promise<Applied> => {
  const appends: StreamAppend[] = [];
  const byKae = new Map<string, { amount: Decimal; naturalPerson: boolean }>();
  let applied = new Decimal(0);
  const subjectIds = new Set<string>();
  const date = athensDateOf(received.paidAt);
  const year = Number(date.slice(0, 4));
  const paidAt = received.paidAt.toISOString();
  for (const debt of received.debts) {
    const { state, revision } = await loadDebt(services, debt.year, debt.assessment);
    if (state.status !== 'assessed' || (received.subjectId !== null && state.subjectId !== received.subjectId)) continue;
    const remaining = remainingOf(state);
    const amount = Decimal.min(remaining, debt.amount);
    if (!amount.isPositive() || amount.isZero() || state.payments.has(received.paymentId)) continue;
    const kaeEntry = byKae.get(state.kae) ?? { amount: new Decimal(0), naturalPerson: state.debtorKind === 'person' };
    byKae.set(state.kae, { ...kaeEntry, amount: kaeEntry.amount.plus(amount) });
    const receipt = receiptOf(received.receiptStem, [...byKae.keys()].indexOf(state.kae), received.debts.length > 1);
    const events = payDebt(state, { paymentId: received.paymentId, channel: received.channel, amount, paidAt, receipt });
    appends.push({ stream: streams.debt(debt.year, debt.assessment), events: events.map(plain), expectedRevision: revision });
    applied = applied.plus(amount);
    subjectIds.add(state.subjectId);
  }
  const receipts: string[] = [];
  const collections: EventToAppend[] = [];
  let i = 0;
  for (const [kae, { amount, naturalPerson }] of byKae) {
    const receipt = receiptOf(received.receiptStem, i++, received.debts.length > 1);
    receipts.push(receipt);
    if (!(await hasRevenueLine(services, year, kae))) continue;
    const event: RevenueCollected = {
      type: 'RevenueCollected',
      data: {
        year,
        kae,
        document: receipt,
        date,
        amount: amount.toFixed(2),
        ada: null,
        description: CHANNEL_TEXT[received.channel],
        assessment: null,
        counterparty: naturalPerson ? { naturalPerson: true, afm: null, name: null } : null,
      },
    };
    const stream = streams.fiscalYear(year);
    collections.push({ ...plain(event), id: deterministicUuidv7(Date.parse(date), `${stream}/${event.type}/${receipt}`) });
  }
  if (collections.length > 0) appends.push({ stream: streams.fiscalYear(year), events: collections, expectedRevision: 'any' });
  const total = received.debts.reduce((s, d) => s.plus(d.amount), new Decimal(0));
  return { appends, applied, excess: total.minus(applied), receipts, subjectIds: [...subjectIds] };
};

/** ΗΠ-<stem>, and -1, -2… by ΚΑΕ when the payment pays several debts: unique per year, as receipts must be. */
const receiptOf = (stem: string, index: number, numbered: boolean): string => `ΗΠ-${stem}${numbered ? `-${index + 1}` : ''}`;

const plain = (event: { readonly type: string; readonly data: unknown }): EventToAppend => ({ type: event.type, data: event.data });
