// kill -9 of a dispatching process (PostgreSQL only: PGlite lives inside one process). A child process
// sends the outbox to the SMTP double; the double kills it (SIGKILL) while a message's data has arrived
// but before the server's answer, twice; the next child starts "later" (its clock past the dead one's
// leases). Every message arrives, and none the server accepted arrives twice. The window this cannot
// cover, a kill between the server's 250 and the UPDATE's commit, is described in src/notify/dispatch.ts.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { enqueueMessages } from '../../src/notify/index.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';
import { startSmtpDouble } from '../support/doubles/smtp/index.ts';
import { emailMessage, outboxRows } from './support.ts';

const CHILD = fileURLToPath(new URL('./dispatcherChild.ts', import.meta.url));

const startChild = (db: TestSchema, smtpUrl: string, offsetMs: number): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, OD_SCHEMA: db.schema, OD_SMTP_URL: smtpUrl, OD_CLOCK_OFFSET_MS: String(offsetMs) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

const test = suite('notify: kill -9 mid-dispatch (PostgreSQL)');

if (process.env.DATABASE_URL) {
  test('a dispatcher killed twice mid-send loses nothing and sends no accepted message twice', async () => {
    const db = await createTestSchema('postgresql');
    const smtp = await startSmtpDouble();
    const messages = Array.from({ length: 20 }, (_, i) => emailMessage(`person${i}@example.gr`));
    await db.client.transaction((tx) => enqueueMessages(tx, db.schema, messages));
    let child: ChildProcess | null = null;
    let seen = 0;
    const killAt = new Set([5, 13]);
    smtp.beforeAnswer(async () => {
      seen++;
      if (!killAt.has(seen) || !child) return;
      await killed(child);
      return 'refuse';
    });
    try {
      let restarts = 0;
      child = startChild(db, smtp.url, 0);
      const deadline = Date.now() + 120_000;
      while (smtp.received.length < 20 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (child.exitCode !== null || child.signalCode !== null) {
          restarts++;
          // Each restart is "10 minutes later": the dead process's 5-minute leases have run out.
          child = startChild(db, smtp.url, restarts * 10 * 60_000);
        }
      }
      assert.is(restarts, 2, 'killed twice');
      assert.is(smtp.received.length, 20, 'every message arrived');
      const ids = smtp.received.map((m) => m.messageId);
      assert.is(new Set(ids).size, 20, 'no message accepted twice');
      // The last message may have been accepted a moment before its row is recorded: wait for the record.
      for (let i = 0; i < 100; i++) {
        if ((await outboxRows(db.client, db.schema)).every((r) => r.status === 'delivered')) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const rows = await outboxRows(db.client, db.schema);
      assert.ok(rows.every((r) => r.status === 'delivered'));
      assert.ok(rows.some((r) => r.attempts === 2), 'the killed sends were tried again');
    } finally {
      if (child) await killed(child);
      await smtp.close();
      await db.drop();
    }
  });
}

test.run();
