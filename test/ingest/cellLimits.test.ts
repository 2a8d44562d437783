// Cells and records have a longest length: an over-long cell is a row error on its line (the rest of the
// file may go in with --skip-invalid); a record past the parser's limit refuses the file where it starts,
// without holding the whole of it in memory.
import { readFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { afmWithCheckDigit } from '../../src/domain/index.ts';
import { assetsImport } from '../../src/ingest/assets/index.ts';
import { matchHeader, NAME_CHARS, TEXT_CHARS } from '../../src/ingest/headers.ts';
import { MAX_RECORD_CHARS } from '../../src/ingest/readRecords.ts';
import { transactionsImport } from '../../src/ingest/transactions/index.ts';
import { errorsOf, importBytes, withLedger } from './harness.ts';

const AFM = afmWithCheckDigit('09401420');
const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία';
const BUDGET = '02/01/2025;προϋπολογισμός;20-6641;10.000,00;ΠΥ-1;;;;;;Προμήθεια καυσίμων;';
const commitment = (document: string, description: string, name = 'ΠΕΤΡΕΛΑΙΟΕΙΔΗ ΠΑΛΙΚΗΣ Ε.Π.Ε.') =>
  `10/01/2025;δέσμευση;20-6641;100,00;${document};;${AFM};${name};όχι;;;"${description}"`;
const file = (...rows: string[]): string => `${[HEADER, ...rows].join('\n')}\n`;

test(
  'cell limits: a description one character too long is a row error on its line, in Greek and English',
  withLedger(async (store) => {
    const longest = 'α'.repeat(TEXT_CHARS);
    const report = await importBytes(store, file(BUDGET, commitment('ΑΑΥ-1', longest), commitment('ΑΑΥ-2', `${longest}β`)));
    assert.is(report.outcome, 'rejected');
    assert.equal(errorsOf(report), ['4:description:OD_VALUE_TOO_LONG']);
    const [error] = report.errors;
    assert.is(error!.message_el, 'Η τιμή της στήλης «description» έχει 4.001 χαρακτήρες· επιτρέπονται έως 4.000');
    assert.is(error!.message_en, 'The value of column "description" has 4,001 characters; at most 4,000 are allowed');
  }),
);

test(
  'cell limits: with --skip-invalid the other rows go in; spaces around a cell do not count',
  withLedger(async (store) => {
    const padded = `   ${'α'.repeat(TEXT_CHARS)}   `;
    const report = await importBytes(store, file(BUDGET, commitment('ΑΑΥ-1', padded), commitment('ΑΑΥ-2', 'Καύσιμα', 'Ε'.repeat(NAME_CHARS + 1))), { skipInvalid: true });
    assert.is(report.outcome, 'partial');
    assert.is(report.imported, 2, 'the budget row and the padded description');
    assert.equal(errorsOf(report), ['4:name:OD_VALUE_TOO_LONG']);
  }),
);

test(
  'record limit: a line past the parser\'s limit refuses the file at its line, even with --skip-invalid',
  withLedger(async (store) => {
    const huge = commitment('ΑΑΥ-2', 'χ'.repeat(MAX_RECORD_CHARS + 10));
    const report = await importBytes(store, file(BUDGET, commitment('ΑΑΥ-1', 'Καύσιμα'), huge, commitment('ΑΑΥ-3', 'Καύσιμα')), { skipInvalid: true });
    assert.is(report.outcome, 'rejected');
    assert.is(report.imported, 0);
    assert.equal(errorsOf(report), ['4::OD_LINE_TOO_LONG']);
    assert.match(report.errors[0]!.message_en, '1,048,576 characters');
  }),
);

test(
  'record limit: a header line that never ends refuses the file at line 1',
  withLedger(async (store) => {
    const report = await importBytes(store, `${HEADER};${'x'.repeat(MAX_RECORD_CHARS + 10)}`);
    assert.is(report.outcome, 'rejected');
    assert.equal(errorsOf(report), ['1::OD_LINE_TOO_LONG']);
  }),
);

test('cell limits: fixtures/README.md gives each column of both formats the limit the import applies', async () => {
  const readme = await readFile(new URL('../../fixtures/README.md', import.meta.url), 'utf8');
  const documented = new Map<string, number>();
  for (const [, chars, columns] of readme.matchAll(/^ *\| ([\d,]+) \| (`.*`) \|$/gm)) {
    for (const [, column] of columns!.matchAll(/`(\w+)`/g)) documented.set(column!, Number(chars!.replace(',', '')));
  }
  const transactions = 'date;type;kae;amount;document;ref;afm;name;natural_person;ada;title;description';
  const assets = 'date;action;asset;category;name;kaek;address;lat;lon;value;afm;counterparty_name;natural_person;amount;ada;description';
  const applied = [
    ...matchHeader(transactions.split(';'), transactionsImport.columns).header.limits,
    ...matchHeader(assets.split(';'), assetsImport.columns).header.limits,
  ];
  for (const { column, maxLength } of applied) assert.is(documented.get(column), maxLength, column);
  assert.is(documented.size, new Set(applied.map((limit) => limit.column)).size, 'no column documented that the formats do not have');
});

test.run();
