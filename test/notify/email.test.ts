// E-mail end to end: outbox → dispatcher → nodemailer → a real SMTP server (smtp-server), read back by
// mailparser. Greek intact, text and HTML, Greek first; STARTTLS offered and used; the .eml fallback;
// back-off after 4xx and a refused connection on a moved clock; failure after the limit, listed without
// the body; a 5xx refusal fails at once.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createEmailTransport, isMailSettingsInvalid } from '../../src/integrations/mail/index.ts';
import { dispatchPass, enqueueMessages, failedMessages, keyHash, MAX_ATTEMPTS, messageIdFor, retryDelayMs } from '../../src/notify/index.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';
import type { SmtpDouble } from '../support/doubles/smtp/index.ts';
import { selfSignedCertificate, startSmtpDouble } from '../support/doubles/smtp/index.ts';
import { emailMessage, outboxRows, testClock, unusedWebhook } from './support.ts';

const FROM = 'Δήμος Ληξουρίου <noreply@lixouri.gr>';
const certificate = selfSignedCertificate();

const test = suite<{ db: TestSchema; smtp: SmtpDouble; dataDir: string }>('notify: e-mail');
test.before(async (c) => {
  c.smtp = await startSmtpDouble({ certificate, auth: { user: 'dimos', pass: 'πάσο:1' } });
});
test.before.each(async (c) => {
  c.db = await createTestSchema();
  c.smtp.received.length = 0;
  c.smtp.refuseNext(0, 250, '');
  c.dataDir = await mkdtemp(join(tmpdir(), 'od-mail-'));
});
test.after.each(async (c) => {
  await c.db.drop();
  await rm(c.dataDir, { recursive: true, force: true });
});
test.after(async (c) => c.smtp.close());

const smtpTransport = (c: { smtp: SmtpDouble; dataDir: string }, url = c.smtp.url) =>
  createEmailTransport({ smtpUrl: url, from: FROM, dataDir: c.dataDir, tls: { ca: certificate.cert, servername: 'localhost' } });

test('a Greek e-mail reaches the SMTP server over STARTTLS, text and HTML, Greek first, Message-ID from the key', async (c) => {
  const message = emailMessage();
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [message]));
  const email = smtpTransport(c);
  const counts = await dispatchPass({ client: c.db.client, schema: c.db.schema, transports: { email, webhook: unusedWebhook } });
  await email.close();
  assert.equal(counts, { delivered: 1, retried: 0, failed: 0 });
  assert.is(c.smtp.received.length, 1);
  const mail = c.smtp.received[0]!;
  assert.ok(mail.secure, 'STARTTLS was used');
  assert.is(mail.user, 'dimos');
  assert.equal(mail.to, ['eleni@example.gr']);
  assert.is(mail.messageId, messageIdFor(message.key, 'lixouri.gr'));
  assert.is(mail.parsed.subject, 'Η αίτησή σας εγκρίθηκε / Your application was approved');
  assert.is(mail.parsed.from?.value[0]?.name, 'Δήμος Ληξουρίου');
  const text = mail.parsed.text ?? '';
  assert.ok(text.includes('Αγαπητή κυρία Παπαδοπούλου,') && text.includes('«Βεβαίωση μόνιμης κατοικίας»'));
  assert.ok(text.indexOf('Αγαπητή') < text.indexOf('Dear Ms'), 'Greek before English in the text part');
  const html = typeof mail.parsed.html === 'string' ? mail.parsed.html : '';
  assert.ok(html.includes('<div lang="el">') && html.indexOf('lang="el"') < html.indexOf('lang="en"'), 'Greek before English in the HTML part');
  assert.ok(html.includes('&laquo;') || html.includes('«'));
  const [row] = await outboxRows(c.db.client, c.db.schema);
  assert.is(row!.status, 'delivered');
  assert.is(row!.content, null, 'the body is dropped once delivered');
});

