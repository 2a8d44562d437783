// Money received for debts (a confirmed card payment, a bank credit with our RF): the debts paid and the
// collections (εισπράξεις) it makes in the public ledger, appended together. Each ΚΑΕ paid gets a receipt
// of its own, numbered from the payment; the collection's event id is the one the finance export's row of
// the same receipt would get, and the ledger takes that row for a duplicate (same number, date, ΚΑΕ, amount).
// The payer is shown as «φυσικό πρόσωπο» for a person; a company's payment names nobody either, since what a
// taxpayer owes the municipality is covered by tax secrecy. A ΚΑΕ with no revenue line in the year's budget
// gets no collection here (the ledger would refuse it): the finance export records it once the line exists.
// The deciding itself (applyReceivedTo) reads nothing: a payment loads its few debts first, a bank statement
// a chunk of credits' debts and lines at once (src/ingest/bankStatement).
import { Decimal } from 'decimal.js';
import type { Debt, DebtEvent, PaymentChannel, RevenueCollected } from '../../domain/index.ts';
import { evolveDebt, initialDebt, payDebt, remainingOf, streams } from '../../domain/index.ts';
import type { EventToAppend, RecordedEvent, StreamAppend } from '../../eventstore/port.ts';
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
  /** Each debt paid: what it took, its receipt, and the debt after it (state and revision). */
  readonly paid: readonly PaidDebt[];
}

export interface PaidDebt {
  readonly stream: string;
  readonly amount: Decimal;
  readonly receipt: string;
  readonly after: Loaded;
}

export interface Loaded {
  readonly state: Debt;
  readonly revision: number;
}

const foldDebt = (events: readonly RecordedEvent[]): Loaded => {
  let state = initialDebt();
  for (const e of events) state = evolveDebt(state, { type: e.type, data: e.data } as DebtEvent);
  return { state, revision: events.at(-1)?.revision ?? -1 };
};

export const loadDebt = async (services: Pick<DebtsServices, 'store'>, year: number, assessment: string): Promise<Loaded> =>
  foldDebt(await services.store.readStream(streams.debt(year, assessment)));

/** Several debts in one read, by stream (`debt-<year>-<assessment>`); a debt never assessed is the initial state. */
export const loadDebts = async (services: Pick<DebtsServices, 'store'>, debts: readonly { readonly year: number; readonly assessment: string }[]): Promise<Map<string, Loaded>> => {
  const names = [...new Set(debts.map((d) => streams.debt(d.year, d.assessment)))];
  const read = await services.store.readStreams(names);
  return new Map(names.map((name) => [name, foldDebt(read.get(name) ?? [])]));
};

export const revenueLineKey = (year: number, kae: string): string => `${year}/${kae}`;

/** Which of these (year, ΚΑΕ) are revenue lines of the budget, in one query: their revenueLineKey. */
export const revenueLinesOf = async (services: Collecting, wanted: readonly { readonly year: number; readonly kae: string }[]): Promise<Set<string>> => {
  if (wanted.length === 0) return new Set();
  const rows = await services.client.query<{ year: number; kae: string }>(
    `SELECT l.year, l.kae FROM ${table(services.schema, BUDGET_LINES)} l JOIN unnest($1::int[], $2::text[]) AS w(year, kae) ON l.year = w.year AND l.kae = w.kae WHERE l.side = 'revenue'`,
    [wanted.map((w) => w.year), wanted.map((w) => w.kae)],
  );
  return new Set(rows.map((r) => revenueLineKey(Number(r.year), r.kae)));
};

/** The collections' fiscal year: the year of the payment's Athens date. */
export const collectionYearOf = (paidAt: Date): number => Number(athensDateOf(paidAt).slice(0, 4));

const CHANNEL_TEXT: Readonly<Record<PaymentChannel, string>> = {
  card: 'Ηλεκτρονική πληρωμή οφειλής με κάρτα / Debt paid online by card',
  bank: 'Πληρωμή οφειλής με έμβασμα (RF) / Debt paid by bank transfer (RF)',
  counter: 'Πληρωμή οφειλής στο ταμείο / Debt paid at the counter',
};

