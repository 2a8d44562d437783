// Viva's wire protocol, played by a program: the part of Smart Checkout OpenDimos uses (token, orders, the
// checkout page, transactions, order state, the webhook key, the webhook events), with Viva's field names
// and units. It knows no transport: the development stand-in (standIn.ts, fastify) and the tests' double
// (test/support/doubles/payments, node:http) each carry its requests and answers, so both speak one protocol.
// Order codes are drawn above 2^53, as real ones may be, so a client that reads them as floats fails here.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { checkoutPage, messagePage } from './checkoutPage.ts';
import { isJsonObject, numberText, parseJsonKeepingNumbers } from './json.ts';
import { EVENT_PAYMENT_CREATED, EVENT_PAYMENT_FAILED } from './notification.ts';

export interface VivaAccount {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly merchantId: string;
  readonly apiKey: string;
  readonly sourceCode: string;
  /** The payment source's success and failure URLs, where the page sends the browser back. */
  readonly successUrl: string;
  readonly failureUrl: string;
}

export interface SimulatorRequest {
  readonly method: string;
  /** The path below the simulator's mount point, e.g. /checkout/v2/orders. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface SimulatorAnswer {
  readonly status: number;
  readonly type: string;
  readonly body: string;
  readonly location?: string;
}

export interface SimulatorOptions {
  readonly now?: () => number;
  /** Called with each webhook event's JSON body, as Viva would POST it to the webhook URL. */
  readonly notify?: (body: string) => void;
}

type StatusId = 'F' | 'E';

interface SimTransaction {
  readonly id: string;
  readonly orderCode: string;
  readonly statusId: StatusId;
  readonly cents: bigint;
  readonly at: number;
}

interface SimOrder {
  readonly code: string;
  readonly cents: bigint;
  readonly merchantTrns: string;
  readonly customerTrns: string;
  readonly email: string | null;
  readonly requestLang: string;
  readonly expiresAt: number;
  /** Paid (state 3); expired (1) is read from the clock, pending (0) otherwise. */
  paid: boolean;
  readonly transactions: SimTransaction[];
}

const TOKEN_TTL_S = 3600;
const MAX_LIVE = 10_000;
const DEFAULT_TIMEOUT_S = 1800;
const PAYER = 'ΔΟΚΙΜΑΣΤΙΚΟΣ ΠΛΗΡΩΤΗΣ';

const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

const basicOf = (header: string | undefined): { user: string; password: string } | null => {
  const encoded = /^Basic ([A-Za-z0-9+/]+=*)$/.exec(header ?? '')?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
};

const euros = (cents: bigint): string => `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;

/** A placeholder no text of ours can hold (descriptions carry no control characters). */
const num = (name: string): string => `\u0000#${name}`;

/** JSON whose num() placeholders become bare numbers: codes and amounts written as Viva writes them. */
const jsonWithNumbers = (value: unknown, numbers: Readonly<Record<string, string>>): string =>
  JSON.stringify(value).replace(/"\\u0000#(\w+)"/g, (whole, name: string) => numbers[name] ?? whole);

const json = (status: number, body: string): SimulatorAnswer => ({ status, type: 'application/json; charset=utf-8', body });
const html = (status: number, body: string): SimulatorAnswer => ({ status, type: 'text/html; charset=utf-8', body });
const redirect = (location: string): SimulatorAnswer => ({ status: 303, type: 'text/plain; charset=utf-8', body: '', location });

const remember = <V>(map: Map<string, V>, key: string, value: V): void => {
  while (map.size >= MAX_LIVE) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
  map.set(key, value);
};

/** Sixteen digits from 91… up: every one above 2^53 (9007199254740992). */
const newOrderCode = (): string => `9${1 + (randomBytes(1)[0] ?? 0) % 9}${Array.from(randomBytes(14), (b) => b % 10).join('')}`;

