// Paying debts by card: the server makes the provider's order for what the citizen selected (only their own
// debts, only what remains), the browser goes to the provider's page, and the payment is settled only by the
// provider's own answer, asked server to server — on the browser's return, on the provider's notification
// and, for orders left unpaid, once more after they expire. Settling twice changes nothing.
import { randomUUID } from 'node:crypto';
import { Decimal } from 'decimal.js';
import type { Payment, PaymentEvent, PaymentItem } from '../../domain/index.ts';
import { abandonPayment, confirmPayment, debtsErrors, evolvePayment, initialPayment, remainingOf, startPayment, streams } from '../../domain/index.ts';
import { isExpectedRevisionConflict } from '../../eventstore/errors.ts';
import { table } from '../../projections/shared/tables.ts';
import { expiredPayments } from '../../projections/debts/index.ts';
import { ApiError } from '../shared/errors.ts';
import { applyReceived, loadDebt } from './collect.ts';
import type { DebtsServices } from './services.ts';
import { nowOf } from './services.ts';
import type { Selected } from './statement.ts';
import { debtId, recordSelection, rfOf } from './statement.ts';
import { PAYMENT_ORDERS } from './tables.ts';

export type { Selected } from './statement.ts';
// Recorded by the statement too (its «pay all»); exported here beside the card payment that also records one.
export { recordSelection } from './statement.ts';

const loadPayment = async (services: DebtsServices, paymentId: string): Promise<{ state: Payment; revision: number }> => {
  const events = await services.store.readStream(streams.payment(paymentId));
  let state = initialPayment();
  for (const e of events) state = evolvePayment(state, { type: e.type, data: e.data } as PaymentEvent);
  return { state, revision: events.at(-1)?.revision ?? -1 };
};

/** Starts a card payment of the subject's selected debts; answers where to send the browser. */
export const startCardPayment = async (
  services: DebtsServices,
  subjectId: string,
  selection: readonly Selected[],
  options: { readonly language: 'el' | 'en'; readonly email?: string | null },
): Promise<{ readonly paymentId: string; readonly redirectUrl: string }> => {
  if (services.payments === null) throw new ApiError('OD_PAYMENTS_UNAVAILABLE');
  const unique = [...new Map(selection.map((s) => [debtId(s), s])).values()];
  if (unique.length === 0) throw debtsErrors.OD_PAYMENT_EMPTY();
  const items: PaymentItem[] = [];
  for (const s of unique) {
    const { state } = await loadDebt(services, s.year, s.assessment);
    // Another's debt is not found, exactly as one that does not exist.
    if (state.status !== 'assessed' || state.subjectId !== subjectId) throw debtsErrors.OD_DEBT_UNKNOWN(s);
    const remaining = remainingOf(state);
    if (!remaining.isPositive() || remaining.isZero()) throw debtsErrors.OD_DEBT_ALREADY_PAID(s);
    items.push({ year: s.year, assessment: s.assessment, kae: state.kae, amount: remaining.toFixed(2) });
  }
  const paymentId = randomUUID();
  const rf = rfOf(services, unique.map(debtId));
  const total = items.reduce((sum, i) => sum.plus(i.amount), new Decimal(0));
  const order = await services.payments.createOrder({
    merchantReference: paymentId,
    amount: total,
    currency: 'EUR',
    description: { el: `Οφειλές προς τον δήμο (${rf})`, en: `Debts to the municipality (${rf})` },
    ...(options.email ? { customerEmail: options.email } : {}),
    language: options.language,
  });
  const now = nowOf(services);
  const events = startPayment(initialPayment(), {
    paymentId,
    subjectId,
    items,
    rf,
    provider: services.payments.name,
    orderCode: order.orderCode,
    startedAt: now.toISOString(),
    expiresAt: order.expiresAt.toISOString(),
  });
  await services.client.query(`INSERT INTO ${table(services.schema, PAYMENT_ORDERS)} (order_code, payment_id) VALUES ($1, $2)`, [order.orderCode, paymentId]);
  await services.store.append(streams.payment(paymentId), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: `citizen:${subjectId}` } })), { expectedRevision: 'no_stream' });
  if (unique.length > 1) await recordSelection(services, rf, subjectId, unique);
  return { paymentId, redirectUrl: order.redirectUrl };
};

