// The citizens' read model (issue 14 items 4 and 6): filled from the personal streams with each subject's
// key, searched by staff by exact ΑΦΜ or by the start of the name whatever its accents and case; an erased
// subject leaves it at once, and a rebuild from the log brings nobody back.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { askToVerifyEmail, changeLanguage, changePhone, confirmEmail, eraseAccount, forgetEmail, logIn } from '../../../src/api/identity/account.ts';
import { citizenRecord, identityProjections, searchCitizens, SEARCH_LIMIT } from '../../../src/projections/identity/index.ts';
import type { Projection } from '../../../src/projections/shared/projection.ts';
import { eventReaderFor } from '../../../src/projections/shared/eventReader.ts';
import { rebuildProjections } from '../../../src/projections/shared/rebuild.ts';
import type { ProjectionRunner } from '../../../src/projections/shared/runner.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import type { IdentityTest } from '../../support/identity.ts';
import { MARIA, NIKOS, newestLinkToken, openIdentityTest, settled } from '../../support/identity.ts';

interface Context {
  t: IdentityTest;
  projections: readonly Projection[];
  runner: ProjectionRunner;
}

const test = suite<Context>('identity: the citizens read model');

test.before.each(async (context) => {
  context.t = await openIdentityTest();
  context.projections = identityProjections(context.t.keyring).projections;
  context.runner = await startProjections({ client: context.t.client, store: context.t.store, schema: context.t.schema, projections: context.projections });
  await context.runner.caughtUp;
});
test.after.each(async ({ t, runner }) => {
  await runner.stop();
  await t.dispose();
});

const search = async ({ t, runner }: Context, query: string) => {
  await settled(t.store, runner);
  return searchCitizens(t.client, t.schema, query);
};
const names = (records: readonly { lastName: string }[]) => records.map((r) => r.lastName);

test('a login puts the subject in the read model with the details opened', async (context) => {
  const { t, runner } = context;
  const { subjectId } = await logIn(t.services({ now: () => new Date('2026-03-01T10:00:00Z') }), MARIA);
  await settled(t.store, runner);
  const record = await citizenRecord(t.client, t.schema, subjectId);
  assert.equal(record, {
    subjectId,
    kind: 'person',
    taxid: MARIA.taxid,
    lastName: MARIA.lastName,
    firstName: MARIA.firstName,
    fatherName: MARIA.fatherName,
    birthYear: MARIA.birthYear,
    email: null,
    pendingEmail: null,
    phone: null,
    language: 'el',
    registeredAt: '2026-03-01T10:00:00.000Z',
    lastLoginAt: '2026-03-01T10:00:00.000Z',
  });
  assert.is(await citizenRecord(t.client, t.schema, 'no-such-subject'), null);
});

test('contact details, language and later logins reach the read model', async (context) => {
  const { t, runner } = context;
  const services = t.services({ now: () => new Date('2026-03-01T10:00:00Z') });
  const { subjectId } = await logIn(services, MARIA);
  await askToVerifyEmail(services, subjectId, 'Maria@Example.GR');
  await settled(t.store, runner);
  let record = await citizenRecord(t.client, t.schema, subjectId);
  assert.is(record?.email, null, 'an address not yet verified is not the one notices go to');
  assert.is(record?.pendingEmail?.address, 'Maria@example.gr');
  await confirmEmail(services, subjectId, await newestLinkToken(t, subjectId));
  await changePhone(services, subjectId, '697 123 4567');
  await changeLanguage(services, subjectId, 'en');
  await logIn(t.services({ now: () => new Date('2026-03-05T08:00:00Z') }), MARIA);
  await settled(t.store, runner);
  record = await citizenRecord(t.client, t.schema, subjectId);
  assert.is(record?.email, 'Maria@example.gr');
  assert.is(record?.pendingEmail, null);
  assert.is(record?.phone, '+306971234567');
  assert.is(record?.language, 'en');
  assert.is(record?.lastLoginAt, '2026-03-05T08:00:00.000Z');
  assert.is(record?.registeredAt, '2026-03-01T10:00:00.000Z');
  await forgetEmail(services, subjectId);
  await changePhone(services, subjectId, '');
  await settled(t.store, runner);
  record = await citizenRecord(t.client, t.schema, subjectId);
  assert.is(record?.email, null);
  assert.is(record?.pendingEmail, null);
  assert.is(record?.phone, null);
});

