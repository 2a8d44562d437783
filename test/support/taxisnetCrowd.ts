// Many people logging in through the TaxisNet double at once (benchmarks). The double answers for the one
// user set last, bound to the token it issues; this front on 127.0.0.1 lets each login name its own person:
// the caller assigns a person to the code it was sent back with, and the token exchange of that code is
// passed to the double with that person set, one exchange at a time (the double reads the user when it
// issues the token). Everything else is passed through unchanged. It also records how long each call to
// the double took, to tell the provider's share of a login from the server's.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TaxisNetDouble, TaxisNetDoubleOptions, UserinfoAttributes } from './doubles/taxisnet/index.ts';
import { startTaxisNetDouble } from './doubles/taxisnet/index.ts';

const TOKEN = '/oauth2server/oauth/token';

export interface TaxisNetCrowd {
  /** What the server is given as OPENDIMOS_TAXISNET_URL. */
  readonly baseUrl: string;
  readonly double: TaxisNetDouble;
  /** The person the login sent back with `code` is, when its code is exchanged. */
  assign(code: string, user: UserinfoAttributes): void;
  /** Milliseconds each token exchange and userinfo call spent at the double, since the last `clearTimings`. */
  readonly timings: { readonly token: number[]; readonly userinfo: number[] };
  clearTimings(): void;
  close(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const readBody = (stream: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

export const startTaxisNetCrowd = async (options: TaxisNetDoubleOptions): Promise<TaxisNetCrowd> => {
  const double = await startTaxisNetDouble(options);
  const target = new URL(double.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const assigned = new Map<string, UserinfoAttributes>();
  const timings = { token: [] as number[], userinfo: [] as number[] };
  // The tail of the queue of token exchanges: each waits for the one before it.
  let exchanges: Promise<void> = Promise.resolve();

  const forward = (incoming: IncomingMessage, body: Buffer): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const headers = { ...incoming.headers, host: target.host, 'content-length': String(body.length) };
      const outgoing = httpRequest({ host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers, agent }, (response) => {
        readBody(response).then((answer) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: answer }), reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const timed = async (into: number[], work: () => Promise<Answer>): Promise<Answer> => {
    const start = process.hrtime.bigint();
    const answer = await work();
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
    return answer;
  };

  const exchange = async (incoming: IncomingMessage, body: Buffer): Promise<Answer> => {
    const code = new URLSearchParams(body.toString('utf8')).get('code') ?? '';
    const user = assigned.get(code);
    assigned.delete(code);
    const before = exchanges;
    let done = (): void => undefined;
    exchanges = new Promise((resolve) => (done = resolve));
    await before;
    try {
      if (user) double.setUser(user);
      return await timed(timings.token, () => forward(incoming, body));
    } finally {
      done();
    }
  };

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const body = await readBody(incoming);
    const path = (incoming.url ?? '/').split('?')[0];
    const answer =
      incoming.method === 'POST' && path === TOKEN
        ? await exchange(incoming, body)
        : path?.endsWith('/userinfo')
          ? await timed(timings.userinfo, () => forward(incoming, body))
          : await forward(incoming, body);
    const { connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _encoding, ...headers } = answer.headers;
    outgoing.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
    outgoing.end(answer.body);
  };

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    double,
    assign: (code, user) => assigned.set(code, user),
    timings,
    clearTimings() {
      timings.token.length = 0;
      timings.userinfo.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      agent.destroy();
      await double.close();
    },
  };
};
