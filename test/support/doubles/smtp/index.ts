// A real SMTP server on a free port (smtp-server), with the messages it accepted read back by mailparser.
// STARTTLS is offered when a certificate is given (and then recorded per message as used or not), AUTH is
// required when credentials are given. Knobs: answer the next messages with a 4xx/5xx, or run a hook
// when a message's data has arrived but before the server answers it (a test kills the sender there).
import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestCertificate } from './selfSignedCertificate.ts';

export { selfSignedCertificate } from './selfSignedCertificate.ts';
export type { TestCertificate } from './selfSignedCertificate.ts';

export interface ReceivedMail {
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
  readonly messageId: string;
  /** The envelope's recipients (RCPT TO). */
  readonly to: readonly string[];
  /** The session was under TLS when the data came (after STARTTLS). */
  readonly secure: boolean;
  readonly user: string | null;
}

export type AnswerHook = (mail: { messageId: string }) => void | 'refuse' | Promise<void | 'refuse'>;

export interface SmtpDoubleOptions {
  readonly certificate?: TestCertificate;
  readonly auth?: { readonly user: string; readonly pass: string };
}

export interface SmtpDouble {
  readonly port: number;
  /** smtp://[user:pass@]127.0.0.1:port */
  readonly url: string;
  readonly received: ReceivedMail[];
  /** TCP connections the server has accepted so far. */
  readonly connections: () => number;
  /** Answers the next `count` messages' DATA with this reply instead of accepting them. */
  refuseNext(count: number, responseCode: number, message: string): void;
  /**
   * Runs before the server answers a message's DATA; a returned promise delays the answer, and 'refuse'
   * answers 421 and does not count the message as accepted (the sender died before the answer).
   */
  beforeAnswer(hook: AnswerHook | null): void;
  close(): Promise<void>;
}

const readAll = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
};

export const startSmtpDouble = async (options: SmtpDoubleOptions = {}): Promise<SmtpDouble> => {
  const received: ReceivedMail[] = [];
  let refusals: { count: number; responseCode: number; message: string } | null = null;
  let hook: AnswerHook | null = null;
  let connections = 0;

  const server = new SMTPServer({
    logger: false,
    secure: false,
    ...(options.certificate ? { key: options.certificate.key, cert: options.certificate.cert } : {}),
    disabledCommands: [...(options.certificate ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])],
    authOptional: !options.auth,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    // Credentials only over TLS when TLS is on offer, as a real submission server does.
    allowInsecureAuth: !options.certificate,
    onAuth(auth, _session, callback) {
      if (auth.username === options.auth?.user && auth.password === options.auth?.pass) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('535 Authentication failed'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      void (async () => {
        const raw = await readAll(stream);
        const parsed = await simpleParser(raw);
        const messageId = parsed.messageId ?? '';
        if (hook && (await hook({ messageId })) === 'refuse') return callback(Object.assign(new Error('4.4.2 connection lost'), { responseCode: 421 }));
        if (refusals && refusals.count > 0) {
          refusals.count--;
          return callback(Object.assign(new Error(refusals.message), { responseCode: refusals.responseCode }));
        }
        received.push({
          raw,
          parsed,
          messageId,
          to: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : null,
        });
        callback(null, `queued as ${received.length}`);
      })().catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';
  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    received,
    connections: () => connections,
    refuseNext(count, responseCode, message) {
      refusals = { count, responseCode, message };
    },
    beforeAnswer(next) {
      hook = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
