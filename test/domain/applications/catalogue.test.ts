// The catalogue's validator (issue 17 item 1): a parsed service file becomes a ServiceDefinition, or is
// refused with a CatalogueError naming the file and the field, in Greek and English. Pure: no files.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CatalogueError } from '../../../src/domain/applications/index.ts';
import { isCatalogueError, validateService } from '../../../src/domain/applications/index.ts';

const test = suite('applications: the catalogue validator');

const FILE = 'config/services/public-space-permit.yaml';
const b = (el: string, en: string) => ({ el, en });

type Raw = Record<string, unknown>;

/** A valid service exercising every part: typed fields, an attachment, a rate fee, a staff decision. */
const permit = (): Raw => ({
  code: 'public-space-permit',
  title: b('Άδεια κατάληψης κοινόχρηστου χώρου', 'Permit to use public space'),
  summary: b('Άδεια', 'Permit'),
  description: b('Περιγραφή.\n\nΔεύτερη παράγραφος.', 'Description.\n\nSecond paragraph.'),
  applicants: 'both',
  fields: [
    { name: 'location', type: 'point', label: b('Σημείο', 'Point'), required: true },
    { name: 'zone', type: 'choice', label: b('Ζώνη', 'Zone'), required: true, choices: [{ value: 'a', label: b('Ζώνη Α', 'Zone A') }, { value: 'b', label: b('Ζώνη Β', 'Zone B') }] },
    { name: 'squareMetres', type: 'number', label: b('Εμβαδόν', 'Area'), required: true, min: 1, max: 500 },
    { name: 'from', type: 'date', label: b('Από', 'From'), required: true },
    { name: 'to', type: 'date', label: b('Έως', 'To'), required: true },
    { name: 'note', type: 'text', label: b('Σημείωση', 'Note'), help: b('Προαιρετικά', 'Optional'), required: false, max: 100 },
  ],
  attachments: [{ kind: 'sketch', label: b('Σκαρίφημα', 'Sketch'), required: false, maxBytes: 5_242_880, formats: ['pdf', 'jpeg', 'png'] }],
  fee: { kae: '0461.001', rates: { field: 'zone', areaField: 'squareMetres', fromField: 'from', toField: 'to', minimum: '10.00', table: [{ choice: 'a', perSquareMetrePerDay: 0.5 }, { choice: 'b', perSquareMetrePerDay: '0.30' }] } },
  department: 'technical-services',
  deadlineDays: 20,
  decision: { kind: 'staff' },
  document: { title: b('Άδεια', 'Permit'), body: b('Στον/στην {holder} ({taxid}), {squareMetres} τ.μ. από {from} έως {to}, {date}.', 'To {holder} ({taxid}), {squareMetres} m² from {from} to {to}, {date}.') },
});

/** Sets a value at a path like `fields[2].type` (undefined deletes it). */
const withAt = (raw: Raw, path: string, value: unknown): Raw => {
  const copy = structuredClone(raw);
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
};

const refusal = (raw: unknown, file = FILE): CatalogueError => {
  try {
    validateService(raw, file);
  } catch (error) {
    if (isCatalogueError(error)) return error;
    throw error;
  }
  return assert.unreachable('expected a CatalogueError') as never;
};

/** Then: refused, naming the file and this field, in both languages, the message carrying all four. */
const refuses = (raw: unknown, field: string, en?: RegExp): void => {
  const error = refusal(raw);
  assert.is(error.file, FILE);
  assert.is(error.field, field);
  assert.ok(error.el.length > 0 && error.en.length > 0, 'Greek and English');
  assert.is(error.message, `${FILE}: ${field}: ${error.el} / ${error.en}`);
  if (en) assert.match(error.en, en);
};

test('a valid file becomes the service, with defaults and decimal strings', () => {
  const s = validateService(permit(), FILE);
  assert.is(s.code, 'public-space-permit');
  assert.is(s.fields.length, 6);
  assert.equal(s.fields[1]?.choices?.map((c) => c.value), ['a', 'b']);
  assert.is(s.fields[2]?.min, 1);
  assert.is(s.fields[5]?.max, 100);
  assert.equal(s.fields[5]?.help, b('Προαιρετικά', 'Optional'));
  assert.not.ok('help' in (s.fields[0] ?? {}), 'no help key when none is given');
  assert.equal(s.attachments[0]?.formats, ['pdf', 'jpeg', 'png']);
  // YAML reads 0.50 as a number: kept as a decimal string, exactly.
  assert.equal(s.fee?.rates?.table, [{ choice: 'a', perSquareMetrePerDay: '0.5' }, { choice: 'b', perSquareMetrePerDay: '0.30' }]);
  assert.is(s.fee?.kae, '0461.001');
  assert.equal(s.decision, { kind: 'staff' });
  const minimal = validateService({ ...withAt(withAt(withAt(permit(), 'fields', undefined), 'attachments', undefined), 'fee', null), document: { title: b('Τ', 'T'), body: b('{holder}', '{holder}') } }, FILE);
  assert.equal([minimal.fields, minimal.attachments, minimal.fee], [[], [], null]);
});