test('a server that offers no STARTTLS still gets the message (STARTTLS is used when offered)', async (c) => {
  const plain = await startSmtpDouble();
  try {
    await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [emailMessage()]));
    const email = createEmailTransport({ smtpUrl: plain.url, from: FROM, dataDir: c.dataDir });
    await dispatchPass({ client: c.db.client, schema: c.db.schema, transports: { email, webhook: unusedWebhook } });
    await email.close();
    assert.is(plain.received.length, 1);
    assert.not.ok(plain.received[0]!.secure);
  } finally {
    await plain.close();
  }
});

test('messages share a pool of connections, at most maxConnections of them', async (c) => {
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, Array.from({ length: 12 }, () => emailMessage())));
  const before = c.smtp.connections();
  const email = smtpTransport(c, `${c.smtp.url}?maxConnections=2`);
  const counts = await dispatchPass({ client: c.db.client, schema: c.db.schema, transports: { email, webhook: unusedWebhook }, concurrency: 6 });
  await email.close();
  assert.equal(counts, { delivered: 12, retried: 0, failed: 0 });
  assert.is(c.smtp.received.length, 12);
  assert.ok(c.smtp.received.every((m) => m.secure && m.user === 'dimos'), 'STARTTLS and AUTH on every pooled connection');
  const opened = c.smtp.connections() - before;
  assert.ok(opened >= 1 && opened <= 2, `${opened} connections for 12 messages`);
});

test('without SMTP each message is one .eml file, 0600, written once however often it is sent', async (c) => {
  const message = emailMessage();
  const email = createEmailTransport({ smtpUrl: null, from: FROM, dataDir: c.dataDir });
  const createdAt = new Date('2025-03-01T23:59:00Z');
  const sent = { key: message.key, to: message.to, content: message.email!, createdAt };
  const first = await email.send(sent);
  const second = await email.send(sent);
  assert.is(first.detail, second.detail);
  const dir = join(c.dataDir, 'mail', '2025-03-01');
  assert.equal(await readdir(dir), [`${keyHash(message.key)}.eml`], 'one file, no temporary left');
  const path = join(dir, `${keyHash(message.key)}.eml`);
  assert.is((await stat(path)).mode & 0o777, 0o600);
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(await readFile(path));
  assert.is(parsed.subject, 'Η αίτησή σας εγκρίθηκε / Your application was approved');
  assert.is(parsed.messageId, messageIdFor(message.key, 'lixouri.gr'));
  assert.ok((parsed.text ?? '').startsWith('Αγαπητή κυρία Παπαδοπούλου,'));
  await email.close();
});

test('the .eml fallback through the dispatcher: delivered, in the file', async (c) => {
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [emailMessage(), emailMessage('nikos@example.gr')]));
  const email = createEmailTransport({ smtpUrl: null, from: FROM, dataDir: c.dataDir });
  const counts = await dispatchPass({ client: c.db.client, schema: c.db.schema, transports: { email, webhook: unusedWebhook } });
  assert.equal(counts, { delivered: 2, retried: 0, failed: 0 });
  const [day] = await readdir(join(c.dataDir, 'mail'));
  assert.is((await readdir(join(c.dataDir, 'mail', day!))).length, 2);
});

test('a 4xx is tried again after 1, 2, 4 … minutes, never earlier; then delivered', async (c) => {
  const clock = testClock();
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [emailMessage()], clock.now()));
  const email = smtpTransport(c);
  const pass = () => dispatchPass({ client: c.db.client, schema: c.db.schema, transports: { email, webhook: unusedWebhook }, now: clock.now });
  c.smtp.refuseNext(3, 451, '4.3.0 Προσωρινό σφάλμα, δοκιμάστε αργότερα');
  for (let attempt = 1; attempt <= 3; attempt++) {
    assert.equal(await pass(), { delivered: 0, retried: 1, failed: 0 }, `attempt ${attempt} refused`);
    const [row] = await outboxRows(c.db.client, c.db.schema);
    assert.is(row!.attempts, attempt);
    assert.is(new Date(row!.next_attempt_at).getTime() - clock.now().getTime(), 60_000 * 2 ** (attempt - 1));
    assert.match(row!.last_error ?? '', /451/);
    clock.advance(retryDelayMs(attempt) - 1_000);
    assert.equal(await pass(), { delivered: 0, retried: 0, failed: 0 }, 'not due yet');
    clock.advance(1_000);
  }
  assert.equal(await pass(), { delivered: 1, retried: 0, failed: 0 });
  assert.is(c.smtp.received.length, 1);
  await email.close();
});

