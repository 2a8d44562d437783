// Access tokens: random, stored only as a hash, verified in constant time, revocable; and the CLI that
// creates them, which prints the token alone on its last line.
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { migrateDatabase } from '../../src/cli/migrations.ts';
import { InvalidTokenName, createToken, listTokens, revokeToken, verifyToken } from '../../src/api/shared/auth/tokens.ts';
import { tokenCommand } from '../../src/cli/tokenCommand.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';

const test = suite<{ db: TestSchema }>('access tokens');

test.before(async (context) => {
  context.db = await createTestSchema();
  // Migrated when made, and once more: running the migrations again changes nothing.
  await migrateDatabase(context.db.client, context.db.schema);
});
test.after(async ({ db }) => db.drop());

const TOKEN = /^od_[A-Za-z0-9_-]{43}$/;

test('a token is od_ and 43 base64url characters; the table holds its SHA-256, never the token', async ({ db }) => {
  const { token, record } = await createToken(db.client, db.schema, { role: 'finance', name: 'Λογιστήριο' });
  assert.match(token, TOKEN);
  assert.equal([record.name, record.role, record.revokedAt], ['Λογιστήριο', 'finance', null]);
  const [row] = await db.client.query<{ everything: string; hash: string }>(`SELECT row_to_json(t)::text AS everything, t.hash FROM "${db.schema}".od_tokens t WHERE id = $1`, [record.id]);
  assert.not.ok(row!.everything.includes(token.slice(3)), 'no trace of the token at rest');
  assert.is(row!.hash, createHash('sha256').update(token).digest('hex'));
  const other = await createToken(db.client, db.schema, { role: 'finance' });
  assert.is.not(other.token, token);
  assert.is(other.record.name, `finance-${other.record.id}`, 'an unnamed token is named after its role and id');
});

test('verify: the token itself passes; a changed, malformed or revoked one does not', async ({ db }) => {
  const { token, record } = await createToken(db.client, db.schema, { role: 'finance', name: 'έλεγχος' });
  assert.equal(await verifyToken(db.client, db.schema, token), record);
  const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
  assert.is(await verifyToken(db.client, db.schema, changed), null);
  for (const malformed of ['', token.slice(0, -1), `${token}x`, token.replace('od_', 'xx_'), ` ${token}`]) {
    assert.is(await verifyToken(db.client, db.schema, malformed), null, malformed);
  }
  const revoked = await revokeToken(db.client, db.schema, record.id);
  assert.ok(revoked?.revokedAt);
  assert.is(await verifyToken(db.client, db.schema, token), null);
  assert.equal((await revokeToken(db.client, db.schema, record.id))?.revokedAt, revoked?.revokedAt, 'revoking twice keeps the first time');
  assert.is(await revokeToken(db.client, db.schema, 999_999), null);
  assert.ok((await listTokens(db.client, db.schema)).some((t) => t.id === record.id && t.revokedAt !== null));
});

test('names are printable and short', async ({ db }) => {
  for (const name of ['', 'a\nb', 'x'.repeat(65), '-dash-first']) {
    try {
      await createToken(db.client, db.schema, { role: 'finance', name });
      assert.unreachable(`accepted ${JSON.stringify(name)}`);
    } catch (error) {
      assert.instance(error, InvalidTokenName);
    }
  }
});

const capture = () => {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
};

const cli = async (db: TestSchema, args: string[]) => {
  const stdout = capture();
  const stderr = capture();
  const status = await tokenCommand(args, { client: db.client, schema: db.schema, stdout, stderr });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
};

test('CLI: token create prints the token alone on its last line, and it works; list shows it; revoke ends it', async ({ db }) => {
  const created = await cli(db, ['create', '--role', 'finance', '--name', 'Ταμείο Δήμου']);
  assert.is(created.status, 0);
  const lines = created.stdout.trimEnd().split('\n');
  const token = lines[lines.length - 1]!;
  assert.match(token, TOKEN);
  assert.ok(lines.length > 1 && lines.slice(0, -1).every((line) => !line.includes(token)), 'the token appears once, on the last line');
  const record = await verifyToken(db.client, db.schema, token);
  assert.equal([record?.name, record?.role], ['Ταμείο Δήμου', 'finance']);

  const listed = await cli(db, ['list']);
  assert.is(listed.status, 0);
  assert.match(listed.stdout, new RegExp(`#${record!.id}\\tΤαμείο Δήμου\\tfinance\\t`));
  assert.not.ok(listed.stdout.includes(token));

  assert.is((await cli(db, ['revoke', String(record!.id)])).status, 0);
  assert.is(await verifyToken(db.client, db.schema, token), null);
  const missing = await cli(db, ['revoke', '987654']);
  assert.equal([missing.status, missing.stderr.includes('#987654')], [1, true]);
  assert.is((await cli(db, ['create', '--role=finance'])).status, 0);
});

test('CLI: usage errors exit 2 with a Greek and an English message and change nothing', async ({ db }) => {
  const before = (await listTokens(db.client, db.schema)).length;
  for (const args of [[], ['create'], ['create', '--role', 'admin'], ['create', '--role'], ['create', '--role', 'finance', '--colour', 'red'], ['create', '--role', 'finance', '--name', 'a\tb'], ['revoke'], ['revoke', 'abc'], ['list', 'all'], ['frob']]) {
    const result = await cli(db, args);
    assert.is(result.status, 2, args.join(' '));
    assert.match(result.stderr, /[α-ω]/, 'Greek');
    assert.match(result.stderr, /Usage:/);
    assert.is(result.stdout, '');
  }
  assert.is((await listTokens(db.client, db.schema)).length, before);
});

test.run();