export class VivaSimulator {
  readonly #orders = new Map<string, SimOrder>();
  readonly #transactions = new Map<string, SimTransaction>();
  readonly #tokens = new Map<string, number>();
  readonly #now: () => number;
  readonly #notify: (body: string) => void;
  readonly webhookKey = randomBytes(20).toString('hex').toUpperCase();
  /** Added to every amount the simulator reports (never to what it was asked): a gateway gone wrong. */
  reportedSkewCents = 0n;

  constructor(
    private readonly account: VivaAccount,
    options: SimulatorOptions = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#notify = options.notify ?? (() => undefined);
  }

  handle(request: SimulatorRequest): SimulatorAnswer | null {
    const { method, path } = request;
    if (method === 'POST' && path === '/connect/token') return this.#token(request);
    if (method === 'POST' && path === '/checkout/v2/orders') return this.#createOrder(request);
    if (method === 'GET' && path === '/web/checkout') return this.#page(request.query.get('ref') ?? '');
    if (method === 'POST' && path === '/web/checkout') return this.#checkout(new URLSearchParams(request.body));
    const transaction = /^\/checkout\/v2\/transactions\/([^/]+)$/.exec(path);
    if (method === 'GET' && transaction) return this.#transaction(request, decodeURIComponent(transaction[1] ?? ''));
    const order = /^\/api\/orders\/(\d+)$/.exec(path);
    if (method === 'GET' && order) return this.#order(request, order[1] ?? '');
    if (method === 'GET' && path === '/api/transactions') return this.#transactionsOf(request, request.query.get('ordercode') ?? '');
    if (method === 'GET' && path === '/api/messages/config/token') return this.#basic(request) ?? json(200, JSON.stringify({ Key: this.webhookKey }));
    return null;
  }

  /** Order state as Viva reports it: 0 pending, 1 expired, 3 paid. */
  stateOf(orderCode: string): number | null {
    const order = this.#orders.get(orderCode);
    if (!order) return null;
    return order.paid ? 3 : this.#now() >= order.expiresAt ? 1 : 0;
  }

  /** The webhook event Viva sends for a transaction (again, for a repeated or late delivery). */
  eventOf(transactionId: string): string | null {
    const transaction = this.#transactions.get(transactionId);
    const order = transaction && this.#orders.get(transaction.orderCode);
    if (!transaction || !order) return null;
    return jsonWithNumbers(
      {
        Url: this.account.successUrl,
        EventData: {
          Moto: false,
          Email: order.email,
          BankId: 'NET_VISA',
          Amount: num('amount'),
          MerchantId: this.account.merchantId,
          OrderCode: num('orderCode'),
          StatusId: transaction.statusId,
          FullName: PAYER,
          InsDate: new Date(transaction.at).toISOString(),
          CardNumber: '414746XXXXXX0133',
          SourceCode: this.account.sourceCode,
          TransactionId: transaction.id,
          CurrencyCode: '978',
          OrderCulture: order.requestLang,
          MerchantTrns: order.merchantTrns,
          CustomerTrns: order.customerTrns,
          TransactionTypeId: 5,
        },
        Created: new Date(this.#now()).toISOString(),
        CorrelationId: randomUUID(),
        EventTypeId: transaction.statusId === 'F' ? EVENT_PAYMENT_CREATED : EVENT_PAYMENT_FAILED,
        Delay: null,
        MessageId: randomUUID(),
        RecipientId: this.account.merchantId,
        MessageTypeId: 512,
      },
      { amount: euros(transaction.cents + this.reportedSkewCents), orderCode: transaction.orderCode },
    );
  }

  #bearer(request: SimulatorRequest): SimulatorAnswer | null {
    const token = /^Bearer (\S+)$/.exec(request.authorization ?? '')?.[1];
    const until = token === undefined ? undefined : this.#tokens.get(token);
    return until !== undefined && until > this.#now() ? null : json(401, '{"message":"Unauthorized"}');
  }