test('a new address waiting for its link leaves the verified one in place; its own link alone replaces it', async (context) => {
  const { t, runner } = context;
  const services = t.services({ now: () => new Date('2026-03-01T10:00:00Z') });
  const { subjectId } = await logIn(services, MARIA);
  await askToVerifyEmail(services, subjectId, 'maria@example.gr');
  await confirmEmail(services, subjectId, await newestLinkToken(t, subjectId));
  await askToVerifyEmail(services, subjectId, 'maria.new@example.gr');
  await settled(t.store, runner);
  let record = await citizenRecord(t.client, t.schema, subjectId);
  assert.is(record?.email, 'maria@example.gr', 'the verified address stays while the new one waits');
  assert.equal(record?.pendingEmail, { address: 'maria.new@example.gr', expiresAt: '2026-03-02T10:00:00.000Z' });
  // A third address replaces the second's link: the second's own link no longer verifies anything.
  const second = await newestLinkToken(t, subjectId);
  await askToVerifyEmail(services, subjectId, 'maria.third@example.gr');
  await confirmEmail(services, subjectId, second).catch(() => undefined);
  await settled(t.store, runner);
  record = await citizenRecord(t.client, t.schema, subjectId);
  assert.is(record?.email, 'maria@example.gr');
  assert.is(record?.pendingEmail?.address, 'maria.third@example.gr');
  await confirmEmail(services, subjectId, await newestLinkToken(t, subjectId));
  await settled(t.store, runner);
  record = await citizenRecord(t.client, t.schema, subjectId);
  assert.is(record?.email, 'maria.third@example.gr');
  assert.is(record?.pendingEmail, null);
});

test('a read model of version 1 (the pending address in the verified one\'s place) is rebuilt at start with both apart', async (context) => {
  const { t, runner, projections } = context;
  const services = t.services({ now: () => new Date('2026-03-01T10:00:00Z') });
  const { subjectId } = await logIn(services, MARIA);
  await askToVerifyEmail(services, subjectId, 'maria@example.gr');
  await confirmEmail(services, subjectId, await newestLinkToken(t, subjectId));
  await askToVerifyEmail(services, subjectId, 'maria.new@example.gr');
  await settled(t.store, runner);
  await runner.stop();
  // As an installation of before: the old table, its wrong row, version 1 in the checkpoints.
  await t.client.exec(`DROP TABLE "${t.schema}".od_citizens;
    CREATE TABLE "${t.schema}".od_citizens (subject_id text PRIMARY KEY, email text, email_verified boolean NOT NULL DEFAULT false);
    INSERT INTO "${t.schema}".od_citizens VALUES ('${subjectId}', 'maria.new@example.gr', false);
    UPDATE "${t.schema}".od_projections SET version = 1 WHERE name = 'citizens'`);
  context.runner = await startProjections({ client: t.client, store: t.store, schema: t.schema, projections });
  await context.runner.caughtUp;
  const record = await citizenRecord(t.client, t.schema, subjectId);
  assert.is(record?.email, 'maria@example.gr');
  assert.is(record?.pendingEmail?.address, 'maria.new@example.gr');
  const [version] = await t.client.query<{ version: number }>(`SELECT version FROM "${t.schema}".od_projections WHERE name = 'citizens'`);
  assert.is(version?.version, 2);
});

test('search folds accents, case and final sigma, by the start of "surname first name"', async (context) => {
  const { t } = context;
  await logIn(t.services(), MARIA);
  await logIn(t.services(), NIKOS);
  for (const query of ['παπαδοπουλου', 'ΠΑΠΑΔΟΠΟΥΛΟΥ', 'Παπαδοπούλου', 'παπαδ', '  Παπαδοπούλου μαρ  ', 'παπαδοπουλου μαρια']) {
    assert.equal(names(await search(context, query)), [MARIA.lastName], query);
  }
  // ΝΙΚΟΛΑΟΣ ends in a final sigma when typed in lower case.
  assert.equal(names(await search(context, 'κωνσταντίνου νικόλαος')), [NIKOS.lastName]);
  assert.equal(names(await search(context, 'ΚΩΝΣΤΑΝΤΙΝΟΥ ΝΙΚΟΛΑΟΣ')), [NIKOS.lastName]);
  assert.equal(await search(context, 'μαρία'), [], 'the first name alone is not the start of the name');
  assert.equal(await search(context, 'papadopoulou'), []);
});

