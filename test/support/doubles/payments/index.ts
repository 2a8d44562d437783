// A local Viva on 127.0.0.1 and a free port, speaking Viva's wire protocol (the same VivaSimulator the
// development stand-in carries): OAuth token, orders, the checkout page with its real 303 back to the
// source's success or failure URL, transactions, order state, the webhook key. One port serves the API,
// accounts and checkout hosts (their paths do not overlap). Knobs make each endpoint fail the ways a
// gateway does, report a wrong amount, and deliver webhooks again or late; a clock of the test's own
// lets orders expire.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VivaAccount } from '../../../../src/integrations/payments/index.ts';
import { VivaSimulator } from '../../../../src/integrations/payments/index.ts';

export type Endpoint = 'token' | 'orders' | 'transaction' | 'order' | 'transactions' | 'key' | 'checkout';

/** `down`: the socket is closed without an answer; `slow`: no answer at all, so only the client's deadline ends the wait. */
export type Behaviour = 'ok' | 'down' | 'slow' | 'error500' | 'notJson' | 'unauthorized';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface PaymentsDouble {
  readonly baseUrl: string;
  readonly account: VivaAccount;
  readonly simulator: VivaSimulator;
  readonly requests: RecordedRequest[];
  /** Each webhook event body, in the order the simulator raised them. */
  readonly events: string[];
  readonly clock: { now: number };
  behave(knobs: Partial<Record<Endpoint, Behaviour>>): void;
  /** Every amount reported (transactions, events) off by this many cents: 0 to be honest again. */
  reportWrongAmount(cents: number): void;
  /** POSTs a webhook event to `url` as Viva does (JSON, no signature); the receiver's status. */
  deliver(url: string, body: string): Promise<number>;
  close(): Promise<void>;
}

const endpointOf = (method: string, path: string): Endpoint | null => {
  if (path === '/connect/token') return 'token';
  if (path === '/checkout/v2/orders') return 'orders';
  if (path.startsWith('/checkout/v2/transactions/')) return 'transaction';
  if (path.startsWith('/api/orders/')) return 'order';
  if (path === '/api/transactions') return 'transactions';
  if (path === '/api/messages/config/token') return 'key';
  if (path === '/web/checkout' && (method === 'GET' || method === 'POST')) return 'checkout';
  return null;
};

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const send = (response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  response.end(body);
};

export const startPaymentsDouble = async (options: { successUrl: string; failureUrl: string }): Promise<PaymentsDouble> => {
  const account: VivaAccount = {
    clientId: 'od-lixouri.apps.vivapayments.com',
    clientSecret: 'S3cr3t:with&odd=chars',
    merchantId: '1b7f8c1e-3f34-4a8e-9d7a-0c2ad7b4e001',
    apiKey: 'api-key:%&=',
    sourceCode: '4821',
    successUrl: options.successUrl,
    failureUrl: options.failureUrl,
  };
  const clock = { now: Date.UTC(2026, 2, 2, 9, 0, 0) };
  const events: string[] = [];
  const simulator = new VivaSimulator(account, { now: () => clock.now, notify: (body) => events.push(body) });
  const requests: RecordedRequest[] = [];
  let behaviour: Partial<Record<Endpoint, Behaviour>> = {};

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(request);
      const method = request.method ?? 'GET';
      requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: request.headers, body });
      const endpoint = endpointOf(method, url.pathname);
      switch (endpoint ? (behaviour[endpoint] ?? 'ok') : 'ok') {
        case 'down': response.socket?.destroy(); return;
        case 'slow': return;
        case 'error500': send(response, 500, 'text/html; charset=utf-8', '<html><body>Internal Server Error</body></html>'); return;
        case 'notJson': send(response, 200, 'text/html; charset=utf-8', '<html><body>Service under maintenance</body></html>'); return;
        case 'unauthorized': send(response, 401, 'application/json', '{"message":"Unauthorized"}'); return;
        case 'ok': break;
      }
      const answer = simulator.handle({ method, path: url.pathname, query: url.searchParams, authorization: request.headers.authorization, body });
      if (!answer) {
        send(response, 404, 'text/html; charset=utf-8', '<html><body>404</body></html>');
        return;
      }
      send(response, answer.status, answer.type, answer.body, answer.location ? { location: answer.location } : {});
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    account,
    simulator,
    requests,
    events,
    clock,
    behave(knobs) {
      behaviour = { ...behaviour, ...knobs };
    },
    reportWrongAmount(cents) {
      simulator.reportedSkewCents = BigInt(cents);
    },
    async deliver(url, body) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body });
      await response.arrayBuffer();
      return response.status;
    },
    async close() {
      // The slow knob leaves answers hanging on purpose; end them so the server can close.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};
