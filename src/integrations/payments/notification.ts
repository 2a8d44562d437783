// Viva's webhooks (developer.viva.com, "Webhooks for payments"). Setting one up, Viva sends a GET to the
// URL and expects { "Key": "…" }, the verification key got from GET {checkout}/api/messages/config/token
// with the merchant id and API key in Basic auth. Then each event is a POST of JSON,
//   { EventTypeId, Created, EventData: { OrderCode, TransactionId, Amount, StatusId, MerchantId, … } },
// 1796 "Transaction Payment Created" and 1798 "Transaction Failed" among them; Viva retries hourly, 24 times
// in all, until it gets a 2xx. These payment events carry no signature (the Viva-Signature headers belong to
// Data Services subscriptions), so a notification is only a hint: checkOrder asks Viva itself.
import { PaymentsError } from './errors.ts';
import { basicAuthorization, detailOf, jsonObjectOf, requestViva } from './http.ts';
import { isJsonObject, numberText, parseJsonKeepingNumbers } from './json.ts';
import { ORDER_CODE } from './createOrder.ts';
import { TRANSACTION_ID } from './checkOrder.ts';
import type { NotificationChallenge, NotificationRequest, PaymentNotification } from './port.ts';
import type { CheckedVivaSettings } from './settings.ts';

export const EVENT_PAYMENT_CREATED = 1796;
export const EVENT_PAYMENT_FAILED = 1798;
/** A webhook body is a few kilobytes of JSON. */
const MAX_BODY = 64 * 1024;

const refuse = (reason: string): PaymentsError => new PaymentsError('OD_PAYMENTS_BAD_NOTIFICATION', { reason });

const bodyOf = (body: unknown): Readonly<Record<string, unknown>> => {
  const raw = Buffer.isBuffer(body) ? body.toString('utf8') : body;
  if (typeof raw === 'string') {
    if (raw.length > MAX_BODY) throw refuse('body too large');
    let value: unknown;
    try {
      value = parseJsonKeepingNumbers(raw);
    } catch {
      throw refuse('not JSON');
    }
    if (!isJsonObject(value)) throw refuse('not a JSON object');
    return value;
  }
  if (!isJsonObject(body)) throw refuse('no body');
  return body;
};

export const notifications = (settings: CheckedVivaSettings, fetchImpl: typeof fetch) => {
  let key: string | null = null;

  const verificationKey = async (): Promise<string> => {
    if (key !== null) return key;
    const answer = await requestViva(
      fetchImpl,
      `${settings.checkoutUrl}/api/messages/config/token`,
      { headers: { authorization: basicAuthorization(settings.merchantId, settings.apiKey), accept: 'application/json' } },
      settings.timeoutMs,
    );
    if (answer.status !== 200) throw new PaymentsError('OD_PAYMENTS_REFUSED', detailOf(answer, 'verification key refused'));
    const value = jsonObjectOf(answer).Key;
    if (typeof value !== 'string' || !/^[\x21-\x7e]{1,512}$/.test(value)) throw new PaymentsError('OD_PAYMENTS_BAD_ANSWER', detailOf(answer, 'no Key'));
    key = value;
    return value;
  };

  const parse = async (request: NotificationRequest): Promise<PaymentNotification | NotificationChallenge> => {
    const method = request.method.toUpperCase();
    if (method === 'GET') return { kind: 'challenge', status: 200, body: { Key: await verificationKey() } };
    if (method !== 'POST') throw refuse(`method ${method}`);
    const body = bodyOf(request.body);
    const eventType = Number(numberText(body.EventTypeId) ?? NaN);
    if (!Number.isInteger(eventType)) throw refuse('no EventTypeId');
    if (eventType !== EVENT_PAYMENT_CREATED && eventType !== EVENT_PAYMENT_FAILED) return { kind: 'ignored', eventType };
    const data = body.EventData;
    if (!isJsonObject(data)) throw refuse('no EventData');
    // Another merchant's event (a webhook URL shared by mistake) is none of ours.
    if (typeof data.MerchantId === 'string' && data.MerchantId.toLowerCase() !== settings.merchantId.toLowerCase()) throw refuse('another merchant');
    const orderCode = numberText(data.OrderCode);
    if (orderCode === null || !ORDER_CODE.test(orderCode)) throw refuse('no exact OrderCode (pass the raw body: codes beyond 2^53 do not survive JSON.parse)');
    const transactionId = data.TransactionId;
    if (typeof transactionId !== 'string' || !TRANSACTION_ID.test(transactionId)) throw refuse('no TransactionId');
    return { kind: 'payment', event: eventType === EVENT_PAYMENT_CREATED ? 'created' : 'failed', orderCode, transactionId: transactionId.toLowerCase() };
  };

  return { parse };
};