test('the file must be a mapping, and unknown keys are refused (a typo is not ignored)', () => {
  refuses(null, '(file)');
  refuses(['code'], '(file)');
  refuses({ ...permit(), titel: b('x', 'x') }, 'titel', /unknown key/);
  refuses(withAt(permit(), 'fields[0].requried', true), 'fields[0].requried', /unknown key/);
});

test('missing and mistyped top-level fields are named', () => {
  for (const key of ['code', 'title', 'summary', 'description', 'applicants', 'department', 'deadlineDays', 'decision', 'document'])
    refuses(withAt(permit(), key, undefined), key, /missing/);
  refuses(withAt(permit(), 'title.en', undefined), 'title.en', /missing/);
  refuses(withAt(permit(), 'summary.el', '  '), 'summary.el', /non-empty/);
  refuses(withAt(permit(), 'title', 'Άδεια'), 'title', /mapping/);
  refuses(withAt(permit(), 'applicants', 'citizen'), 'applicants', /unknown value "citizen"/);
  refuses(withAt(permit(), 'fields', { name: 'x' }), 'fields', /list/);
});

test('the code is a slug and matches the file name', () => {
  refuses(withAt(permit(), 'code', 'Public_Space'), 'code', /lower-case/);
  refuses(withAt(permit(), 'code', 'no-debt-certificate'), 'code', /file name \(public-space-permit\.yaml\)/);
  assert.is(validateService(permit(), 'C:\\services\\public-space-permit.yml').code, 'public-space-permit');
});

test('fields: name, type, required, choices, bounds, duplicates', () => {
  refuses(withAt(permit(), 'fields[2].type', 'integer'), 'fields[2].type', /unknown value "integer"/);
  refuses(withAt(permit(), 'fields[0].name', 'Location'), 'fields[0].name', /lower-case letter/);
  refuses(withAt(permit(), 'fields[0].name', 'square-metres'), 'fields[0].name');
  refuses(withAt(permit(), 'fields[0].required', 'yes'), 'fields[0].required', /true or false/);
  refuses(withAt(permit(), 'fields[0].required', undefined), 'fields[0].required', /missing/);
  refuses(withAt(permit(), 'fields[1].choices', undefined), 'fields[1].choices', /at least one choice/);
  refuses(withAt(permit(), 'fields[1].choices', []), 'fields[1].choices', /at least one choice/);
  refuses(withAt(permit(), 'fields[1].choices[1].value', 'a'), 'fields[1].choices[1].value', /twice/);
  refuses(withAt(permit(), 'fields[1].choices[0].label', undefined), 'fields[1].choices[0].label', /missing/);
  refuses(withAt(permit(), 'fields[0].choices', [{ value: 'x', label: b('x', 'x') }]), 'fields[0].choices', /only a field of type choice/);
  refuses(withAt(permit(), 'fields[2].min', 'one'), 'fields[2].min', /number/);
  refuses(withAt(permit(), 'fields[2].min', 600), 'fields[2].max', /below the minimum/);
  refuses(withAt(permit(), 'fields[5].max', 0), 'fields[5].max', /positive integer/);
  refuses(withAt(permit(), 'fields[0].max', 3), 'fields[0].max', /only number fields/);
  refuses(withAt(permit(), 'fields[5].min', 3), 'fields[5].min', /only a maximum length/);
  refuses(withAt(permit(), 'fields[5].name', 'zone'), 'fields[5].name', /"zone" appears twice/);
});