export type Settled = 'paid' | 'pending' | 'failed' | 'expired';

/**
 * Asks the provider about a payment and records what it says: paid → the debts paid and the collections in
 * the ledger, with the confirmation, in one append; failed or expired → abandoned. `hint`: a transaction id
 * heard of (the browser's return, a notification), which the provider confirms or not.
 */
export const settlePayment = async (services: DebtsServices, paymentId: string, hint: string | null = null): Promise<Settled> => {
  if (services.payments === null) throw new ApiError('OD_PAYMENTS_UNAVAILABLE');
  for (let attempt = 0; ; attempt++) {
    const { state, revision } = await loadPayment(services, paymentId);
    const started = state.started;
    if (started === null) throw debtsErrors.OD_PAYMENT_UNKNOWN();
    if (state.status === 'confirmed') return 'paid';
    const outcome = await services.payments.checkOrder({ orderCode: started.orderCode, merchantReference: paymentId, amount: new Decimal(started.total), transactionId: hint });
    const at = nowOf(services);
    const stream = streams.payment(paymentId);
    const metadata = { actor: `payments:${services.payments.name}` };
    try {
      if (outcome.state === 'paid') {
        const confirmed = confirmPayment(state, { transactionId: outcome.transactionId, amount: outcome.amount, confirmedAt: outcome.paidAt.toISOString() });
        const received = await applyReceived(services, {
          paymentId,
          channel: 'card',
          paidAt: outcome.paidAt,
          receiptStem: started.orderCode,
          debts: started.items.map((i) => ({ year: i.year, assessment: i.assessment, amount: new Decimal(i.amount) })),
          subjectId: started.subjectId,
        });
        await services.store.appendMany([
          { stream, events: confirmed.map((e) => ({ type: e.type, data: e.data, metadata })), expectedRevision: revision },
          ...received.appends.map((a) => ({ ...a, events: a.events.map((e) => ({ ...e, metadata })) })),
        ]);
        return 'paid';
      }
      if (outcome.state === 'failed' || outcome.state === 'expired') {
        const abandoned = abandonPayment(state, outcome.state, at.toISOString());
        if (abandoned.length > 0) await services.store.append(stream, abandoned.map((e) => ({ type: e.type, data: e.data, metadata })), { expectedRevision: revision });
        return outcome.state;
      }
      return 'pending';
    } catch (error) {
      // A notification and the browser's return at once: the second reads what the first recorded.
      if (isExpectedRevisionConflict(error) && attempt < 3) continue;
      throw error;
    }
  }
};

/** Whether the payment is the subject's own, read from its stream (the read model may not have it yet). */
export const isOwnPayment = async (services: DebtsServices, paymentId: string, subjectId: string): Promise<boolean> =>
  (await loadPayment(services, paymentId)).state.started?.subjectId === subjectId;

/** Settles the payment whose provider order this is (the provider's notification names the order). */
export const paymentIdOfOrder = async (services: DebtsServices, orderCode: string): Promise<string | null> => {
  const [row] = await services.client.query<{ payment_id: string }>(`SELECT payment_id FROM ${table(services.schema, PAYMENT_ORDERS)} WHERE order_code = $1`, [orderCode]);
  return row?.payment_id ?? null;
};

/** Orders left unpaid past their expiry: asked once more (a late payment still counts), else abandoned. */
export const sweepExpiredPayments = async (services: DebtsServices): Promise<number> => {
  let settled = 0;
  for (const paymentId of await expiredPayments(services.client, services.schema, nowOf(services))) {
    await settlePayment(services, paymentId).catch(() => 'pending');
    settled++;
  }
  return settled;
};