/** What applying money reads, already loaded: the debts (by stream) and the budget's revenue lines. */
export interface Known {
  readonly debt: (stream: string) => Loaded | undefined;
  readonly revenueLine: (year: number, kae: string) => boolean;
}

/** The appends that apply received money to debts already loaded and record its collections; nothing is read or appended here. */
export const applyReceivedTo = (known: Known, received: Received): Applied => {
  const appends: StreamAppend[] = [];
  const paid: PaidDebt[] = [];
  const byKae = new Map<string, { amount: Decimal; naturalPerson: boolean }>();
  let applied = new Decimal(0);
  const subjectIds = new Set<string>();
  const date = athensDateOf(received.paidAt);
  const year = Number(date.slice(0, 4));
  const paidAt = received.paidAt.toISOString();
  // A debt named twice is paid once: the second sees the first's payment.
  const current = new Map<string, Loaded>();
  for (const debt of received.debts) {
    const stream = streams.debt(debt.year, debt.assessment);
    const loaded = current.get(stream) ?? known.debt(stream);
    if (loaded === undefined) continue;
    const { state, revision } = loaded;
    if (state.status !== 'assessed' || (received.subjectId !== null && state.subjectId !== received.subjectId)) continue;
    const remaining = remainingOf(state);
    const amount = Decimal.min(remaining, debt.amount);
    if (!amount.isPositive() || amount.isZero() || state.payments.has(received.paymentId)) continue;
    const kaeEntry = byKae.get(state.kae) ?? { amount: new Decimal(0), naturalPerson: state.debtorKind === 'person' };
    byKae.set(state.kae, { ...kaeEntry, amount: kaeEntry.amount.plus(amount) });
    const receipt = receiptOf(received.receiptStem, [...byKae.keys()].indexOf(state.kae), received.debts.length > 1);
    const events = payDebt(state, { paymentId: received.paymentId, channel: received.channel, amount, paidAt, receipt });
    appends.push({ stream, events: events.map(plain), expectedRevision: revision });
    const after: Loaded = { state: events.reduce((s: Debt, e) => evolveDebt(s, e), state), revision: revision + events.length };
    current.set(stream, after);
    paid.push({ stream, amount, receipt, after });
    applied = applied.plus(amount);
    subjectIds.add(state.subjectId);
  }
  const receipts: string[] = [];
  const collections: EventToAppend[] = [];
  let i = 0;
  for (const [kae, { amount, naturalPerson }] of byKae) {
    const receipt = receiptOf(received.receiptStem, i++, received.debts.length > 1);
    receipts.push(receipt);
    if (!known.revenueLine(year, kae)) continue;
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
  return { appends, applied, excess: total.minus(applied), receipts, subjectIds: [...subjectIds], paid };
};

/** The appends that apply received money to debts and record its collections: the debts and lines read in two queries; nothing is appended here. */
export const applyReceived = async (services: Collecting, received: Received): Promise<Applied> => {
  const debts = await loadDebts(services, received.debts);
  const year = collectionYearOf(received.paidAt);
  const kaes = new Set([...debts.values()].filter((d) => d.state.status === 'assessed').map((d) => d.state.kae));
  const lines = await revenueLinesOf(services, [...kaes].map((kae) => ({ year, kae })));
  return applyReceivedTo({ debt: (stream) => debts.get(stream), revenueLine: (y, kae) => lines.has(revenueLineKey(y, kae)) }, received);
};

/** ΗΠ-<stem>, and -1, -2… by ΚΑΕ when the payment pays several debts: unique per year, as receipts must be. */
const receiptOf = (stem: string, index: number, numbered: boolean): string => `ΗΠ-${stem}${numbered ? `-${index + 1}` : ''}`;

const plain = (event: { readonly type: string; readonly data: unknown }): EventToAppend => ({ type: event.type, data: event.data });