test('a refused connection is tried again; after the last attempt the message is failed and listed, without its body', async (c) => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const clock = testClock();
  const message = emailMessage();
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [message], clock.now()));
  const email = createEmailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, dataDir: c.dataDir });
  const pass = () => dispatchPass({ client: c.db.client, schema: c.db.schema, transports: { email, webhook: unusedWebhook }, now: clock.now });
  let waited = 0;
  for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
    assert.equal(await pass(), { delivered: 0, retried: 1, failed: 0 });
    clock.advance(retryDelayMs(attempt));
    waited += retryDelayMs(attempt);
  }
  assert.ok(waited > 7 * 24 * 3600_000 && waited < 8 * 24 * 3600_000, `about a week of trying (${waited / 3600_000} h)`);
  assert.ok(retryDelayMs(MAX_ATTEMPTS) === 24 * 3600_000, 'waits are capped at a day');
  assert.equal(await pass(), { delivered: 0, retried: 0, failed: 1 });
  assert.equal(await pass(), { delivered: 0, retried: 0, failed: 0 }, 'a failed message is not tried again');
  const failed = await failedMessages(c.db.client, c.db.schema);
  assert.is(failed.length, 1);
  assert.is(failed[0]!.key, message.key);
  assert.is(failed[0]!.attempts, MAX_ATTEMPTS);
  assert.match(failed[0]!.lastError, /ECONNREFUSED|ECONNECTION|ESOCKET/);
  const listed = JSON.stringify(failed);
  assert.not.ok(listed.includes('Βεβαίωση') || listed.includes('Dear'), 'no body in the list');
  await email.close();
});

test('a 5xx refusal of the recipient fails the message at once', async (c) => {
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [emailMessage()]));
  c.smtp.refuseNext(1, 550, '5.1.1 Ο παραλήπτης δεν υπάρχει / mailbox unavailable');
  const email = smtpTransport(c);
  assert.equal(await dispatchPass({ client: c.db.client, schema: c.db.schema, transports: { email, webhook: unusedWebhook } }), { delivered: 0, retried: 0, failed: 1 });
  const [failed] = await failedMessages(c.db.client, c.db.schema);
  assert.match(failed!.lastError, /550/);
  await email.close();
});

test('wrong credentials are a retry (the settings are wrong, not the message)', async (c) => {
  await c.db.client.transaction((tx) => enqueueMessages(tx, c.db.schema, [emailMessage()]));
  const email = smtpTransport(c, c.smtp.url.replace('dimos:', 'dimos2:'));
  assert.equal(await dispatchPass({ client: c.db.client, schema: c.db.schema, transports: { email, webhook: unusedWebhook } }), { delivered: 0, retried: 1, failed: 0 });
  await email.close();
});

test('bad mail settings are refused at start-up, naming the setting', () => {
  for (const [smtpUrl, from] of [
    ['http://mail.example.gr', FROM],
    ['not a url', FROM],
    ['smtp://mail.example.gr:587', 'noreply'],
    ['smtp://mail.example.gr:587', 'a@b.gr\r\nBcc: x@y.gr'],
    ['smtp://mail.example.gr:587?maxConnections=0', FROM],
    ['smtp://mail.example.gr:587?maxConnections=many', FROM],
    ['smtp://mail.example.gr:587?maxConnections=500', FROM],
  ] as const) {
    try {
      createEmailTransport({ smtpUrl, from, dataDir: '/tmp' });
      assert.unreachable(`${smtpUrl} / ${from} accepted`);
    } catch (error) {
      assert.ok(isMailSettingsInvalid(error), String(error));
      assert.match((error as Error).message, /OPENDIMOS_(SMTP_URL|MAIL_FROM)/);
    }
  }
});

test.run();
