// Legal representation on the read side (issue 14 item 1): a grant recorded by staff reaches the
// representations' read model opened with the company's and the representative's keys, and the log holds
// neither ΑΦΜ in the clear; a revocation marks it; the erasure of either subject drops it, and a rebuild
// brings nobody back. A refused grant leaves no event, subject, key or audit row.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eraseAccount, logIn } from '../../../src/api/identity/account.ts';
import type { RepresentationServices } from '../../../src/api/identity/representation.ts';
import { companiesRepresentedBy, endOfMunicipalDay, grantRepresentation, municipalDay, revokeRepresentation } from '../../../src/api/identity/representation.ts';
import { sessionMigrations } from '../../../src/api/shared/sessions/index.ts';
import { staffMigrations } from '../../../src/api/shared/staff/index.ts';
import type { GrantInput } from '../../../src/domain/index.ts';
import { isDomainError } from '../../../src/domain/index.ts';
import { quoteIdent } from '../../../src/eventstore/sql/client.ts';
import { runMigrationSets } from '../../../src/eventstore/sql/migrate.ts';
import { identityProjections, representationRecord, representationsConcerning, representationsOf } from '../../../src/projections/identity/index.ts';
import { eventReaderFor } from '../../../src/projections/shared/eventReader.ts';
import type { Projection } from '../../../src/projections/shared/projection.ts';
import { rebuildProjections } from '../../../src/projections/shared/rebuild.ts';
import type { ProjectionRunner } from '../../../src/projections/shared/runner.ts';
import { startProjections } from '../../../src/projections/shared/runner.ts';
import type { IdentityTest } from '../../support/identity.ts';
import { eventCount, findInClear, MARIA, NIKOS, openIdentityTest, settled } from '../../support/identity.ts';

interface Context {
  t: IdentityTest;
  projections: readonly Projection[];
  runner: ProjectionRunner;
  services: RepresentationServices;
}

const test = suite<Context>('identity: the representations read model');

