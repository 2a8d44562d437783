// Step 1 of Smart Checkout (developer.viva.com, "Smart Checkout integration" and "Create a payment order"):
// POST {api}/checkout/v2/orders with a bearer token and a JSON body whose amount is in cents; the answer
// is { orderCode }. Step 2 sends the browser to {checkout}/web/checkout?ref={orderCode}. The page returns the
// browser to the success or failure URL set on the payment source at Viva, not per order.
import { Decimal } from 'decimal.js';
import type { TokenSource } from './accessToken.ts';
import { PaymentsError } from './errors.ts';
import { detailOf, jsonObjectOf, requestViva } from './http.ts';
import { numberText } from './json.ts';
import { centsOf, MIN_CENTS } from './money.ts';
import type { CreatedPaymentOrder, PaymentOrderRequest } from './port.ts';
import type { CheckedVivaSettings } from './settings.ts';

export const MERCHANT_REFERENCE = /^[A-Za-z0-9._:-]{1,64}$/;
export const ORDER_CODE = /^\d{10,20}$/;
const EMAIL = /^[^\s@<>()[\],;:"]{1,64}@[^\s@<>()[\],;:"]{1,255}$/;
/** Viva's page shows customerTrns as given; a line of text is all it is for. */
const DESCRIPTION_MAX = 255;

/** Viva's requestLang: language and country (Smart Checkout shows its page in it). */
const REQUEST_LANG = { el: 'el-GR', en: 'en-GB' } as const;

const description = (text: unknown, which: string): string => {
  if (typeof text !== 'string' || text.trim() === '' || text.length > DESCRIPTION_MAX || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new RangeError(`createOrder: description.${which} must be one line of 1-${DESCRIPTION_MAX} characters`);
  }
  return text.trim();
};

/** The order's body, or a refusal; what no caller should send is a programming error (TypeError/RangeError). */
const orderBody = (order: PaymentOrderRequest, settings: CheckedVivaSettings): Record<string, unknown> => {
  if (!MERCHANT_REFERENCE.test(order.merchantReference)) throw new TypeError('createOrder: merchantReference must be 1-64 letters, digits or . _ : -');
  if (order.currency !== 'EUR') throw new TypeError('createOrder: currency must be EUR');
  if (!(order.amount instanceof Decimal)) throw new TypeError('createOrder: amount must be a Decimal');
  const cents = centsOf(order.amount);
  if (cents === null) throw new RangeError(`createOrder: amount must have at most two decimals (got ${order.amount.toString()})`);
  if (cents < MIN_CENTS) throw new PaymentsError('OD_PAYMENTS_BELOW_MINIMUM', { cents: cents.toString() });
  if (order.language !== 'el' && order.language !== 'en') throw new TypeError("createOrder: language must be 'el' or 'en'");
  if (order.customerEmail !== undefined && !EMAIL.test(order.customerEmail)) throw new RangeError('createOrder: customerEmail is not an e-mail address');
  const shown = { el: description(order.description.el, 'el'), en: description(order.description.en, 'en') };
  return {
    amount: Number(cents),
    customerTrns: shown[order.language],
    customer: { ...(order.customerEmail === undefined ? {} : { email: order.customerEmail }), requestLang: REQUEST_LANG[order.language] },
    paymentTimeout: settings.paymentTimeoutSeconds,
    preauth: false,
    allowRecurring: false,
    maxInstallments: 0,
    paymentNotification: false,
    disableExactAmount: false,
    // A cash payment at a Viva point settles days later, long after the order's timeout: card only.
    disableCash: true,
    disableWallet: false,
    sourceCode: settings.sourceCode,
    merchantTrns: order.merchantReference,
  };
};

export const createOrder = async (settings: CheckedVivaSettings, fetchImpl: typeof fetch, tokens: TokenSource, order: PaymentOrderRequest): Promise<CreatedPaymentOrder> => {
  const body = JSON.stringify(orderBody(order, settings));
  const startedAt = settings.now();
  const url = `${settings.apiUrl}/checkout/v2/orders`;
  const answer = await tokens.withToken((authorization) =>
    requestViva(fetchImpl, url, { method: 'POST', headers: { authorization, 'content-type': 'application/json', accept: 'application/json' }, body }, settings.timeoutMs),
  );
  if (answer.status !== 200) throw new PaymentsError('OD_PAYMENTS_REFUSED', detailOf(answer, 'order refused'));
  const orderCode = numberText(jsonObjectOf(answer).orderCode);
  if (orderCode === null || !ORDER_CODE.test(orderCode)) throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', detailOf(answer, 'no orderCode'));
  return {
    orderCode,
    redirectUrl: `${settings.checkoutUrl}/web/checkout?${new URLSearchParams({ ref: orderCode })}`,
    // Counted from before the request: never later than Viva's own deadline.
    expiresAt: new Date(startedAt + settings.paymentTimeoutSeconds * 1000),
  };
};
