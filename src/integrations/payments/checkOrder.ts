// Step 4 of Smart Checkout, "Verify payment" (developer.viva.com): the browser's return carries t (the
// transaction id) and s (the order code), which anyone can type, so they are only hints. The answer is
// Viva's, asked server to server:
//   GET {api}/checkout/v2/transactions/{id} (bearer): { orderCode, statusId, amount (euros), currencyCode,
//     merchantTrns, insDate, … }, statusId F when paid, A pending, E failed (the payer may try again);
//   GET {checkout}/api/orders/{orderCode} (Basic merchant id and API key): { OrderCode, MerchantTrns,
//     StateId } with StateId 0 pending, 1 expired, 2 cancelled, 3 paid;
//   GET {checkout}/api/transactions?ordercode={orderCode} (Basic): { Transactions: [{ TransactionId,
//     StatusId }] }, to find the paid transaction when no hint named it.
// A transaction of this order whose reference, currency or amount is not ours is refused, never recorded.
import type { Decimal } from 'decimal.js';
import type { TokenSource } from './accessToken.ts';
import { MERCHANT_REFERENCE, ORDER_CODE } from './createOrder.ts';
import { PaymentsError } from './errors.ts';
import { basicAuthorization, detailOf, jsonObjectOf, requestViva } from './http.ts';
import type { VivaAnswer } from './http.ts';
import { isJsonObject, numberText } from './json.ts';
import type { JsonObject } from './json.ts';
import { euroOfText } from './money.ts';
import type { BrowserReturn, ExpectedPayment, PaymentOutcome } from './port.ts';
import type { CheckedVivaSettings } from './settings.ts';

export const TRANSACTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ISO 4217 numeric code of the euro, as Viva writes currencyCode. */
const EURO = '978';

