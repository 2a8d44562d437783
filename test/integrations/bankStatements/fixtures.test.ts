// The example files in fixtures/: a day's camt.053 statement of the municipality's account and a camt.054
// notification of two of its credits. Their RFs are the municipality's for the fixture debts (LIX), the
// closing balance is the opening one plus what was booked, and the notification's bookings are the
// statement's own, so importing both pays each once.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Decimal } from 'decimal.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Digest } from '../../../src/domain/debts/rf.ts';
import { rfForDebts } from '../../../src/domain/debts/rf.ts';
import { bookedCredits, readCamt } from '../../../src/integrations/bankStatements/index.ts';

const fixture = async (name: string): Promise<Buffer> => readFile(new URL(`../../../fixtures/${name}`, import.meta.url));
const sha256: Digest = (text) => createHash('sha256').update(text, 'utf8').digest();
const rf = (...assessments: string[]): string => rfForDebts('LIX', assessments, sha256);

test('bank-statement.camt053.xml: booked credits with the RFs of the fixture debts, one without, a debit and a pending entry', async () => {
  const file = readCamt(await fixture('bank-statement.camt053.xml'));
  assert.is(file.message, 'camt.053');
  assert.equal(file.refused, []);
  const [statement] = file.statements;
  assert.ok(statement);
  assert.is(statement.account.iban, 'GR1601101250000000012300695');
  assert.equal(
    bookedCredits(file).map((e) => [e.amount.toFixed(2), e.rf]),
    [
      ['45.00', rf('2025-000123')],
      ['120.50', rf('2025-000125', '2025-000126')],
      ['30.00', rf('2025-000124')],
      ['12.75', rf('2024-000042')],
      ['80.00', rf('2025-000127')],
      ['25.00', null],
    ],
  );
  assert.equal(statement.entries.filter((e) => !e.booked).map((e) => [e.status, e.rf]), [['PDNG', rf('2025-000128')]]);
  const booked = statement.entries.filter((e) => e.booked);
  const moved = booked.reduce((sum, e) => (e.creditDebit === 'CRDT' ? sum.plus(e.amount) : sum.minus(e.amount)), new Decimal(0));
  assert.is(statement.opening?.amount.plus(moved).toFixed(2), statement.closing?.amount.toFixed(2));
});

test('bank-notification.camt054.xml: two credits of the statement, with the same identities', async () => {
  const notification = readCamt(await fixture('bank-notification.camt054.xml'));
  const statement = readCamt(await fixture('bank-statement.camt053.xml'));
  assert.is(notification.message, 'camt.054');
  assert.is(notification.version, '001.02');
  const credits = bookedCredits(notification);
  assert.equal(credits.map((e) => e.rf), [rf('2025-000123'), rf('2025-000127')]);
  const ids = new Set(bookedCredits(statement).map((e) => e.id));
  assert.ok(credits.every((e) => ids.has(e.id)));
});

test.run();
