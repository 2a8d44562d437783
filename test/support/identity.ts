// The identity context under test: a schema with the keyring's and identity's tables (run here until the
// installation's migrations list them), an event store, a keyring under a random master key, the account
// services, fixture TaxisNet identities, and a scan of every table for personal data left in the clear.
import { randomBytes } from 'node:crypto';
import type { CitizenServices } from '../../src/api/identity/account.ts';
import type { TaxisNetIdentity } from '../../src/api/identity/port.ts';
import { identityMigrations } from '../../src/api/identity/tables.ts';
import { ledgerEventSchemas } from '../../src/domain/index.ts';
import type { Keyring } from '../../src/eventstore/keyring.ts';
import { keyringMigrations, openKeyring } from '../../src/eventstore/keyring.ts';
import { quoteIdent } from '../../src/eventstore/sql/client.ts';
import type { SqlClient } from '../../src/eventstore/sql/client.ts';
import { runMigrationSets } from '../../src/eventstore/sql/migrate.ts';
import type { SqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import type { TestSchema } from './database.ts';
import { createTestSchema } from './database.ts';

/** A person with Greek names as TaxisNet gives them (capitals with accents), and a valid ΑΦΜ. */
export const MARIA: TaxisNetIdentity = {
  userId: 'mpapad01',
  taxid: '123456783',
  lastName: 'ΠΑΠΑΔΟΠΟΎΛΟΥ',
  firstName: 'ΜΑΡΊΑ',
  fatherName: 'ΓΕΏΡΓΙΟΣ',
  motherName: 'ΕΛΈΝΗ',
  birthYear: 1980,
  kind: 'person',
};

export const NIKOS: TaxisNetIdentity = {
  userId: 'nkost77',
  taxid: '987654324',
  lastName: 'ΚΩΝΣΤΑΝΤΊΝΟΥ',
  firstName: 'ΝΙΚΌΛΑΟΣ',
  fatherName: 'ΔΗΜΉΤΡΙΟΣ',
  motherName: 'ΆΝΝΑ',
  birthYear: 1975,
  kind: 'person',
};

export interface IdentityTest extends TestSchema {
  readonly store: SqlEventStore;
  readonly masterKey: Buffer;
  readonly keyring: Keyring;
  /** The account services over this schema; `now` is injectable per test. */
  readonly services: (overrides?: Partial<CitizenServices>) => CitizenServices;
  readonly dispose: () => Promise<void>;
}

export const identityMigrationSets = [
  { component: 'keyring', migrations: keyringMigrations },
  { component: 'identity', migrations: identityMigrations },
] as const;

export const openIdentityTest = async (): Promise<IdentityTest> => {
  const db = await createTestSchema();
  await runMigrationSets(db.client, db.schema, identityMigrationSets);
  const store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas, pollIntervalMs: 100 });
  const masterKey = randomBytes(32);
  const keyring = await openKeyring(db.client, db.schema, masterKey);
  return {
    ...db,
    store,
    masterKey,
    keyring,
    services: (overrides = {}) => ({
      store,
      client: db.client,
      schema: db.schema,
      keyring,
      publicUrl: 'https://dimos.example.gr',
      login: null,
      standIn: false,
      ...overrides,
    }),
    async dispose() {
      await store.close();
      await db.drop();
    },
  };
};

/** Counts the rows of the raw events table (appends that a refusal must not have made). */
export const eventCount = async (client: SqlClient, schema: string): Promise<number> => {
  const [row] = await client.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${quoteIdent(schema)}.od_events`);
  return Number(row!.n);
};

// JSON may hold Greek as \uXXXX escapes, and "sealing" that only encodes would hide text in base64: both
// are undone before looking, so neither can make a leak look absent.
const unescapeJson = (text: string): string => text.replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const decodedBase64 = (text: string): string =>
  (text.match(/[A-Za-z0-9+/_-]{16,}/g) ?? []).map((token) => Buffer.from(token, 'base64url').toString('utf8')).join('\n');

/** Whether a text holds the needle in the clear, escaped as JSON, or merely base64-encoded. */
export const holdsInClear = (text: string, needle: string): boolean => {
  const forms = [text, unescapeJson(text), decodedBase64(text), decodedBase64(unescapeJson(text))].map((t) => t.normalize('NFC'));
  return forms.some((t) => t.includes(needle.normalize('NFC')));
};

/**
 * Every table of the schema, every row as text (all its columns: text, json, the rest), searched for each
 * needle. Returns "table: needle" for each hit; an empty list means none holds any of them.
 */
export const findInClear = async (client: SqlClient, schema: string, needles: readonly string[]): Promise<string[]> => {
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [schema],
  );
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${quoteIdent(schema)}.${quoteIdent(table_name)} t`);
    for (const needle of needles) {
      if (rows.some(({ row }) => holdsInClear(row, needle))) hits.push(`${table_name}: ${needle}`);
    }
  }
  return hits;
};

/** The tables of the schema, so a scan can prove it looked at the ones that matter. */
export const tableNames = async (client: SqlClient, schema: string): Promise<string[]> =>
  (
    await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`, [schema])
  ).map((r) => r.table_name);

/** The token of the newest e-mail link of a subject, as the e-mail would carry it (opened from its event). */
export const newestLinkToken = async (test: IdentityTest, subjectId: string): Promise<string> => {
  const events = await test.store.readStream(`citizen-${subjectId}`);
  const requested = events.filter((e) => e.type === 'ContactEmailRequested').at(-1);
  if (!requested) throw new Error('no e-mail link was asked for');
  const opened = await test.keyring.open<{ token: string }>(subjectId, String((requested.data as { sealed: string }).sealed));
  if (!opened) throw new Error('the link cannot be opened');
  return opened.token;
};

/** Waits (by position, not by time) until a runner has applied everything in the log. */
export const settled = async (store: SqlEventStore, runner: { position: () => number }): Promise<void> => {
  const head = await store.headPosition();
  while (runner.position() < head) await new Promise((resolve) => setTimeout(resolve, 10));
};
