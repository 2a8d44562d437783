// The keyring (crypto-shredding, issue 14 item 4): a value sealed for one subject opens for that subject
// only, is not its plaintext, and is gone for good once the subject's key is shredded; a process with
// another master key is refused against the same database rather than sealing what nobody else can open.
import { randomBytes } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Keyring } from '../../src/eventstore/keyring.ts';
import { KeyringError, SUBJECT_KEYS, openKeyring } from '../../src/eventstore/keyring.ts';
import { quoteIdent } from '../../src/eventstore/sql/client.ts';
import { runMigrationSets } from '../../src/eventstore/sql/migrate.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';
import { holdsInClear, identityMigrationSets } from '../support/identity.ts';

interface Context {
  db: TestSchema;
  master: Buffer;
  keyring: Keyring;
}

const test = suite<Context>('keyring');

test.before.each(async (context) => {
  context.db = await createTestSchema();
  await runMigrationSets(context.db.client, context.db.schema, identityMigrationSets);
  context.master = randomBytes(32);
  context.keyring = await openKeyring(context.db.client, context.db.schema, context.master);
});
test.after.each(async ({ db }) => db.drop());

const DETAILS = { taxid: '123456783', lastName: 'ΠΑΠΑΔΟΠΟΎΛΟΥ', firstName: 'ΜΑΡΊΑ', email: 'maria@example.gr' };

const keyRows = async ({ db }: Context): Promise<{ subject_id: string; wrapped: string }[]> =>
  db.client.query(`SELECT subject_id, wrapped FROM ${quoteIdent(db.schema)}.${SUBJECT_KEYS} ORDER BY subject_id`);

test('a sealed value opens for its subject, as it was given', async ({ keyring }) => {
  const sealed = await keyring.seal('subject-a', DETAILS);
  assert.equal(await keyring.open('subject-a', sealed), DETAILS);
});

test('a sealed value is not its plaintext, nor an encoding of it; two seals of one value differ', async ({ keyring }) => {
  const one = await keyring.seal('subject-a', DETAILS);
  const two = await keyring.seal('subject-a', DETAILS);
  assert.is.not(one, two, 'a fresh IV each time, so equal values cannot be told apart');
  for (const needle of [DETAILS.taxid, DETAILS.lastName, DETAILS.firstName, DETAILS.email, 'maria', 'taxid']) {
    assert.not.ok(holdsInClear(one, needle), needle);
  }
});

test('a value sealed for subject A does not open as subject B', async (context) => {
  const { keyring } = context;
  const sealed = await keyring.seal('subject-a', DETAILS);
  assert.is(await keyring.open('subject-b', sealed), null, 'B has no key at all');
  await keyring.seal('subject-b', { other: true });
  assert.is(await keyring.open('subject-b', sealed), null, 'B has a key of its own');
  assert.equal(await keyring.open('subject-a', sealed), DETAILS, 'and A still opens it');
});

test("a subject's wrapped key moved to another subject does not unwrap (the subject id is bound to it)", async (context) => {
  const { db, keyring } = context;
  const a = await keyring.seal('subject-a', DETAILS);
  const b = await keyring.seal('subject-b', { other: true });
  const rows = await keyRows(context);
  const wrappedA = rows.find((r) => r.subject_id === 'subject-a')!.wrapped;
  await db.client.query(`UPDATE ${quoteIdent(db.schema)}.${SUBJECT_KEYS} SET wrapped = $1 WHERE subject_id = 'subject-b'`, [wrappedA]);
  // B now holds A's wrapped key: it must not open A's value as B, nor anything else.
  assert.is(await keyring.open('subject-b', a), null);
  assert.is(await keyring.open('subject-b', b), null, "B's own value neither: the moved key does not unwrap as B");
  assert.equal(await keyring.open('subject-a', a), DETAILS);
});

test('a sealed value changed by one character, cut short, or not sealed at all opens as null', async ({ keyring }) => {
  const sealed = await keyring.seal('subject-a', DETAILS);
  const last = sealed.length - 5;
  const flipped = sealed.slice(0, last) + (sealed[last] === 'A' ? 'B' : 'A') + sealed.slice(last + 1);
  assert.is(await keyring.open('subject-a', flipped), null, 'GCM tag');
  assert.is(await keyring.open('subject-a', sealed.slice(0, 20)), null);
  assert.is(await keyring.open('subject-a', JSON.stringify(DETAILS)), null);
  assert.is(await keyring.open('subject-a', ''), null);
  assert.is(await keyring.open('subject-a', sealed.replace(/^v1/, 'v2')), null);
});

