// `opendimos staff …` on the command's own code path: create prints a one-time link on the last line,
// list, roles, disable (its sessions end), link; bad input is refused in Greek and English with exit 2 and
// nothing changed; every change is an event on the member's stream with the CLI's actor.
import { Writable } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SESSIONS } from '../../src/api/shared/sessions/index.ts';
import { STAFF } from '../../src/api/shared/staff/index.ts';
import { staffCommand } from '../../src/cli/staffCommand.ts';
import { ledgerEventSchemas } from '../../src/domain/index.ts';
import type { SqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { table } from '../../src/projections/shared/tables.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';

interface Context {
  db: TestSchema;
  store: SqlEventStore;
}

const test = suite<Context>('opendimos staff');

test.before.each(async (context) => {
  context.db = await createTestSchema();
  context.store = await openSqlEventStore({ client: context.db.client, schema: context.db.schema, schemas: ledgerEventSchemas, pollIntervalMs: 100 });
});
test.after.each(async ({ store, db }) => {
  await store.close();
  await db.drop();
});

const sink = () => {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (c: Buffer | string, _e, done) => (chunks.push(c.toString()), done()) }), text: () => chunks.join('') };
};

const staff = async ({ db, store }: Context, ...args: string[]) => {
  const out = sink();
  const err = sink();
  const code = await staffCommand(args, { client: db.client, schema: db.schema, store, publicUrl: 'https://opendimos.lixouri.gov.gr', actor: 'cli:tester', stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
};

const rowCount = async ({ db }: Context) => (await db.client.query(`SELECT 1 FROM ${table(db.schema, STAFF)}`)).length;

test('create prints the one-time link alone on the last line; list shows the member; the event has the actor', async (context) => {
  const created = await staff(context, 'create', '--email', 'Anna@Lixouri.gr', '--name', 'Άννα Ζαφειράτου', '--role', 'admin', '--role=clerk:roads');
  assert.is(created.code, 0, created.stderr);
  const last = created.stdout.trim().split('\n').at(-1)!;
  assert.match(last, /^https:\/\/opendimos\.lixouri\.gov\.gr\/office\/password\/[A-Za-z0-9_-]{43}$/);
  const listed = await staff(context, 'list');
  assert.match(listed.stdout, /Anna@Lixouri\.gr\tΆννα Ζαφειράτου\tadmin,clerk:roads/);
  const events = await context.store.readAll();
  assert.equal(
    events.map((e) => [e.type, e.metadata.actor]),
    [
      ['StaffAccountCreated', 'cli:tester'],
      ['StaffPasswordLinkIssued', 'cli:tester'],
    ],
  );
  assert.ok(events.every((e) => e.stream.startsWith('staff-')));
  assert.not.match(JSON.stringify(events), new RegExp(last.split('/').at(-1)!), 'the token is not in any event');
});

test('bad input: exit 2, a Greek and English message, nothing changed', async (context) => {
  await staff(context, 'create', '--email', 'anna@lixouri.gr', '--name', 'Άννα', '--role', 'admin');
  const cases: string[][] = [
    ['create', '--email', 'not-an-email', '--name', 'Χ', '--role', 'admin'],
    ['create', '--email', 'x@lixouri.gr', '--name', 'Χ', '--role', 'mayor'],
    ['create', '--email', 'x@lixouri.gr', '--name', 'Χ', '--role', 'clerk:Roads Dept'],
    ['create', '--email', 'x@lixouri.gr', '--name', 'Χ'],
    ['create', '--email', 'ANNA@lixouri.gr', '--name', 'Άλλη', '--role', 'finance'],
    ['roles', '--email', 'nobody@lixouri.gr', '--role', 'finance'],
    ['disable', '--email'],
    ['disable', '--email', 'a@b.gr', '--role', 'admin'],
    ['fire', '--email', 'anna@lixouri.gr'],
    [],
  ];
  const eventsBefore = (await context.store.readAll()).length;
  for (const args of cases) {
    const result = await staff(context, ...args);
    assert.is(result.code, 2, args.join(' '));
    assert.match(result.stderr, /[α-ωά-ώ]/i, `Greek for ${args.join(' ')}`);
    assert.match(result.stderr, /[a-z]{4}/, `English for ${args.join(' ')}`);
  }
  assert.is(await rowCount(context), 1);
  assert.is((await context.store.readAll()).length, eventsBefore);
});

test('roles sets them all; disable ends the member’s sessions and refuses a second time; link makes a new one', async (context) => {
  await staff(context, 'create', '--email', 'anna@lixouri.gr', '--name', 'Άννα', '--role', 'admin');
  const roles = await staff(context, 'roles', '--email', 'anna@lixouri.gr', '--role', 'finance', '--role', 'revenue');
  assert.is(roles.code, 0);
  assert.match((await staff(context, 'list')).stdout, /\tfinance,revenue\t/);
  const first = (await staff(context, 'link', '--email', 'anna@lixouri.gr')).stdout.trim().split('\n').at(-1);
  assert.match(first!, /\/office\/password\//);
  const [row] = await context.db.client.query<{ staff_id: string }>(`SELECT staff_id FROM ${table(context.db.schema, STAFF)}`);
  await context.db.client.query(
    `INSERT INTO ${table(context.db.schema, SESSIONS)} (id_hash, kind, subject_id, label, csrf_token, created_at, last_seen_at) VALUES ($1, 'staff', $2, 'Άννα', 't', now(), now())`,
    ['a'.repeat(64), row!.staff_id],
  );
  assert.is((await staff(context, 'disable', '--email', 'anna@lixouri.gr')).code, 0);
  assert.is((await context.db.client.query(`SELECT 1 FROM ${table(context.db.schema, SESSIONS)}`)).length, 0);
  assert.is((await staff(context, 'disable', '--email', 'anna@lixouri.gr')).code, 2);
  assert.match((await staff(context, 'list')).stdout, /disabled/);
  assert.is((await staff(context, 'link', '--email', 'anna@lixouri.gr')).code, 2, 'no link for a disabled account');
});

test.run();
