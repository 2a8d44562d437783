// Legal representation as an aggregate (issue 14 item 1): what staff type is checked (ΑΦΜ check digits, a
// company is not its own representative, the texts, the days); the grant is refused when a company would
// represent, a person would be represented, or the same person holds a grant over the same days; a grant
// holds from its first to its last day unless revoked, once; only its own representative acts under it.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { GrantInput, GrantTerms, RepresentationEvent } from '../../../src/domain/identity/index.ts';
import {
  actingGrant,
  checkGrant,
  decideGrant,
  evolveRepresentation,
  foldRepresentation,
  grantEvent,
  grantHolds,
  identityDomain,
  noRepresentation,
  representationStream,
  revokeRepresentation,
  sealedParts,
} from '../../../src/domain/identity/index.ts';
import { personalEventTypes } from '../../../src/domain/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('identity: legal representation');

const TODAY = '2026-03-02';
const AT = '2026-03-02T08:00:00.000Z';
const COMPANY = '801234560';
const PERSON = '012481630';
const input: GrantInput = {
  companyTaxid: COMPANY,
  companyName: 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.',
  representativeTaxid: PERSON,
  basis: 'καταστατικό / ΓΕΜΗ',
  evidence: 'ΓΕΜΗ 123456789000, καταχώριση 2024-05-10',
  validFrom: '2026-01-01',
  validUntil: '',
};

const granted = (id: string, representative: string, validFrom: string, validUntil: string | null): RepresentationEvent => ({
  type: 'RepresentationGranted',
  data: { representationId: id, companySubjectId: 'co', representativeSubjectId: representative, validFrom, validUntil, grantedBy: 'staff:a', at: AT, sealed: 'v1.a.b', representativeSealed: 'v1.c.d' },
});
const terms = (over: Partial<GrantInput> = {}): GrantTerms => checkGrant({ ...input, ...over }, TODAY);
const decide = (events: readonly RepresentationEvent[], over: Partial<GrantInput> = {}, representative: string | null = 'p-1', kinds: { company?: 'person' | 'company' | null; representative?: 'person' | 'company' | null } = {}) =>
  decideGrant(foldRepresentation(events), { terms: terms(over), representativeSubjectId: representative, companyKind: kinds.company ?? null, representativeKind: kinds.representative ?? null });

