// The citizen's account as an aggregate (issue 14 item 4): registered once, refused once erased, an e-mail
// link valid only while it is the newest and within its time, contact details checked before they are
// sealed, erasure refused while another context keeps something by law. Pure: no database.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CitizenEvent, CitizenState } from '../../../src/domain/identity/index.ts';
import {
  chooseLanguage,
  citizenStream,
  eraseCitizen,
  evolveCitizen,
  foldCitizen,
  identityDomain,
  noCitizen,
  normaliseEmail,
  normalisePhone,
  recordLogin,
  registerCitizen,
  removeEmail,
  requestEmail,
  setPhone,
  verifyEmail,
} from '../../../src/domain/identity/index.ts';
import { personalEventTypes } from '../../../src/domain/index.ts';
import { isDomainError } from '../../../src/domain/shared/errors.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('identity: the citizen aggregate');

const AT = '2026-03-01T10:00:00.000Z';
const registered: CitizenEvent = { type: 'CitizenRegistered', data: { subjectId: 's-1', kind: 'person', at: AT, sealed: 'v1.x.y' } };
const activeState = (): CitizenState => foldCitizen([registered]);
const withLink = (tokenHash = 'h1', expiresAt = '2026-03-02T10:00:00.000Z'): CitizenState =>
  foldCitizen([registered, { type: 'ContactEmailRequested', data: { subjectId: 's-1', at: AT, tokenHash, expiresAt, sealed: 'v1.a.b' } }]);
/** Continues from a state with the events a decider returned. */
const apply = (state: CitizenState, events: readonly CitizenEvent[]): CitizenState => events.reduce(evolveCitizen, state);

test('a new subject is registered once; a second registration is refused', () => {
  const events = registerCitizen(noCitizen, { subjectId: 's-1', kind: 'company', at: AT, sealed: 'v1.x.y' });
  assert.equal(events, [{ type: 'CitizenRegistered', data: { subjectId: 's-1', kind: 'company', at: AT, sealed: 'v1.x.y' } }]);
  const state = foldCitizen(events);
  assert.is(state.status, 'active');
  assert.is(state.kind, 'company');
  assert.is(state.language, 'el', 'Greek until chosen otherwise');
  expectDomainError(() => registerCitizen(state, { subjectId: 's-1', kind: 'person', at: AT, sealed: 'v1.x.y' }), 'OD_ACCOUNT_EXISTS');
});

test('a login records the changed details, or none', () => {
  assert.equal(recordLogin(activeState(), { at: AT, changedDetails: null }), [{ type: 'CitizenLoggedIn', data: { subjectId: 's-1', at: AT, sealed: null } }]);
  assert.equal(recordLogin(activeState(), { at: AT, changedDetails: 'v1.n.d' }), [{ type: 'CitizenLoggedIn', data: { subjectId: 's-1', at: AT, sealed: 'v1.n.d' } }]);
});

test('every command on an account never made is refused as unknown (404)', () => {
  const refusals: (() => unknown)[] = [
    () => recordLogin(noCitizen, { at: AT, changedDetails: null }),
    () => requestEmail(noCitizen, { at: AT, tokenHash: 'h', expiresAt: AT, sealed: 's' }),
    () => verifyEmail(noCitizen, { at: AT, tokenHash: 'h' }),
    () => removeEmail(noCitizen, { at: AT }),
    () => setPhone(noCitizen, { at: AT, sealed: null }),
    () => chooseLanguage(noCitizen, { at: AT, language: 'en' }),
    () => eraseCitizen(noCitizen, { at: AT, obstacles: [] }),
  ];
  for (const run of refusals) expectDomainError(run, 'OD_ACCOUNT_UNKNOWN');
});

test('after erasure every command is refused as erased (410), registering again too', () => {
  const erased = apply(activeState(), eraseCitizen(activeState(), { at: AT, obstacles: [] }));
  assert.is(erased.status, 'erased');
  const refusals: (() => unknown)[] = [
    () => recordLogin(erased, { at: AT, changedDetails: null }),
    () => requestEmail(erased, { at: AT, tokenHash: 'h', expiresAt: AT, sealed: 's' }),
    () => verifyEmail(erased, { at: AT, tokenHash: 'h' }),
    () => removeEmail(erased, { at: AT }),
    () => setPhone(erased, { at: AT, sealed: null }),
    () => chooseLanguage(erased, { at: AT, language: 'en' }),
    () => eraseCitizen(erased, { at: AT, obstacles: [] }),
  ];
  for (const run of refusals) expectDomainError(run, 'OD_ACCOUNT_ERASED');
  expectDomainError(() => registerCitizen(erased, { subjectId: 's-1', kind: 'person', at: AT, sealed: 'v1.x.y' }), 'OD_ACCOUNT_EXISTS');
});

test('the e-mail link: the newest token within its time is accepted, once', () => {
  const state = withLink('h1', '2026-03-02T10:00:00.000Z');
  const events = verifyEmail(state, { at: '2026-03-02T09:59:59.000Z', tokenHash: 'h1' });
  assert.equal(events, [{ type: 'ContactEmailVerified', data: { subjectId: 's-1', at: '2026-03-02T09:59:59.000Z', tokenHash: 'h1' } }]);
  const after = apply(state, events);
  expectDomainError(() => verifyEmail(after, { at: '2026-03-02T10:00:00.000Z', tokenHash: 'h1' }), 'OD_EMAIL_LINK_INVALID');
});