  #basic(request: SimulatorRequest): SimulatorAnswer | null {
    const given = basicOf(request.authorization);
    const ok = given !== null && given.user === this.account.merchantId && sameSecret(given.password, this.account.apiKey);
    return ok ? null : json(401, '{"Message":"Authorization has been denied for this request."}');
  }

  #token(request: SimulatorRequest): SimulatorAnswer {
    const given = basicOf(request.authorization);
    if (!given || given.user !== this.account.clientId || !sameSecret(given.password, this.account.clientSecret)) return json(400, '{"error":"invalid_client"}');
    if (new URLSearchParams(request.body).get('grant_type') !== 'client_credentials') return json(400, '{"error":"unsupported_grant_type"}');
    const token = randomBytes(32).toString('base64url');
    remember(this.#tokens, token, this.#now() + TOKEN_TTL_S * 1000);
    return json(200, JSON.stringify({ access_token: token, expires_in: TOKEN_TTL_S, token_type: 'Bearer', scope: 'urn:viva:payments:core:api:redirectcheckout' }));
  }

  #createOrder(request: SimulatorRequest): SimulatorAnswer {
    const refused = this.#bearer(request);
    if (refused) return refused;
    let body: unknown;
    try {
      body = parseJsonKeepingNumbers(request.body);
    } catch {
      return json(400, '{"message":"The request body is not valid JSON"}');
    }
    if (!isJsonObject(body)) return json(400, '{"message":"The request body is not an object"}');
    const amount = numberText(body.amount);
    if (amount === null || !/^\d+$/.test(amount) || BigInt(amount) < 30n) return json(400, '{"message":"amount must be whole cents, at least 30"}');
    if ((body.sourceCode ?? 'Default') !== this.account.sourceCode) return json(400, '{"message":"Invalid source code"}');
    const timeout = numberText(body.paymentTimeout ?? String(DEFAULT_TIMEOUT_S));
    if (timeout === null || !/^\d+$/.test(timeout)) return json(400, '{"message":"paymentTimeout must be whole seconds"}');
    const customer = isJsonObject(body.customer) ? body.customer : {};
    const code = newOrderCode();
    remember(this.#orders, code, {
      code,
      cents: BigInt(amount),
      merchantTrns: typeof body.merchantTrns === 'string' ? body.merchantTrns : '',
      customerTrns: typeof body.customerTrns === 'string' ? body.customerTrns : '',
      email: typeof customer.email === 'string' ? customer.email : null,
      requestLang: typeof customer.requestLang === 'string' ? customer.requestLang : 'el-GR',
      expiresAt: this.#now() + Number(timeout) * 1000,
      paid: false,
      transactions: [],
    });
    return json(200, jsonWithNumbers({ orderCode: num('code') }, { code }));
  }

  #page(ref: string): SimulatorAnswer {
    const order = this.#orders.get(ref);
    const state = this.stateOf(ref);
    if (!order) return html(404, messagePage('Άγνωστη εντολή πληρωμής.', 'Unknown payment order.'));
    if (state === 1) return html(410, messagePage('Η εντολή πληρωμής έληξε.', 'The payment order has expired.'));
    if (state === 3) return html(409, messagePage('Η εντολή έχει ήδη πληρωθεί.', 'The order has already been paid.'));
    return html(200, checkoutPage({ orderCode: order.code, cents: order.cents, description: order.customerTrns }));
  }

  #checkout(form: URLSearchParams): SimulatorAnswer {
    const ref = form.get('ref') ?? '';
    const order = this.#orders.get(ref);
    if (!order || this.stateOf(ref) !== 0) return this.#page(ref);
    const action = form.get('action');
    const back = (base: string, parameters: Record<string, string>): SimulatorAnswer => {
      const url = new URL(base);
      for (const [name, value] of Object.entries({ ...parameters, s: order.code, lang: order.requestLang })) url.searchParams.set(name, value);
      return redirect(url.href);
    };
    if (action === 'cancel') return back(this.account.failureUrl, {});
    if (action !== 'pay' && action !== 'decline') return html(400, messagePage('Άγνωστη ενέργεια.', 'Unknown action.'));
    const transaction: SimTransaction = { id: randomUUID(), orderCode: order.code, statusId: action === 'pay' ? 'F' : 'E', cents: order.cents, at: this.#now() };
    order.transactions.push(transaction);
    remember(this.#transactions, transaction.id, transaction);
    if (action === 'pay') order.paid = true;
    const event = this.eventOf(transaction.id);
    if (event) this.#notify(event);
    // EventId 0: success; 10051: insufficient funds (Viva's "Response information", Event ID codes).
    return action === 'pay'
      ? back(this.account.successUrl, { t: transaction.id, eventId: '0', eci: '5' })
      : back(this.account.failureUrl, { t: transaction.id, eventId: '10051', eci: '5' });
  }

  #transaction(request: SimulatorRequest, id: string): SimulatorAnswer {
    const refused = this.#bearer(request);
    if (refused) return refused;
    const transaction = this.#transactions.get(id);
    const order = transaction && this.#orders.get(transaction.orderCode);
    if (!transaction || !order) return json(404, '{"message":"Transaction not found"}');
    return json(
      200,
      jsonWithNumbers(
        {
          email: order.email,
          amount: num('amount'),
          orderCode: num('orderCode'),
          statusId: transaction.statusId,
          fullName: PAYER,
          insDate: new Date(transaction.at).toISOString(),
          cardNumber: '414746XXXXXX0133',
          currencyCode: '978',
          customerTrns: order.customerTrns,
          merchantTrns: order.merchantTrns,
          transactionTypeId: 5,
          recurringSupport: false,
          totalInstallments: 0,
          cardCountryCode: 'GR',
          cardIssuingBank: null,
          currentInstallment: 0,
          cardUniqueReference: null,
          cardTypeId: 0,
          digitalWalletId: null,
        },
        { amount: euros(transaction.cents + this.reportedSkewCents), orderCode: order.code },
      ),
    );
  }

  #order(request: SimulatorRequest, code: string): SimulatorAnswer {
    const refused = this.#basic(request);
    if (refused) return refused;
    const order = this.#orders.get(code);
    const state = this.stateOf(code);
    if (!order || state === null) return json(404, '{"ErrorCode":404,"ErrorText":"Order not found","Success":false}');
    return json(
      200,
      jsonWithNumbers(
        {
          OrderCode: num('code'),
          SourceCode: this.account.sourceCode,
          Tags: [],
          TipAmount: 0,
          RequestLang: order.requestLang,
          MerchantTrns: order.merchantTrns,
          CustomerTrns: order.customerTrns,
          MaxInstallments: 0,
          RequestAmount: num('amount'),
          ExpirationDate: new Date(order.expiresAt).toISOString(),
          StateId: state,
        },
        { code, amount: euros(order.cents) },
      ),
    );
  }

  #transactionsOf(request: SimulatorRequest, code: string): SimulatorAnswer {
    const refused = this.#basic(request);
    if (refused) return refused;
    const order = this.#orders.get(code);
    const rows = (order?.transactions ?? []).map((t, i) => ({ TransactionId: t.id, StatusId: t.statusId, Amount: num(`amount${i}`), InsDate: new Date(t.at).toISOString(), Order: { OrderCode: num('code') } }));
    const numbers: Record<string, string> = { code };
    (order?.transactions ?? []).forEach((t, i) => (numbers[`amount${i}`] = euros(t.cents + this.reportedSkewCents)));
    return json(200, jsonWithNumbers({ Transactions: rows, ErrorCode: 0, ErrorText: null, TimeStamp: new Date(this.#now()).toISOString(), Success: true }, numbers));
  }
}
