// The import's refusal catalogue: each code once, beside the domain's but for the three both levels share,
// each with texts in Greek and English, and factories that build the IngestError its table says.
import { readFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { domainRefusals } from '../../src/domain/index.ts';
import type { IngestError } from '../../src/ingest/errors.ts';
import { isIngestError } from '../../src/ingest/errors.ts';
import { ingestErrors } from '../../src/ingest/ingestErrors.ts';

// One example per code, typed by its factory: a code without an example, or a wrong one, fails to compile.
type Examples<C> = { readonly [K in keyof C]: C[K] extends (...params: infer A) => IngestError ? A : never };

const word = { raw: 'ίσως', allowed: ['yes|ναι', 'no|όχι'] } as const;

const examples: Examples<typeof ingestErrors> = {
  OD_FILE_EMPTY: [],
  OD_FILE_ENCODING: [{ line: 3, problem: 'binary' }],
  OD_CSV_MALFORMED: [{ line: 7, parserCode: 'CSV_QUOTE_NOT_CLOSED' }],
  OD_LINE_TOO_LONG: [{ line: 4, maxChars: 1_048_576 }],
  OD_HEADER_UNKNOWN: [{ column: 'ΦΠΑ' }],
  OD_HEADER_MISSING: [{ column: 'kae' }],
  OD_HEADER_DUPLICATE: [{ column: 'natural_person' }],
  OD_FIELD_COUNT: [{ expected: 12, found: 11 }],
  OD_VALUE_TOO_LONG: [{ column: 'description', length: 4001, maxLength: 4000 }],
  OD_VALUE_MISSING: [{ column: 'document' }],
  OD_DATE_INVALID: [{ column: 'date', raw: '31/02/2025' }],
  OD_AMOUNT_INVALID: [{ column: 'value', raw: '12.34.56' }],
  OD_NUMBER_INVALID: [{ column: 'lat', raw: '38°12′N' }],
  OD_TYPE_UNKNOWN: [{ column: 'type', ...word }],
  OD_ACTION_UNKNOWN: [{ column: 'action', ...word }],
  OD_BOOLEAN_INVALID: [{ column: 'natural_person', ...word }],
  OD_REF_INVALID: [{ raw: 'ΑΑΥ-12' }],
  OD_COORDINATES_INCOMPLETE: [{ column: 'lon' }],
  OD_IMPORT_CONFLICT: [],
};

const given = (params: readonly unknown[], key: 'column' | 'line'): unknown => {
  const [first] = params;
  return typeof first === 'object' && first !== null && key in first ? (first as Readonly<Record<string, unknown>>)[key] : undefined;
};

const everyRefusal = Object.entries(examples).map(([code, params]) => {
  const factory = ingestErrors[code as keyof typeof ingestErrors] as (...p: readonly unknown[]) => IngestError;
  return { code, params, error: factory(...params) };
});

/** Codes the import and the domain both use: the same mistake, refused at reading or at meaning (ingestErrors.ts says why). */
const SHARED_WITH_DOMAIN = ['OD_AMOUNT_INVALID', 'OD_DATE_INVALID', 'OD_REF_INVALID'];

test('each code once: an example for every code, and none the domain has but the three both levels share', () => {
  assert.equal(Object.keys(examples).sort(), Object.keys(ingestErrors).sort());
  assert.equal(Object.keys(ingestErrors).filter((code) => code in domainRefusals).sort(), SHARED_WITH_DOMAIN);
  for (const code of Object.keys(ingestErrors)) assert.match(code, /^OD_[A-Z0-9_]+$/);
});

test('every refusal has a Greek and an English text, with every parameter filled in', () => {
  for (const { code, error } of everyRefusal) {
    for (const text of [error.messageEl, error.messageEn]) {
      assert.ok(text.trim().length > 0, `${code}: a text`);
      assert.not.match(text, /undefined|NaN|\[object/, `${code}: ${text}`);
    }
    assert.match(error.messageEl, /[\u0370-\u03ff]/, `${code}: the Greek text is in Greek`);
    assert.ok(error.messageEl !== error.messageEn, `${code}: two languages`);
  }
});

test('a factory builds the IngestError its table says: code, column, line, status', () => {
  for (const { code, params, error } of everyRefusal) {
    const spec = ingestErrors[code as keyof typeof ingestErrors];
    assert.ok(isIngestError(error), code);
    assert.is(error.code, code);
    assert.is(spec.code, code);
    assert.is(error.message, `${code}: ${error.messageEn}`);
    assert.is(error.column, given(params, 'column') ?? spec.column, `${code}: column`);
    assert.is(error.line, given(params, 'line') ?? spec.line, `${code}: line`);
    assert.is(error.status, spec.status, `${code}: status`);
  }
});

test('lines: the header\'s refusals are line 1, the import\'s line 0, a row\'s its row\'s; a file\'s where it is refused', () => {
  const missing = ingestErrors.OD_HEADER_MISSING({ column: 'kae' });
  assert.equal([missing.code, missing.column, missing.line], ['OD_HEADER_MISSING', 'kae', 1]);
  assert.is(missing.messageEl, 'Λείπει η υποχρεωτική στήλη «kae»');
  assert.is(missing.messageEn, 'The required column "kae" is missing');
  const conflict = ingestErrors.OD_IMPORT_CONFLICT();
  assert.equal([conflict.line, conflict.column, conflict.status], [0, null, 409]);
  assert.is(ingestErrors.OD_VALUE_MISSING({ column: 'document' }).line, null);
  assert.is(ingestErrors.OD_FILE_EMPTY().line, 1);
  assert.is(ingestErrors.OD_CSV_MALFORMED({ line: 7, parserCode: 'CSV_INVALID_CLOSING_QUOTE' }).line, 7);
  assert.is(ingestErrors.OD_CSV_MALFORMED({ line: 7, parserCode: 'CSV_INVALID_CLOSING_QUOTE' }).messageEn, 'Malformed CSV (CSV_INVALID_CLOSING_QUOTE)');
  assert.is(ingestErrors.OD_DATE_INVALID.column, 'date');
  assert.is(ingestErrors.OD_FIELD_COUNT.status, 422);
});

test('fixtures/README.md lists the import\'s codes, each once, under «The import\'s (src/ingest)»', async () => {
  const readme = await readFile(new URL('../../fixtures/README.md', import.meta.url), 'utf8');
  const start = readme.indexOf("### The import's (src/ingest)");
  const end = readme.indexOf('\n### ', start + 1);
  assert.ok(start !== -1 && end !== -1, 'the section');
  const documented = [...readme.slice(start, end).matchAll(/^\| `(OD_[A-Z0-9_]+)` \|/gm)].map((match) => match[1]!);
  assert.equal([...documented].sort(), Object.keys(ingestErrors).sort());
});

// Never run: what must not compile, checked by `tsc`.
const _compileOnly = (): void => {
  // @ts-expect-error a parameter under a wrong name
  ingestErrors.OD_VALUE_MISSING({ colum: 'date' });
  // @ts-expect-error a parameter missing
  ingestErrors.OD_LINE_TOO_LONG({ line: 1 });
  // @ts-expect-error a problem the encoding refusal does not know
  ingestErrors.OD_FILE_ENCODING({ line: 1, problem: 'latin1' });
};

test.run();
