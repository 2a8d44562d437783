// A webhook endpoint over node:http that checks every delivery as a consumer would: the Standard Webhooks
// signature by the `standardwebhooks` library with the endpoint's secret, over the raw body. Knobs: answer
// the next requests with a status (500, 410, a redirect), or hold them unanswered (a timeout).
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly body: string;
  /** The body as the library returns it once the signature holds; null when it did not. */
  readonly verified: unknown;
  readonly verifyError: string | null;
  readonly headers: IncomingHttpHeaders;
}

export interface WebhookDouble {
  readonly url: string;
  readonly secret: string;
  readonly received: ReceivedWebhook[];
  /** The next `count` requests are answered with `status` (and a Location for redirects). */
  answerNext(count: number, status: number): void;
  /** The next `count` requests get no answer until the double closes. */
  holdNext(count: number): void;
  close(): Promise<void>;
}

/** A fresh Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export const startWebhookDouble = async (secret = newWebhookSecret()): Promise<WebhookDouble> => {
  const received: ReceivedWebhook[] = [];
  const verifier = new Webhook(secret);
  let answers: { count: number; status: number } | null = null;
  let holds = 0;
  const held = new Set<() => void>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => String(request.headers[name] ?? '');
      let verified: unknown = null;
      let verifyError: string | null = null;
      try {
        verified = verifier.verify(body, { 'webhook-id': header('webhook-id'), 'webhook-timestamp': header('webhook-timestamp'), 'webhook-signature': header('webhook-signature') });
      } catch (error) {
        verifyError = error instanceof Error ? error.message : String(error);
      }
      received.push({ id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), body, verified, verifyError, headers: request.headers });
      if (holds > 0) {
        holds--;
        held.add(() => response.destroy());
        return;
      }
      if (answers && answers.count > 0) {
        answers.count--;
        if (answers.status >= 300 && answers.status < 400) response.setHeader('location', '/elsewhere');
        response.writeHead(answers.status).end();
        return;
      }
      response.writeHead(verifyError ? 401 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/opendimos`,
    secret,
    received,
    answerNext(count, status) {
      answers = { count, status };
    },
    holdNext(count) {
      holds = count;
    },
    close: async () => {
      for (const release of held) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
