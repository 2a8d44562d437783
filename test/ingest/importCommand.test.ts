// `opendimos import`: exit status 0 imported or nothing new, 1 rejected, 2 usage errors; --json prints the
// report; messages in Greek, then English.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runImportCommand } from '../../src/cli/importCommand.ts';
import type { EventStore } from '../../src/eventstore/port.ts';
import { withLedger } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'opendimos-cli-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;τίτλος';
const good = write('good.csv', `${HEADER}\n02/01/2025;προϋπολογισμός;20-6641;10.000,00;ΠΥ-1;Καύσιμα\n`);
const bad = write('bad.csv', `${HEADER}\n31/02/2025;προϋπολογισμός;20-6641;10.000,00;ΠΥ-1;Καύσιμα\n03/01/2025;προϋπολογισμός;20-6643;5.000,00;ΠΥ-2;Θέρμανση\n`);
const assets = write('assets.csv', 'date;action;asset;category;name;lat;lon;value\n15/01/2025;register;ΑΚ-001;Κτίριο;Δημαρχείο;38.2021;20.4372;1850000.00\n');

const run = async (store: EventStore, ...args: string[]) => {
  const out = { stdout: '', stderr: '' };
  const code = await runImportCommand(args, {
    store,
    actor: 'cli-test',
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
  });
  return { code, ...out };
};

test(
  'cli: an imported file exits 0 with a summary in Greek and English; the same file again exits 0, nothing new',
  withLedger(async (store) => {
    const first = await run(store, good);
    assert.is(first.code, 0);
    assert.match(first.stdout, /εισήχθη \/ Import "[^"]*good\.csv": imported/);
    assert.match(first.stdout, /Γραμμές 1 · νέες 1/);
    assert.match(first.stdout, /Rows 1 · new 1/);
    const again = await run(store, good);
    assert.is(again.code, 0);
    assert.match(again.stdout, /nothing new/);
  }),
);

test(
  'cli: --json prints the report with exactly the documented fields',
  withLedger(async (store) => {
    const ok = await run(store, '--json', good);
    assert.is(ok.code, 0);
    const report = JSON.parse(ok.stdout) as Record<string, unknown>;
    assert.equal(Object.keys(report), ['accepted', 'rows', 'imported', 'duplicates', 'errors', 'importId', 'outcome']);
    assert.equal([report.accepted, report.rows, report.imported, report.duplicates, report.errors], [true, 1, 1, 0, []]);

    const refused = await run(store, bad, '--json');
    assert.is(refused.code, 1);
    const errors = (JSON.parse(refused.stdout) as { errors: Record<string, unknown>[] }).errors;
    assert.equal(errors.map((error) => Object.keys(error)), [['line', 'column', 'code', 'message_el', 'message_en']]);
    assert.equal([errors[0]!.line, errors[0]!.column, errors[0]!.code], [2, 'date', 'OD_DATE_INVALID']);
  }),
);

test(
  'cli: a rejected file exits 1 and lists the errors; --skip-invalid imports the rest and exits 0; --dry-run records nothing',
  withLedger(async (store) => {
    const rejected = await run(store, bad);
    assert.is(rejected.code, 1);
    assert.match(rejected.stdout, /απορρίφθηκε/);
    assert.match(rejected.stdout, /γραμμή\/line 2, στήλη\/column date \[OD_DATE_INVALID\]/);
    const head = await store.headPosition();
    const dry = await run(store, '--dry-run', bad);
    assert.is(dry.code, 1);
    assert.match(dry.stdout, /would be rejected/);
    assert.is(await store.headPosition(), head);
    const skipped = await run(store, '--skip-invalid', bad);
    assert.is(skipped.code, 0);
    assert.match(skipped.stdout, /good rows imported, bad rows skipped/);
  }),
);

test(
  'cli: --kind assets, also written --kind=assets',
  withLedger(async (store) => {
    assert.is((await run(store, '--kind', 'assets', assets)).code, 0);
    assert.is((await run(store, `--kind=assets`, assets, '--json')).code, 0);
    assert.is((await run(store, assets)).code, 1);
  }),
);

test(
  'cli: usage errors exit 2 with a message in Greek, then English, and change nothing',
  withLedger(async (store) => {
    const cases: [string[], RegExp][] = [
      [[], /Λείπει το αρχείο προς εισαγωγή\nThe file to import is missing/],
      [[good, bad], /Δίνεται ένα αρχείο τη φορά\nGive one file at a time/],
      [['--force', good], /Άγνωστη επιλογή «--force»\nUnknown option "--force"/],
      [['--kind', 'budget', good], /Το --kind θέλει ένα από: transactions, assets, debts, debt-adjustments, bank-statement \(δόθηκε «budget»\)\n--kind takes one of: transactions, assets, debts, debt-adjustments, bank-statement \(got "budget"\)/],
      [['--kind'], /δόθηκε «»/],
      [[join(dir, 'missing.csv')], /Δεν διαβάζεται το αρχείο .*ENOENT.*\nCannot read the file/],
      [[dir], /δεν είναι αρχείο\n.* is not a file/],
    ];
    for (const [args, message] of cases) {
      const result = await run(store, ...args);
      assert.is(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.match(result.stderr, /opendimos import FILE/);
      assert.is(result.stdout, '');
    }
    assert.is(await store.headPosition(), 0);
  }),
);

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