const NOW = new Date('2026-03-02T08:00:00Z');
const COMPANY = { taxid: '801234560', name: 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.' };
const grantOf = (over: Partial<GrantInput> = {}): GrantInput => ({
  companyTaxid: COMPANY.taxid,
  companyName: COMPANY.name,
  representativeTaxid: MARIA.taxid,
  basis: 'καταστατικό / ΓΕΜΗ',
  evidence: 'ΓΕΜΗ 123456789000',
  validFrom: '2026-01-01',
  validUntil: '',
  ...over,
});

test.before.each(async (context) => {
  context.t = await openIdentityTest();
  await runMigrationSets(context.t.client, context.t.schema, [
    { component: 'sessions', migrations: sessionMigrations },
    { component: 'staff', migrations: staffMigrations },
  ]);
  context.services = context.t.services({ now: () => NOW });
  context.projections = identityProjections(context.t.keyring).projections;
  context.runner = await startProjections({ client: context.t.client, store: context.t.store, schema: context.t.schema, projections: context.projections });
  await context.runner.caughtUp;
});
test.after.each(async ({ t, runner }) => {
  await runner.stop();
  await t.dispose();
});

const count = async (t: IdentityTest, table: string): Promise<number> => {
  const [row] = await t.client.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${quoteIdent(t.schema)}.${quoteIdent(table)}`);
  return Number(row!.n);
};

test('a grant reaches the read model opened; the log holds neither ΑΦΜ nor the evidence in the clear', async ({ t, runner, services }) => {
  const maria = await logIn(t.services(), MARIA);
  const granted = await grantRepresentation(services, grantOf(), 'staff-1');
  assert.is(granted.representativeSubjectId, maria.subjectId, 'the representative is the subject of their ΑΦΜ');
  await settled(t.store, runner);
  const record = await representationRecord(t.client, t.schema, granted.representationId);
  assert.equal(record, {
    representationId: granted.representationId,
    companySubjectId: granted.companySubjectId,
    representativeSubjectId: maria.subjectId,
    companyTaxid: COMPANY.taxid,
    companyName: COMPANY.name,
    representativeTaxid: MARIA.taxid,
    representativeName: 'ΜΑΡΊΑ ΠΑΠΑΔΟΠΟΎΛΟΥ',
    basis: 'καταστατικό / ΓΕΜΗ',
    evidence: 'ΓΕΜΗ 123456789000',
    validFrom: '2026-01-01',
    validUntil: null,
    grantedBy: 'staff:staff-1',
    grantedAt: NOW.toISOString(),
    revokedBy: null,
    revokedAt: null,
  });
  assert.equal((await representationsOf(t.client, t.schema, maria.subjectId)).map((r) => r.representationId), [granted.representationId]);
  assert.equal((await representationsConcerning(t.client, t.schema, COMPANY.taxid)).length, 1);
  assert.equal((await representationsConcerning(t.client, t.schema, MARIA.taxid)).length, 1);
  assert.equal(await representationsOf(t.client, t.schema, granted.companySubjectId), [], 'the company represents nobody');
  const events = await t.client.query<{ row: string }>(`SELECT t::text AS row FROM ${quoteIdent(t.schema)}.od_events t WHERE stream LIKE 'representation-%'`);
  assert.is(events.length, 1);
  for (const needle of [COMPANY.taxid, MARIA.taxid, 'ΓΕΜΗ 123456789000', COMPANY.name]) assert.not.ok(events[0]!.row.includes(needle), needle);
  const [audit] = await t.client.query<{ action: string; actor: string; subject: string }>(`SELECT action, actor, subject FROM ${quoteIdent(t.schema)}.od_staff_audit`);
  assert.equal(audit, { action: 'RepresentationGranted', actor: 'staff:staff-1', subject: granted.companySubjectId });
});

test('a representative never seen before gets a subject their first login finds; grants ending before today are not offered', async ({ t, runner, services }) => {
  const granted = await grantRepresentation(services, grantOf({ representativeTaxid: NIKOS.taxid, validUntil: '2026-03-02' }), 'staff-1');
  const nikos = await logIn(t.services(), NIKOS);
  assert.is(nikos.subjectId, granted.representativeSubjectId);
  await settled(t.store, runner);
  assert.is((await companiesRepresentedBy(services, nikos.subjectId)).length, 1, 'on its last day');
  assert.is((await companiesRepresentedBy(t.services({ now: () => new Date('2026-03-02T22:30:00Z') }), nikos.subjectId)).length, 0, 'after midnight in Athens');
  const future = await grantRepresentation(services, grantOf({ companyTaxid: '094014250', validFrom: '2026-06-01' }), 'staff-1');
  await settled(t.store, runner);
  assert.ok(await representationRecord(t.client, t.schema, future.representationId));
  const maria = await logIn(t.services(), MARIA);
  assert.equal(await companiesRepresentedBy(services, maria.subjectId), [], 'a grant not yet begun is not offered');
});

test('the municipality’s day and its end are those of Athens, summer and winter', () => {
  assert.is(municipalDay(new Date('2026-03-01T22:30:00Z')), '2026-03-02');
  assert.is(endOfMunicipalDay('2026-03-02').toISOString(), '2026-03-02T22:00:00.000Z');
  assert.is(endOfMunicipalDay('2026-07-15').toISOString(), '2026-07-15T21:00:00.000Z');
});

test('a revocation marks the grant; it is no longer offered; a second is refused', async ({ t, runner, services }) => {
  const maria = await logIn(t.services(), MARIA);
  const granted = await grantRepresentation(services, grantOf(), 'staff-1');
  await settled(t.store, runner);
  await revokeRepresentation(services, granted.representationId, 'staff-2');
  await settled(t.store, runner);
  const record = await representationRecord(t.client, t.schema, granted.representationId);
  assert.is(record?.revokedBy, 'staff:staff-2');
  assert.is(record?.revokedAt, NOW.toISOString());
  assert.equal(await companiesRepresentedBy(services, maria.subjectId), []);
  const refused = await revokeRepresentation(services, granted.representationId, 'staff-2').catch((e: unknown) => e);
  assert.ok(isDomainError(refused) && refused.code === 'OD_REPRESENTATION_ALREADY_REVOKED');
  assert.equal((await t.client.query<{ action: string }>(`SELECT action FROM ${quoteIdent(t.schema)}.od_staff_audit ORDER BY entry`)).map((r) => r.action), [
    'RepresentationGranted',
    'RepresentationRevoked',
  ]);
  // A new grant once the old one is revoked is not a duplicate.
  await grantRepresentation(services, grantOf(), 'staff-1');
});

test('refusals change nothing: no event, subject, key or audit row', async ({ t, services }) => {
  const maria = await logIn(t.services(), MARIA);
  await grantRepresentation(services, grantOf(), 'staff-1');
  const before = { events: await eventCount(t.client, t.schema), subjects: await count(t, 'od_subjects'), keys: await count(t, 'od_subject_keys'), audit: await count(t, 'od_staff_audit') };
  const company = await logIn(t.services(), { ...NIKOS, taxid: '094014250', firstName: '', fatherName: '', motherName: '', birthYear: null, kind: 'company' });
  const afterCompany = { events: await eventCount(t.client, t.schema), subjects: await count(t, 'od_subjects'), keys: await count(t, 'od_subject_keys'), audit: await count(t, 'od_staff_audit') };
  assert.ok(company.subjectId && maria.subjectId && afterCompany.subjects === before.subjects + 1);
  const cases: [Partial<GrantInput>, string][] = [
    [{ companyTaxid: '801234561' }, 'OD_COMPANY_TAXID_INVALID'],
    [{ companyTaxid: '111111114', representativeTaxid: '12345678' }, 'OD_REPRESENTATIVE_TAXID_INVALID'],
    [{ representativeTaxid: COMPANY.taxid }, 'OD_REPRESENTATION_SELF'],
    [{ companyTaxid: '111111114', basis: '' }, 'OD_REPRESENTATION_BASIS_INVALID'],
    [{ companyTaxid: '111111114', validUntil: '2026-03-01' }, 'OD_REPRESENTATION_DATES_INVALID'],
    [{}, 'OD_REPRESENTATION_DUPLICATE'],
    [{ companyTaxid: '111111114', representativeTaxid: '094014250' }, 'OD_REPRESENTATIVE_IS_COMPANY'],
    [{ companyTaxid: MARIA.taxid, representativeTaxid: '111111114' }, 'OD_REPRESENTED_IS_PERSON'],
  ];
  for (const [over, code] of cases) {
    const refused = await grantRepresentation(services, grantOf(over), 'staff-1').catch((e: unknown) => e);
    assert.ok(isDomainError(refused), `${code}: ${String(refused)}`);
    assert.is(refused.code, code);
    assert.ok(refused.messageEl.length > 0 && refused.messageEn.length > 0);
  }
  assert.equal(
    { events: await eventCount(t.client, t.schema), subjects: await count(t, 'od_subjects'), keys: await count(t, 'od_subject_keys'), audit: await count(t, 'od_staff_audit') },
    afterCompany,
  );
});

test('the erasure of the representative or of the company drops the grant; a rebuild brings it back for nobody', async ({ t, runner, services, projections }) => {
  const maria = await logIn(t.services(), MARIA);
  const nikos = await logIn(t.services(), NIKOS);
  const ofMaria = await grantRepresentation(services, grantOf(), 'staff-1');
  const ofNikos = await grantRepresentation(services, grantOf({ representativeTaxid: NIKOS.taxid }), 'staff-1');
  const other = await grantRepresentation(services, grantOf({ companyTaxid: '094014250', companyName: 'ΑΛΛΗ Α.Ε.', representativeTaxid: NIKOS.taxid }), 'staff-1');
  await settled(t.store, runner);
  await eraseAccount(t.services(), maria.subjectId);
  await settled(t.store, runner);
  assert.is(await representationRecord(t.client, t.schema, ofMaria.representationId), null);
  assert.ok(await representationRecord(t.client, t.schema, ofNikos.representationId));
  assert.equal(await findInClear(t.client, t.schema, [MARIA.taxid]), []);
  await rebuildProjections(t.client, eventReaderFor(t.store), t.schema, projections);
  assert.is(await representationRecord(t.client, t.schema, ofMaria.representationId), null, 'after a rebuild');
  assert.ok(await representationRecord(t.client, t.schema, ofNikos.representationId));
  assert.ok(await representationRecord(t.client, t.schema, other.representationId));
  assert.is(nikos.subjectId, ofNikos.representativeSubjectId);
});

test.run();