interface Transaction {
  readonly id: string;
  readonly orderCode: string;
  readonly statusId: string;
  readonly amount: Decimal;
  readonly paidAt: Date;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const transactionOf = (answer: VivaAnswer, id: string, fields: JsonObject): Transaction => {
  const orderCode = numberText(fields.orderCode);
  const amount = euroOfText(numberText(fields.amount));
  const paidAt = new Date(text(fields.insDate));
  if (orderCode === null || typeof fields.statusId !== 'string' || amount === null || Number.isNaN(paidAt.getTime())) {
    throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', detailOf(answer, 'a transaction without orderCode, statusId, amount or insDate'));
  }
  return { id, orderCode, statusId: fields.statusId, amount, paidAt };
};

export interface Confirmation {
  checkOrder(expected: ExpectedPayment): Promise<PaymentOutcome>;
}

export const confirmation = (settings: CheckedVivaSettings, fetchImpl: typeof fetch, tokens: TokenSource): Confirmation => {
  const basic = basicAuthorization(settings.merchantId, settings.apiKey);
  const getBasic = (url: string): Promise<VivaAnswer> => requestViva(fetchImpl, url, { headers: { authorization: basic, accept: 'application/json' } }, settings.timeoutMs);

  /** The transaction as Viva holds it; null when Viva knows no such transaction. */
  const transaction = async (id: string): Promise<{ transaction: Transaction; fields: JsonObject; answer: VivaAnswer } | null> => {
    const url = `${settings.apiUrl}/checkout/v2/transactions/${encodeURIComponent(id)}`;
    const answer = await tokens.withToken((authorization) => requestViva(fetchImpl, url, { headers: { authorization, accept: 'application/json' } }, settings.timeoutMs));
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw new PaymentsError('OD_PAYMENTS_REFUSED', detailOf(answer, 'transaction lookup refused'));
    const fields = jsonObjectOf(answer);
    return { transaction: transactionOf(answer, id, fields), fields, answer };
  };

  /** A transaction of our order must carry our reference, the euro and our amount. */
  const checkOurs = (found: { transaction: Transaction; fields: JsonObject; answer: VivaAnswer }, expected: ExpectedPayment): void => {
    const { transaction, fields, answer } = found;
    if (text(fields.merchantTrns) !== expected.merchantReference) throw new PaymentsError('OD_PAYMENTS_ORDER_MISMATCH', detailOf(answer, 'merchantTrns is not ours'));
    const currency = numberText(fields.currencyCode) ?? text(fields.currencyCode);
    if (currency !== '' && currency !== EURO) throw new PaymentsError('OD_PAYMENTS_AMOUNT_MISMATCH', detailOf(answer, `currency ${currency}`));
    if (!transaction.amount.equals(expected.amount)) {
      throw new PaymentsError('OD_PAYMENTS_AMOUNT_MISMATCH', { ...detailOf(answer, 'amount differs'), expected: expected.amount.toFixed(2), reported: transaction.amount.toFixed(2) });
    }
  };

  const paid = (transaction: Transaction): PaymentOutcome => ({ state: 'paid', transactionId: transaction.id, amount: transaction.amount, paidAt: transaction.paidAt });

  const orderState = async (expected: ExpectedPayment): Promise<number> => {
    const answer = await getBasic(`${settings.checkoutUrl}/api/orders/${expected.orderCode}`);
    if (answer.status === 404) throw new PaymentsError('OD_PAYMENTS_ORDER_MISMATCH', detailOf(answer, 'Viva knows no such order'));
    if (answer.status !== 200) throw new PaymentsError('OD_PAYMENTS_REFUSED', detailOf(answer, 'order lookup refused'));
    const fields = jsonObjectOf(answer);
    const errorCode = numberText(fields.ErrorCode);
    if (errorCode === '404') throw new PaymentsError('OD_PAYMENTS_ORDER_MISMATCH', detailOf(answer, 'Viva knows no such order'));
    if (errorCode !== null && errorCode !== '0') throw new PaymentsError('OD_PAYMENTS_REFUSED', detailOf(answer, `ErrorCode ${errorCode}`));
    const orderCode = numberText(fields.OrderCode);
    if ((orderCode !== null && orderCode !== expected.orderCode) || text(fields.MerchantTrns) !== expected.merchantReference) {
      throw new PaymentsError('OD_PAYMENTS_ORDER_MISMATCH', detailOf(answer, 'the order is not the one we created'));
    }
    const state = Number(numberText(fields.StateId) ?? NaN);
    if (![0, 1, 2, 3].includes(state)) throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', detailOf(answer, 'no StateId'));
    return state;
  };

  /** The id of the order's successful transaction, from the order's list. */
  const paidTransactionId = async (orderCode: string): Promise<string> => {
    const answer = await getBasic(`${settings.checkoutUrl}/api/transactions?${new URLSearchParams({ ordercode: orderCode })}`);
    if (answer.status !== 200) throw new PaymentsError('OD_PAYMENTS_REFUSED', detailOf(answer, 'transaction list refused'));
    const list = jsonObjectOf(answer).Transactions;
    const id = Array.isArray(list) ? list.filter(isJsonObject).find((t) => t.StatusId === 'F')?.TransactionId : undefined;
    if (typeof id !== 'string' || !TRANSACTION_ID.test(id)) throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', detailOf(answer, 'a paid order without a paid transaction'));
    return id;
  };

  return {
    async checkOrder(expected) {
      if (!ORDER_CODE.test(expected.orderCode)) throw new TypeError('checkOrder: orderCode must be the one createOrder gave');
      if (!MERCHANT_REFERENCE.test(expected.merchantReference)) throw new TypeError('checkOrder: merchantReference must be the one the order was made with');
      const hint = expected.transactionId ?? null;
      if (hint !== null && TRANSACTION_ID.test(hint)) {
        const found = await transaction(hint);
        // Another order's transaction (a replayed or typed-in return) says nothing about this one.
        if (found && found.transaction.orderCode === expected.orderCode) {
          checkOurs(found, expected);
          if (found.transaction.statusId === 'F') return paid(found.transaction);
        }
      }
      switch (await orderState(expected)) {
        case 0:
          return { state: 'pending' };
        case 1:
          return { state: 'expired' };
        case 2:
          return { state: 'failed', reason: 'cancelled' };
        default: {
          const found = await transaction(await paidTransactionId(expected.orderCode));
          if (!found || found.transaction.orderCode !== expected.orderCode || found.transaction.statusId !== 'F') {
            throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', { orderCode: expected.orderCode, reason: 'the paid transaction did not read back' });
          }
          checkOurs(found, expected);
          return paid(found.transaction);
        }
      }
    },
  };
};

/** The return's t and s, when they have the shape of a transaction id and an order code; never trusted. */
export const readReturn = (query: unknown): BrowserReturn => {
  const fields = isJsonObject(query) ? query : {};
  const t = fields.t;
  const s = fields.s;
  return {
    transactionId: typeof t === 'string' && TRANSACTION_ID.test(t) ? t.toLowerCase() : null,
    orderCode: typeof s === 'string' && ORDER_CODE.test(s) ? s : null,
  };
};