test('what staff type is trimmed and normalised: spaces inside an ΑΦΜ, around texts; an empty end is "until revoked"', () => {
  const checked = checkGrant({ ...input, companyTaxid: ' 801 234 560 ', companyName: '  ΑΛΙΕΥΤΙΚΗ   ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε. ', validUntil: ' ' }, TODAY);
  assert.is(checked.companyTaxid, COMPANY);
  assert.is(checked.companyName, 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.');
  assert.is(checked.validUntil, null);
  assert.is(checkGrant({ ...input, validUntil: '2026-12-31' }, TODAY).validUntil, '2026-12-31');
});

test('ΑΦΜ with a wrong check digit, too few digits or all zeros are refused, naming which one', () => {
  for (const bad of ['801234561', '80123456', '000000000', 'ΑΒΓ123456', '']) {
    expectDomainError(() => checkGrant({ ...input, companyTaxid: bad }, TODAY), 'OD_COMPANY_TAXID_INVALID', 'companyTaxid');
    expectDomainError(() => checkGrant({ ...input, representativeTaxid: bad }, TODAY), 'OD_REPRESENTATIVE_TAXID_INVALID', 'representativeTaxid');
  }
});

test('a company is not its own representative', () => {
  expectDomainError(() => checkGrant({ ...input, representativeTaxid: ` ${COMPANY}` }, TODAY), 'OD_REPRESENTATION_SELF');
});

test('name, basis and evidence are required, bounded and free of control characters', () => {
  expectDomainError(() => checkGrant({ ...input, companyName: '   ' }, TODAY), 'OD_COMPANY_NAME_INVALID', 'companyName');
  expectDomainError(() => checkGrant({ ...input, companyName: 'Α'.repeat(201) }, TODAY), 'OD_COMPANY_NAME_INVALID');
  expectDomainError(() => checkGrant({ ...input, basis: '' }, TODAY), 'OD_REPRESENTATION_BASIS_INVALID', 'basis');
  expectDomainError(() => checkGrant({ ...input, evidence: 'ΓΕΜΗ\u0000' }, TODAY), 'OD_REPRESENTATION_EVIDENCE_INVALID', 'evidence');
  expectDomainError(() => checkGrant({ ...input, evidence: 'x'.repeat(301) }, TODAY), 'OD_REPRESENTATION_EVIDENCE_INVALID');
});

test('days: real calendar days, the end not before the start nor before today', () => {
  for (const bad of ['2026-02-30', '1.1.2026', '2026-1-1', '']) expectDomainError(() => checkGrant({ ...input, validFrom: bad }, TODAY), 'OD_REPRESENTATION_DATES_INVALID', 'validFrom');
  for (const bad of ['2025-12-31', '2026-03-01', '2026-13-01', 'αύριο']) expectDomainError(() => checkGrant({ ...input, validUntil: bad }, TODAY), 'OD_REPRESENTATION_DATES_INVALID', 'validUntil');
  assert.is(checkGrant({ ...input, validUntil: TODAY }, TODAY).validUntil, TODAY, 'a grant may end today');
});

test('a company cannot represent, and a person is not represented as a company', () => {
  expectDomainError(() => decide([], {}, 'p-1', { representative: 'company' }), 'OD_REPRESENTATIVE_IS_COMPANY', 'representativeTaxid');
  expectDomainError(() => decide([], {}, 'p-1', { company: 'person' }), 'OD_REPRESENTED_IS_PERSON', 'companyTaxid');
  decide([], {}, null, { company: 'company', representative: 'person' });
  decide([], {}, null);
});

test('no second grant of the same person over the same days; another person, or days apart, are fine', () => {
  const open = granted('r-1', 'p-1', '2026-01-01', null);
  expectDomainError(() => decide([open]), 'OD_REPRESENTATION_DUPLICATE');
  expectDomainError(() => decide([open], { validFrom: '2027-01-01' }), 'OD_REPRESENTATION_DUPLICATE', 'representativeTaxid');
  decide([open], {}, 'p-2');
  const bounded = granted('r-1', 'p-1', '2025-01-01', '2026-03-31');
  expectDomainError(() => decide([bounded], { validFrom: '2026-03-31' }), 'OD_REPRESENTATION_DUPLICATE');
  decide([bounded], { validFrom: '2026-04-01' });
  const revoked: RepresentationEvent = { type: 'RepresentationRevoked', data: { representationId: 'r-1', companySubjectId: 'co', representativeSubjectId: 'p-1', revokedBy: 'staff:a', at: AT } };
  decide([open, revoked]);
});

test('the grant event carries the days and the actor in the clear and the rest sealed; the parts split by whose they are', () => {
  const t = terms({ validUntil: '2026-12-31' });
  assert.equal(sealedParts(t), {
    company: { companyTaxid: COMPANY, companyName: input.companyName, basis: input.basis, evidence: input.evidence },
    representative: { representativeTaxid: PERSON },
  });
  const event = grantEvent({ terms: t, representationId: 'r-1', companySubjectId: 'co', representativeSubjectId: 'p-1', grantedBy: 'staff:a', at: AT, sealed: 'v1.a.b', representativeSealed: 'v1.c.d' });
  assert.equal(event, granted('r-1', 'p-1', '2026-01-01', '2026-12-31'));
  assert.not.match(JSON.stringify(event), COMPANY);
  assert.not.match(JSON.stringify(event), PERSON);
  assert.is(representationStream('co'), 'representation-co');
});

test('a revocation once; an unknown grant or a second revocation is refused', () => {
  const state = foldRepresentation([granted('r-1', 'p-1', '2026-01-01', null)]);
  const events = revokeRepresentation(state, { companySubjectId: 'co', representationId: 'r-1', revokedBy: 'staff:b', at: AT });
  assert.equal(events, [{ type: 'RepresentationRevoked', data: { representationId: 'r-1', companySubjectId: 'co', representativeSubjectId: 'p-1', revokedBy: 'staff:b', at: AT } }]);
  const after = events.reduce(evolveRepresentation, state);
  expectDomainError(() => revokeRepresentation(after, { companySubjectId: 'co', representationId: 'r-1', revokedBy: 'staff:b', at: AT }), 'OD_REPRESENTATION_ALREADY_REVOKED');
  expectDomainError(() => revokeRepresentation(noRepresentation, { companySubjectId: 'co', representationId: 'r-9', revokedBy: 'staff:b', at: AT }), 'OD_REPRESENTATION_UNKNOWN');
});

test('a grant holds from its first to its last day, not revoked; only its own representative acts under it', () => {
  const [grant] = foldRepresentation([granted('r-1', 'p-1', '2026-03-02', '2026-03-31')]).grants;
  assert.ok(grant);
  assert.not.ok(grantHolds(grant, '2026-03-01'));
  assert.ok(grantHolds(grant, '2026-03-02'));
  assert.ok(grantHolds(grant, '2026-03-31'));
  assert.not.ok(grantHolds(grant, '2026-04-01'));
  const state = foldRepresentation([granted('r-1', 'p-1', '2026-03-02', '2026-03-31')]);
  assert.is(actingGrant(state, { representationId: 'r-1', representativeSubjectId: 'p-1', today: '2026-03-10' }).representationId, 'r-1');
  expectDomainError(() => actingGrant(state, { representationId: 'r-1', representativeSubjectId: 'p-2', today: '2026-03-10' }), 'OD_REPRESENTATION_NOT_ACTIVE');
  expectDomainError(() => actingGrant(state, { representationId: 'r-1', representativeSubjectId: 'p-1', today: '2026-04-01' }), 'OD_REPRESENTATION_NOT_ACTIVE');
  const revoked = evolveRepresentation(state, { type: 'RepresentationRevoked', data: { representationId: 'r-1', companySubjectId: 'co', representativeSubjectId: 'p-1', revokedBy: 'staff:a', at: AT } });
  expectDomainError(() => actingGrant(revoked, { representationId: 'r-1', representativeSubjectId: 'p-1', today: '2026-03-10' }), 'OD_REPRESENTATION_NOT_ACTIVE');
});

test('the representation events are personal and versioned', () => {
  for (const type of ['RepresentationGranted', 'RepresentationRevoked'] as const) {
    assert.ok(personalEventTypes.has(type), type);
    assert.is(identityDomain.eventSchemas[type].version, 1);
  }
});

test.run();
