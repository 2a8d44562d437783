// An application's form checked against its service (issue 17 "Bad input"): each type's rule with el/en
// messages, values normalised (and kept as typed when wrong), and the fee from the rate table.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FieldDefinition, ServiceDefinition } from '../../../src/domain/applications/index.ts';
import { feeOf, validateFields, validateService } from '../../../src/domain/applications/index.ts';
import { afmWithCheckDigit } from '../../../src/domain/shared/codes/afm.ts';

const test = suite('applications: the form of a service, and its fee');

const b = (el: string, en: string) => ({ el, en });
const field = (name: string, type: FieldDefinition['type'], extra: Record<string, unknown> = {}) => ({ name, type, label: b(name, name), required: false, ...extra });

const service = (fields: readonly Record<string, unknown>[], fee: unknown = null): ServiceDefinition =>
  validateService(
    {
      code: 'test-service',
      title: b('Υπηρεσία', 'Service'),
      summary: b('Σύνοψη', 'Summary'),
      description: b('Περιγραφή', 'Description'),
      applicants: 'both',
      fields,
      fee,
      department: 'technical-services',
      deadlineDays: 20,
      decision: { kind: 'staff' },
      document: { title: b('Έγγραφο', 'Document'), body: b('{holder}', '{holder}') },
    },
    'test-service.yaml',
  );

/** Then: exactly these fields are in error, each with a Greek and an English message. */
const errorsOf = (s: ServiceDefinition, raw: Record<string, unknown>): string[] => {
  const { errors } = validateFields(s, raw);
  for (const e of errors) assert.ok(e.el.length > 0 && e.en.length > 0, `${e.field}: el and en`);
  return errors.map((e) => e.field);
};

const one = (type: FieldDefinition['type'], extra: Record<string, unknown> = {}) => service([field('x', type, { required: true, ...extra })]);
const valueOf = (s: ServiceDefinition, x: unknown): string | undefined => {
  const { values, errors } = validateFields(s, { x });
  assert.equal(errors, [], `no errors for ${String(x)}`);
  return values.x;
};

test('required fields must be given; optional empty ones are left out; unknown names are ignored', () => {
  const s = service([field('name', 'text', { required: true }), field('note', 'text')]);
  const missing = validateFields(s, { note: '', other: 'ignored' });
  assert.equal(missing.errors.map((e) => [e.field, e.en]), [['name', 'This field is required.']]);
  assert.is(missing.errors[0]?.el, 'Υποχρεωτικό πεδίο.');
  assert.equal(missing.values, {});
  assert.equal(errorsOf(s, { name: '   ' }), ['name'], 'blank is not an answer');
  assert.equal(errorsOf(s, { name: ['a'] }), ['name'], 'a list is not an answer');
  assert.equal(validateFields(s, { name: '  Γιώργος  ', other: 'x' }).values, { name: 'Γιώργος' });
});

test('text: trimmed, at most its max (500 by default), counted in characters not bytes', () => {
  const s = one('text', { max: 5 });
  assert.is(valueOf(s, 'Ληξού'), 'Ληξού');
  assert.equal(errorsOf(s, { x: 'Ληξούρι' }), ['x']);
  assert.equal(validateFields(s, { x: 'Ληξούρι' }).values, { x: 'Ληξούρι' }, 'kept as typed for the form');
  assert.equal(errorsOf(one('text'), { x: 'α'.repeat(501) }), ['x']);
  assert.is(valueOf(one('text'), 'α'.repeat(500))?.length, 500);
});

test('date: a real date, yyyy-mm-dd or as Greeks write it, kept as yyyy-mm-dd', () => {
  const s = one('date');
  assert.is(valueOf(s, '2026-12-07'), '2026-12-07');
  assert.is(valueOf(s, '7/12/2026'), '2026-12-07');
  assert.is(valueOf(s, '29.02.2028'), '2028-02-29');
  for (const bad of ['2026-02-29', '2026-13-01', '31/04/2026', '2026-1-7', 'αύριο', '12/07/26']) assert.equal(errorsOf(s, { x: bad }), ['x'], bad);
});

test('taxid: 9 digits with the ΑΦΜ check digit', () => {
  const s = one('taxid');
  const afm = afmWithCheckDigit('09401420');
  assert.is(valueOf(s, afm), afm);
  assert.is(valueOf(s, `${afm.slice(0, 3)} ${afm.slice(3, 6)} ${afm.slice(6)}`), afm, 'spaces removed');
  const wrong = `${afm.slice(0, 8)}${(Number(afm[8]) + 1) % 10}`;
  const { errors } = validateFields(s, { x: wrong });
  assert.match(errors[0]?.en ?? '', /check digit/);
  assert.match(errors[0]?.el ?? '', /ψηφίο ελέγχου/);
  for (const bad of ['12345678', '1234567890', '000000000', 'ΑΦΜ']) assert.equal(errorsOf(s, { x: bad }), ['x'], bad);
});

test('kaek: 12 digits, grouped or not, with an optional part after a slash as the Cadastre writes it', () => {
  const s = one('kaek');
  assert.is(valueOf(s, '050681526003'), '050681526003');
  assert.is(valueOf(s, '05 068 15 26003'), '050681526003');
  assert.is(valueOf(s, '050681526003/0/1'), '050681526003/0/1');
  assert.is(valueOf(s, '050681526003/0001'), '050681526003/0001');
  for (const bad of ['05068152600', '0506815260031', '050681526003/', '050681526003/ABCD', '050681526003/12345', '050681526003/0/1/2']) assert.equal(errorsOf(s, { x: bad }), ['x'], bad);
});