test('the e-mail link: a wrong token, an expired one, a replaced one, or none pending is refused', () => {
  const state = withLink('h1', '2026-03-02T10:00:00.000Z');
  expectDomainError(() => verifyEmail(state, { at: AT, tokenHash: 'h2' }), 'OD_EMAIL_LINK_INVALID');
  expectDomainError(() => verifyEmail(state, { at: '2026-03-02T10:00:00.001Z', tokenHash: 'h1' }), 'OD_EMAIL_LINK_INVALID');
  const replaced = apply(state, requestEmail(state, { at: AT, tokenHash: 'h2', expiresAt: '2026-03-02T11:00:00.000Z', sealed: 's2' }));
  expectDomainError(() => verifyEmail(replaced, { at: AT, tokenHash: 'h1' }), 'OD_EMAIL_LINK_INVALID');
  assert.is(verifyEmail(replaced, { at: AT, tokenHash: 'h2' }).length, 1, 'the newest link works');
  expectDomainError(() => verifyEmail(activeState(), { at: AT, tokenHash: 'h1' }), 'OD_EMAIL_LINK_INVALID');
  const removed = apply(state, removeEmail(state, { at: AT }));
  expectDomainError(() => verifyEmail(removed, { at: AT, tokenHash: 'h1' }), 'OD_EMAIL_LINK_INVALID');
});

test('the link refusal says why in Greek and English, with status 400', () => {
  try {
    verifyEmail(activeState(), { at: AT, tokenHash: 'h' });
    assert.unreachable('refused');
  } catch (error) {
    assert.ok(isDomainError(error));
    assert.is(error.status, 400);
    assert.match(error.messageEl, /σύνδεσμος/);
    assert.match(error.messageEn, /link/);
  }
});

test('language: Greek or English; choosing the current one records nothing; anything else is refused', () => {
  const state = activeState();
  assert.equal(chooseLanguage(state, { at: AT, language: 'el' }), []);
  const events = chooseLanguage(state, { at: AT, language: 'en' });
  assert.equal(events, [{ type: 'LanguageChosen', data: { subjectId: 's-1', at: AT, language: 'en' } }]);
  assert.is(apply(state, events).language, 'en');
  for (const language of ['fr', 'EN', '', 'el-GR']) expectDomainError(() => chooseLanguage(state, { at: AT, language }), 'OD_LANGUAGE_INVALID', 'language');
});

test('erasure: refused with every obstacle named in both languages, allowed with none', () => {
  const obstacles = [
    { el: 'οφειλή 120,00 € (ΤΑΠ 2025)', en: 'a debt of €120.00 (property duty 2025)' },
    { el: 'αίτηση σε εξέλιξη', en: 'an open application' },
  ];
  try {
    eraseCitizen(activeState(), { at: AT, obstacles });
    assert.unreachable('refused');
  } catch (error) {
    assert.ok(isDomainError(error));
    assert.is(error.code, 'OD_ERASURE_BLOCKED');
    assert.is(error.status, 409);
    for (const o of obstacles) {
      assert.match(error.messageEl, o.el);
      assert.match(error.messageEn, o.en);
    }
  }
  assert.equal(eraseCitizen(activeState(), { at: AT, obstacles: [] }), [{ type: 'CitizenErased', data: { subjectId: 's-1', at: AT } }]);
});

test('normaliseEmail: trimmed, domain in lower case, local part kept as given', () => {
  assert.is(normaliseEmail('  Maria.Papa@Example.GR \n'), 'Maria.Papa@example.gr');
  assert.is(normaliseEmail('m+notices@sub.dimos-lixouri.gr'), 'm+notices@sub.dimos-lixouri.gr');
});

test('normaliseEmail refuses what no mail can go to, or what could break a header', () => {
  const bad = [
    '',
    '   ',
    'maria',
    'maria@',
    '@example.gr',
    'maria@example',
    'maria@@example.gr',
    'maria @example.gr',
    'maria@exa mple.gr',
    'maria@example.gr\r\nBcc: x@y.gr',
    'maria@example.gr,other@example.gr',
    '<maria@example.gr>',
    'Maria <maria@example.gr>',
    'maria@-example.gr',
    'maria@example-.gr',
    'maria@example..gr',
    `${'a'.repeat(65)}@example.gr`,
    `a@${'b'.repeat(64)}.gr`,
    `${'a'.repeat(60)}@${Array.from({ length: 4 }, () => 'c'.repeat(60)).join('.')}.gr`,
  ];
  for (const text of bad) expectDomainError(() => normaliseEmail(text), 'OD_EMAIL_INVALID', 'email');
});

test('normalisePhone: Greek mobiles and landlines, with spaces, dashes or a country prefix, kept as +30…', () => {
  assert.is(normalisePhone('6971234567'), '+306971234567');
  assert.is(normalisePhone('697 123 4567'), '+306971234567');
  assert.is(normalisePhone('+30 697-123-4567'), '+306971234567');
  assert.is(normalisePhone('0030 26710 91234'), '+302671091234');
  assert.is(normalisePhone('(26710) 91234'), '+302671091234');
});

test('normalisePhone refuses numbers that are not Greek ten-digit numbers', () => {
  for (const text of ['', '12345', '697123456', '69712345678', '1971234567', '+44 20 7946 0958', '+3069712345', 'six nine seven', '697123456a', '306971234567'])
    expectDomainError(() => normalisePhone(text), 'OD_PHONE_INVALID', 'phone');
});

test('the streams are personal and named by the subject id alone', () => {
  assert.is(identityDomain.personal, true);
  for (const type of Object.keys(identityDomain.eventSchemas)) assert.ok(personalEventTypes.has(type), type);
  assert.not.ok(personalEventTypes.has('PaymentMade'));
  assert.is(citizenStream('0f8a'), 'citizen-0f8a');
});

test.run();