test('attachments: kind, formats outside pdf/jpeg/png, size above 10 MB, duplicates', () => {
  refuses(withAt(permit(), 'attachments[0].formats', ['pdf', 'docx']), 'attachments[0].formats[1]', /unknown value "docx"/);
  refuses(withAt(permit(), 'attachments[0].formats', []), 'attachments[0].formats', /at least one format/);
  refuses(withAt(permit(), 'attachments[0].formats', ['pdf', 'pdf']), 'attachments[0].formats[1]', /twice/);
  refuses(withAt(permit(), 'attachments[0].maxBytes', 10 * 1024 * 1024 + 1), 'attachments[0].maxBytes', /10 MB/);
  assert.is(validateService(withAt(permit(), 'attachments[0].maxBytes', 10 * 1024 * 1024), FILE).attachments[0]?.maxBytes, 10_485_760);
  refuses(withAt(permit(), 'attachments[0].maxBytes', '5MB'), 'attachments[0].maxBytes', /positive integer/);
  refuses(withAt(permit(), 'attachments[0].kind', 'Tax Statement'), 'attachments[0].kind');
  const two = withAt(permit(), 'attachments[1]', structuredClone((permit().attachments as unknown[])[0]));
  refuses(two, 'attachments[1].kind', /twice/);
});

test('the fee: a revenue ΚΑΕ, fixed or rates, the rate field a choice field, every choice priced', () => {
  refuses(withAt(permit(), 'fee.kae', '6011'), 'fee.kae', /revenue/);
  refuses(withAt(permit(), 'fee.kae', 'abc'), 'fee.kae', /revenue/);
  refuses(withAt(permit(), 'fee.kae', 461.001), 'fee.kae', /in quotes/);
  refuses(withAt(permit(), 'fee.fixed', '5.00'), 'fee', /exactly one/);
  refuses(withAt(permit(), 'fee.rates', undefined), 'fee', /exactly one/);
  refuses(withAt(permit(), 'fee.rates.field', 'squareMetres'), 'fee.rates.field', /is number, the fee needs choice/);
  refuses(withAt(permit(), 'fee.rates.field', 'colour'), 'fee.rates.field', /no field "colour"/);
  refuses(withAt(permit(), 'fee.rates.areaField', 'zone'), 'fee.rates.areaField', /needs number/);
  refuses(withAt(permit(), 'fee.rates.toField', 'from'), 'fee.rates.toField', /different/);
  refuses(withAt(permit(), 'fields[2].required', false), 'fee.rates.areaField', /must be required/);
  refuses(withAt(permit(), 'fee.rates.table[1].choice', 'c'), 'fee.rates.table[1].choice', /not a choice of the field zone/);
  refuses(withAt(permit(), 'fee.rates.table', [{ choice: 'a', perSquareMetrePerDay: '0.50' }]), 'fee.rates.table', /no rate for the choice "b"/);
  refuses(withAt(permit(), 'fee.rates.table[1].perSquareMetrePerDay', '-0.30'), 'fee.rates.table[1].perSquareMetrePerDay', /per m² per day/);
  refuses(withAt(permit(), 'fee.rates.minimum', '10.005'), 'fee.rates.minimum', /two decimals/);
  const fixed = validateService(withAt(withAt(permit(), 'fee.rates', undefined), 'fee.fixed', 5), FILE);
  assert.equal(fixed.fee, { kae: '0461.001', fixed: '5' });
});

test('department a slug, deadlineDays a positive integer', () => {
  refuses(withAt(permit(), 'department', 'Technical Services'), 'department', /slug/);
  refuses(withAt(permit(), 'department', 'τεχνική'), 'department', /slug/);
  for (const days of [0, -3, 2.5, '20']) refuses(withAt(permit(), 'deadlineDays', days), 'deadlineDays', /positive integer/);
});

test('the decision: instant with a known rule, or staff', () => {
  refuses(withAt(permit(), 'decision', { kind: 'instant', rule: 'always' }), 'decision.rule', /unknown value "always"/);
  refuses(withAt(permit(), 'decision', { kind: 'instant' }), 'decision.rule', /missing/);
  refuses(withAt(permit(), 'decision', { kind: 'robot' }), 'decision.kind', /unknown value/);
  refuses(withAt(permit(), 'decision', { kind: 'staff', rule: 'no-debt' }), 'decision.rule', /only an instant/);
  refuses(withAt(permit(), 'decision', { kind: 'instant', rule: 'debt-paid' }), 'decision.rule', /field of type debt/);
  assert.equal(validateService(withAt(permit(), 'decision', { kind: 'instant', rule: 'no-debt' }), FILE).decision, { kind: 'instant', rule: 'no-debt' });
});

test('the document: title and body in both languages, placeholders only of its fields and holder/taxid/date', () => {
  refuses(withAt(permit(), 'document.body.en', 'To {holder} at {adress}.'), 'document.body.en', /unknown placeholder \{adress\}/);
  refuses(withAt(permit(), 'document.title', undefined), 'document.title', /missing/);
  refuses(withAt(permit(), 'document.body', b('κείμενο', '')), 'document.body.en', /non-empty/);
});

test.run();