test('address: non-empty, spaces collapsed, at most 200 characters', () => {
  const s = one('address');
  assert.is(valueOf(s, 'Πλατεία   Πετριτσή 1,\n Ληξούρι'), 'Πλατεία Πετριτσή 1, Ληξούρι');
  assert.equal(errorsOf(s, { x: 'Ο'.repeat(201) }), ['x']);
  assert.equal(errorsOf(s, { x: '' }), ['x']);
});

test('choice: one of the values, not a label', () => {
  const s = one('choice', { choices: [{ value: 'a', label: b('Ζώνη Α', 'Zone A') }, { value: 'b', label: b('Ζώνη Β', 'Zone B') }] });
  assert.is(valueOf(s, 'b'), 'b');
  for (const bad of ['c', 'Ζώνη Α', 'A']) assert.equal(errorsOf(s, { x: bad }), ['x'], bad);
});

test('number: a decimal with a point or a Greek comma, within min and max', () => {
  const s = one('number', { min: 1, max: 500 });
  assert.is(valueOf(s, '12,5'), '12.5');
  assert.is(valueOf(s, '012.50'), '12.5');
  assert.is(valueOf(s, 500), '500', 'a JSON number');
  assert.is(valueOf(s, '1'), '1');
  const low = validateFields(s, { x: '0.5' }).errors[0];
  assert.equal([low?.el, low?.en], ['Τουλάχιστον 1.', 'At least 1.']);
  for (const bad of ['500.01', '-3', '1.000,50', '1e3', 'δώδεκα', 'Infinity']) assert.equal(errorsOf(s, { x: bad }), ['x'], bad);
});

test('point: "lat,long" within Greece', () => {
  const s = one('point');
  assert.is(valueOf(s, '38.2017, 20.4386'), '38.2017,20.4386');
  assert.is(valueOf(s, '38.20170,20.43860'), '38.2017,20.4386');
  assert.is(valueOf(s, '35.0 25'), '35,25');
  for (const bad of ['20.4386,38.2017', '48.85,2.35', '34.4,25', '38.2', 'Ληξούρι', '38,2017,20,4386']) assert.equal(errorsOf(s, { x: bad }), ['x'], bad);
});

test('debt: "<year>-<assessment>"', () => {
  const s = one('debt');
  assert.is(valueOf(s, '2026-2606018'), '2026-2606018');
  assert.is(valueOf(s, ' 2026 - 2606018 '), '2026-2606018');
  for (const bad of ['2606018', '26-2606018', '2026-', '2026-<script>']) assert.equal(errorsOf(s, { x: bad }), ['x'], bad);
});

const PERMIT_FIELDS = [
  field('zone', 'choice', { required: true, choices: [{ value: 'a', label: b('Α', 'A') }, { value: 'b', label: b('Β', 'B') }, { value: 'c', label: b('Γ', 'C') }] }),
  field('squareMetres', 'number', { required: true, min: 1, max: 500 }),
  field('from', 'date', { required: true }),
  field('to', 'date', { required: true }),
];
const RATES = { field: 'zone', areaField: 'squareMetres', fromField: 'from', toField: 'to', table: [{ choice: 'a', perSquareMetrePerDay: '0.50' }, { choice: 'b', perSquareMetrePerDay: '0.30' }, { choice: 'c', perSquareMetrePerDay: '0.125' }] };
const permit = service(PERMIT_FIELDS, { kae: '0461.001', rates: { ...RATES, minimum: '10.00' } });

const feeFor = (s: ServiceDefinition, raw: Record<string, unknown>): string | undefined => {
  const { values, errors } = validateFields(s, raw);
  assert.equal(errors, []);
  return feeOf(s, values)?.toFixed(2);
};

test('the fee: rate × square metres × days inclusive, at least the minimum, rounded to cents', () => {
  assert.is(feeFor(permit, { zone: 'a', squareMetres: '12', from: '2026-06-01', to: '2026-06-30' }), '180.00', '0.50 × 12 × 30');
  assert.is(feeFor(permit, { zone: 'b', squareMetres: '12,5', from: '2026-06-01', to: '2026-06-01' }), '10.00', '0.30 × 12.5 × 1 = 3.75, raised to the minimum');
  assert.is(feeFor(permit, { zone: 'c', squareMetres: '7', from: '2026-02-27', to: '2026-03-05' }), '10.00', '0.125 × 7 × 7 = 6.125, under the minimum');
  const noMinimum = service(PERMIT_FIELDS, { kae: '0461.001', rates: RATES });
  // 0.125 × 7 × 7 = 6.125: half up to 6.13 (over the end of February, 2026 not a leap year).
  assert.is(feeFor(noMinimum, { zone: 'c', squareMetres: '7', from: '2026-02-27', to: '2026-03-05' }), '6.13');
  assert.is(feeFor(noMinimum, { zone: 'b', squareMetres: '1.1', from: '2028-02-28', to: '2028-03-01' }), '0.99', '0.30 × 1.1 × 3 days (29 February 2028 counts)');
});

test('a fixed fee, or none', () => {
  assert.is(feeOf(service([], { kae: '0461.001', fixed: '15.5' }), {})?.toFixed(2), '15.50');
  assert.is(feeOf(service([]), {}), null);
});

test('a period ending before it starts is an error on the end date; feeOf refuses values not validated', () => {
  const { errors } = validateFields(permit, { zone: 'a', squareMetres: '10', from: '2026-06-10', to: '2026-06-09' });
  assert.equal(errors.map((e) => [e.field, e.en]), [['to', 'The end must be on or after the start.']]);
  assert.equal(errorsOf(permit, { zone: 'a', squareMetres: '10', from: '2026-06-10', to: '2026-06-10' }), []);
  assert.throws(() => feeOf(permit, { zone: 'a', squareMetres: '10', from: '2026-06-10' }), /validate the fields first/);
});

test.run();
