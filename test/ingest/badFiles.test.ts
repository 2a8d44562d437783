// Every file in fixtures/bad is refused with exactly the errors fixtures/bad/expected.json lists for it.
// Each file sets up what it needs, so all are checked against one empty ledger, in dry runs.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { errorsOf, importBytes, withLedger } from './harness.ts';

interface Expected {
  readonly kind: 'transactions' | 'assets';
  readonly errors: readonly { readonly line: number; readonly column: string | null; readonly code: string }[];
}

const BAD = new URL('../../fixtures/bad/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', BAD), 'utf8')) as Record<string, Expected>;

test('bad files: there is one per way of being refused, and each says what it must produce', () => {
  assert.ok(Object.keys(expected).length >= 40);
  for (const { errors } of Object.values(expected)) assert.ok(errors.length > 0);
});

test(
  'bad files: each is refused with exactly its expected errors, in Greek and English',
  withLedger(async (store) => {
    for (const [name, { kind, errors }] of Object.entries(expected)) {
      const report = await importBytes(store, readFileSync(new URL(name, BAD)), { kind, dryRun: true, fileName: name });
      assert.is(report.accepted, false, name);
      assert.equal(errorsOf(report), errors.map((error) => `${error.line}:${error.column ?? ''}:${error.code}`), name);
      for (const error of report.errors) assert.ok(error.message_el.trim() !== '' && error.message_en.trim() !== '', `${name}: ${error.code}`);
    }
    assert.is(await store.headPosition(), 0);
  }),
);

test.run();