test('shredding destroys the key: nothing sealed before opens, not even after a new key is made', async (context) => {
  const { keyring } = context;
  const before = await keyring.seal('subject-a', DETAILS);
  const other = await keyring.seal('subject-b', { other: true });
  await keyring.shred('subject-a');
  assert.is(await keyring.open('subject-a', before), null);
  assert.equal(
    (await keyRows(context)).map((r) => r.subject_id),
    ['subject-b'],
    "A's key row is gone, B's stays",
  );
  assert.equal(await keyring.open('subject-b', other), { other: true }, 'other subjects are untouched');
  await keyring.shred('subject-a'); // idempotent
  const after = await keyring.seal('subject-a', { again: 1 });
  assert.equal(await keyring.open('subject-a', after), { again: 1 });
  assert.is(await keyring.open('subject-a', before), null, 'a new key for the same subject does not bring old values back');
});

test('a shred inside a transaction that rolls back leaves the key', async ({ db, keyring }) => {
  const sealed = await keyring.seal('subject-a', DETAILS);
  await db.client
    .transaction(async (tx) => {
      await keyring.shred('subject-a', tx);
      throw new Error('rolled back');
    })
    .catch(() => undefined);
  assert.equal(await keyring.open('subject-a', sealed), DETAILS);
});

test('two first seals for one subject at once make one key, and both values open', async (context) => {
  const { keyring } = context;
  const values = await Promise.all([1, 2, 3, 4].map((n) => keyring.seal('subject-a', { n })));
  assert.is((await keyRows(context)).length, 1);
  for (const [i, sealed] of values.entries()) assert.equal(await keyring.open('subject-a', sealed), { n: i + 1 });
});

test('a second master key is refused against the same database, and changes nothing', async ({ db, keyring, master }) => {
  const sealed = await keyring.seal('subject-a', DETAILS);
  const other = randomBytes(32);
  const error = await openKeyring(db.client, db.schema, other).then(
    () => null,
    (e: unknown) => e,
  );
  assert.instance(error, KeyringError);
  assert.is((error as KeyringError).code, 'OD_MASTER_KEY_MISMATCH');
  assert.match((error as Error).message, 'OPENDIMOS_MASTER_KEY');
  assert.match((error as Error).message, /κύριο κλειδί/);
  // The first key still rules the database: a restart with it opens what was sealed.
  const again = await openKeyring(db.client, db.schema, master);
  assert.equal(await again.open('subject-a', sealed), DETAILS);
  await assert_rejects(openKeyring(db.client, db.schema, other), 'OD_MASTER_KEY_MISMATCH');
});

test('the second master key is refused from another connection too (another node)', async ({ db, master }) => {
  const node = await db.connectAgain(2);
  await assert_rejects(openKeyring(node, db.schema, randomBytes(32)), 'OD_MASTER_KEY_MISMATCH');
  await openKeyring(node, db.schema, master);
});

test('a master key that is not 32 bytes is refused', async ({ db }) => {
  for (const length of [0, 16, 31, 33, 64]) {
    await assert_rejects(openKeyring(db.client, db.schema, randomBytes(length)), 'OD_MASTER_KEY_MISMATCH', /32 bytes/);
  }
});

test('wrapped keys copied to a database with another master key open nothing there', async ({ db, keyring }) => {
  const sealed = await keyring.seal('subject-a', DETAILS);
  const [row] = await keyRows({ db } as Context);
  const elsewhere = await createTestSchema(db.backend);
  try {
    await runMigrationSets(elsewhere.client, elsewhere.schema, identityMigrationSets);
    const theirs = await openKeyring(elsewhere.client, elsewhere.schema, randomBytes(32));
    await elsewhere.client.query(`INSERT INTO ${quoteIdent(elsewhere.schema)}.${SUBJECT_KEYS} (subject_id, wrapped) VALUES ($1, $2)`, [row!.subject_id, row!.wrapped]);
    assert.is(await theirs.open('subject-a', sealed), null);
  } finally {
    await elsewhere.drop();
  }
});

test('lookup hashes: the same for one value and purpose, different across purposes and master keys, not the value', async ({ db, keyring }) => {
  const hash = keyring.lookupHash('taxid', '123456783');
  assert.is(keyring.lookupHash('taxid', '123456783'), hash);
  assert.is.not(keyring.lookupHash('taxid', '123456784'), hash);
  assert.is.not(keyring.lookupHash('email', '123456783'), hash);
  assert.not.ok(holdsInClear(hash, '123456783'));
  const elsewhere = await createTestSchema(db.backend);
  try {
    await runMigrationSets(elsewhere.client, elsewhere.schema, identityMigrationSets);
    const theirs = await openKeyring(elsewhere.client, elsewhere.schema, randomBytes(32));
    assert.is.not(theirs.lookupHash('taxid', '123456783'), hash, 'without the master key the ΑΦΜ cannot be guessed from its hash');
  } finally {
    await elsewhere.drop();
  }
});

async function assert_rejects(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(error, `expected a refusal with ${code}`);
  assert.is((error as { code?: string }).code, code);
  if (message) assert.match((error as Error).message, message);
}

test.run();
