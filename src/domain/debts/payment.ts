// An online payment of one or more debts: started when the provider's order is made, confirmed only by the
// provider's own answer server to server (never by the browser's return), or abandoned. A late or repeated
// confirmation adds nothing; a confirmation after the order expired still counts, since the money was taken.
import { Decimal } from 'decimal.js';
import type { PaymentAbandoned, PaymentConfirmed, PaymentEvent, PaymentItem, PaymentStarted } from './events.ts';
import { debtsErrors } from './errors.ts';

export interface Payment {
  readonly status: 'none' | 'started' | 'confirmed' | 'abandoned';
  readonly started: PaymentStarted['data'] | null;
  readonly transactionId: string | null;
}

export const initialPayment = (): Payment => ({ status: 'none', started: null, transactionId: null });

export const evolvePayment = (state: Payment, event: PaymentEvent): Payment => {
  switch (event.type) {
    case 'PaymentStarted':
      return { ...state, status: 'started', started: event.data };
    case 'PaymentConfirmed':
      return { ...state, status: 'confirmed', transactionId: event.data.transactionId };
    case 'PaymentAbandoned':
      return { ...state, status: state.status === 'confirmed' ? 'confirmed' : 'abandoned' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export interface StartPayment {
  readonly paymentId: string;
  readonly subjectId: string;
  readonly items: readonly PaymentItem[];
  readonly rf: string;
  readonly provider: string;
  readonly orderCode: string;
  readonly startedAt: string;
  readonly expiresAt: string;
}

export const totalOf = (items: readonly PaymentItem[]): Decimal => items.reduce((sum, item) => sum.plus(item.amount), new Decimal(0));

export const startPayment = (state: Payment, c: StartPayment): PaymentStarted[] => {
  if (state.status !== 'none') return [];
  if (c.items.length === 0) throw debtsErrors.OD_PAYMENT_EMPTY();
  return [{ type: 'PaymentStarted', data: { ...c, total: totalOf(c.items).toFixed(2) } }];
};

export interface ConfirmPayment {
  readonly transactionId: string;
  readonly amount: Decimal;
  readonly confirmedAt: string;
}

export const confirmPayment = (state: Payment, c: ConfirmPayment): PaymentConfirmed[] => {
  if (state.started === null) throw debtsErrors.OD_PAYMENT_UNKNOWN();
  if (state.status === 'confirmed') return [];
  if (!c.amount.equals(state.started.total)) throw debtsErrors.OD_PAYMENT_AMOUNT_MISMATCH();
  return [{ type: 'PaymentConfirmed', data: { paymentId: state.started.paymentId, transactionId: c.transactionId, amount: c.amount.toFixed(2), confirmedAt: c.confirmedAt } }];
};

export const abandonPayment = (state: Payment, reason: 'failed' | 'expired', at: string): PaymentAbandoned[] => {
  if (state.started === null) throw debtsErrors.OD_PAYMENT_UNKNOWN();
  if (state.status !== 'started') return [];
  return [{ type: 'PaymentAbandoned', data: { paymentId: state.started.paymentId, reason, at } }];
};
