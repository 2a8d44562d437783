// The port the debts context owns: what it asks of a card-payment provider. The server makes the order, the
// browser is sent to the provider's page, and only the provider's own answer, asked for server to server,
// says whether money was taken: never the browser's return and never a notification by itself.
import type { Decimal } from 'decimal.js';

export interface PaymentOrderRequest {
  /** Ours: one payment of the debts context (its id). Carried to the provider and checked on every answer. */
  readonly merchantReference: string;
  /** At least 0.30 and at most two decimals (the provider speaks integer cents). */
  readonly amount: Decimal;
  readonly currency: 'EUR';
  /** What the citizen sees on the provider's page, in the language of the page. */
  readonly description: { readonly el: string; readonly en: string };
  readonly customerEmail?: string;
  readonly language: 'el' | 'en';
}

export interface CreatedPaymentOrder {
  /** The provider's order code (Viva: 16 digits), kept as text: it is beyond a float's exact integers. */
  readonly orderCode: string;
  /** Where to send the citizen's browser. */
  readonly redirectUrl: string;
  /** After this the order can no longer be paid. */
  readonly expiresAt: Date;
}

/** What we created, to be compared with what the provider says. */
export interface ExpectedPayment {
  readonly orderCode: string;
  readonly merchantReference: string;
  readonly amount: Decimal;
  /**
   * A transaction id heard of (the browser's return, a notification): a hint where to look, read back from
   * the provider and used only when the provider says it belongs to this order.
   */
  readonly transactionId?: string | null;
}

export type PaymentOutcome =
  | { readonly state: 'paid'; readonly transactionId: string; readonly amount: Decimal; readonly paidAt: Date }
  | { readonly state: 'pending' }
  | { readonly state: 'failed'; readonly reason: string }
  | { readonly state: 'expired' };

/** The provider's webhook call, as far as it can be read; still to be confirmed with checkOrder. */
export type PaymentNotification =
  | { readonly kind: 'payment'; readonly event: 'created' | 'failed'; readonly orderCode: string; readonly transactionId: string }
  /** An event we do not act on (a refund, a commission…): answer 200 so that it is not sent again. */
  | { readonly kind: 'ignored'; readonly eventType: number };

/** The provider checking that the webhook URL is ours: answer `status` with `body` as JSON. */
export interface NotificationChallenge {
  readonly kind: 'challenge';
  readonly status: 200;
  readonly body: { readonly Key: string };
}

export interface NotificationRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Best the raw body (string or Buffer), so that order codes stay exact; a parsed object is accepted too. */
  readonly body: unknown;
}

/** The browser's return, read for hints only (the parameters' names are the provider's). */
export interface BrowserReturn {
  readonly orderCode: string | null;
  readonly transactionId: string | null;
}

export interface PaymentProvider {
  /** 'viva' or 'stand-in'. */
  readonly name: string;
  createOrder(order: PaymentOrderRequest): Promise<CreatedPaymentOrder>;
  /** Server to server: the provider's word on the order, checked against what we created. */
  checkOrder(expected: ExpectedPayment): Promise<PaymentOutcome>;
  parseNotification(request: NotificationRequest): Promise<PaymentNotification | NotificationChallenge>;
  readReturn(query: unknown): BrowserReturn;
}