test('search by ΑΦΜ is exact: nine digits find that subject only, a part of it finds nobody', async (context) => {
  const { t } = context;
  const { subjectId } = await logIn(t.services(), MARIA);
  await logIn(t.services(), NIKOS);
  const found = await search(context, MARIA.taxid);
  assert.equal(
    found.map((r) => r.subjectId),
    [subjectId],
  );
  assert.equal(names(await search(context, ` ${NIKOS.taxid} `)), [NIKOS.lastName]);
  assert.equal(await search(context, MARIA.taxid.slice(0, 8)), []);
  assert.equal(await search(context, MARIA.taxid.slice(1)), []);
  assert.equal(await search(context, '000000000'), []);
  assert.equal(await search(context, `${MARIA.taxid}0`), []);
});

test('search: too short a query, or LIKE wildcards, find nobody', async (context) => {
  const { t } = context;
  await logIn(t.services(), MARIA);
  await logIn(t.services(), NIKOS);
  for (const query of ['', ' ', 'π', '%', '%%', '__', '_α%', '\\%', "' OR 1=1 --"]) assert.equal(await search(context, query), [], JSON.stringify(query));
});

test(`search returns at most ${SEARCH_LIMIT}, ordered by surname then first name`, async (context) => {
  const { t } = context;
  const firstNames = Array.from({ length: SEARCH_LIMIT + 3 }, (_, i) => `ΑΝΝΑ${String(SEARCH_LIMIT + 3 - i).padStart(3, '0')}`);
  for (const [i, firstName] of firstNames.entries()) {
    await logIn(t.services(), { ...MARIA, taxid: String(100000000 + i), userId: `u${i}`, firstName });
  }
  const found = await search(context, 'παπαδοπουλου');
  assert.is(found.length, SEARCH_LIMIT);
  const sorted = [...found].sort((a, b) => (a.firstName < b.firstName ? -1 : 1));
  assert.equal(
    found.map((r) => r.firstName),
    sorted.map((r) => r.firstName),
  );
});

test('changed TaxisNet details at a login replace the old ones: the new surname is found, the old not', async (context) => {
  const { t, runner } = context;
  const { subjectId } = await logIn(t.services(), MARIA);
  await logIn(t.services(), { ...MARIA, lastName: 'ΓΕΡΑΣΊΜΟΥ' });
  await settled(t.store, runner);
  assert.is((await citizenRecord(t.client, t.schema, subjectId))?.lastName, 'ΓΕΡΑΣΊΜΟΥ');
  assert.equal(names(await search(context, 'γερασιμου')), ['ΓΕΡΑΣΊΜΟΥ']);
  assert.equal(await search(context, 'παπαδοπουλου'), []);
});

test('an erased subject leaves the read model; a rebuild from the log brings nobody back', async (context) => {
  const { t, runner, projections } = context;
  const maria = await logIn(t.services(), MARIA);
  const nikos = await logIn(t.services(), NIKOS);
  await askToVerifyEmail(t.services(), maria.subjectId, 'maria@example.gr');
  await changePhone(t.services(), maria.subjectId, '6971234567');
  await logIn(t.services(), { ...MARIA, lastName: 'ΓΕΡΑΣΊΜΟΥ' });
  await settled(t.store, runner);
  assert.ok(await citizenRecord(t.client, t.schema, maria.subjectId));
  await eraseAccount(t.services(), maria.subjectId);
  await settled(t.store, runner);
  assert.is(await citizenRecord(t.client, t.schema, maria.subjectId), null);
  assert.equal(await search(context, MARIA.taxid), []);
  assert.equal(await search(context, 'παπαδοπουλου'), []);
  assert.equal(await search(context, 'γερασιμου'), []);
  await rebuildProjections(t.client, eventReaderFor(t.store), t.schema, projections);
  assert.is(await citizenRecord(t.client, t.schema, maria.subjectId), null, 'after a rebuild');
  assert.equal(await search(context, MARIA.taxid), []);
  assert.equal(names(await search(context, NIKOS.taxid)), [NIKOS.lastName], 'the others are rebuilt as they were');
  assert.ok(await citizenRecord(t.client, t.schema, nikos.subjectId));
});

test('a subject whose key is gone (an erasure cut short before its event) is left out by a rebuild', async (context) => {
  const { t, projections } = context;
  const maria = await logIn(t.services(), MARIA);
  await logIn(t.services(), NIKOS);
  await t.keyring.shred(maria.subjectId);
  await rebuildProjections(t.client, eventReaderFor(t.store), t.schema, projections);
  assert.is(await citizenRecord(t.client, t.schema, maria.subjectId), null);
  assert.equal(names(await search(context, NIKOS.taxid)), [NIKOS.lastName]);
});

test.run();
