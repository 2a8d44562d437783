// The fixture roll of `npm start` (fixtures/lixouriDebts.ts): whatever day the site first starts, it goes in
// whole with its adjustments, and the stand-in's people find on that day a debtor with overdue debts, one in
// instalments and one still due, a company in two instalments, and a citizen who owes nothing; its ΚΑΕ are
// revenue lines of the fixture budget; the committed sample files are the generator's own output.
import { readFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { budgetOf } from '../../../fixtures/lixouriBudget.ts';
import { DEBT_KAE, DEBTORS, debtFixtureFiles, SAMPLE_DAY } from '../../../fixtures/lixouriDebts.ts';
import { createRandom } from '../../../fixtures/random.ts';
import { debtsOf } from '../../../src/projections/debts/index.ts';
import { errorsOf } from '../harness.ts';
import type { RollTest } from './roll.ts';
import { withBudget, withRoll } from './roll.ts';

const loadOn = async (t: RollTest, today: string): Promise<void> => {
  for (const file of debtFixtureFiles(today)) {
    const report = await t.importAs(file.kind, file.text, { fileName: file.name });
    assert.equal([report.accepted, errorsOf(report)], [true, []], `${file.name} on ${today}`);
    assert.is(report.imported, file.kind === 'debts' ? 5 : 2, `${file.name} on ${today}`);
  }
  await t.project();
};

const statusesOn = async (t: RollTest, taxid: string, today: string): Promise<string[]> =>
  (await debtsOf(t.client, t.schema, await t.subject(taxid), today)).map((d) => d.status).sort();

test('fixture roll: the committed files are what the generator writes for the sample day', async () => {
  for (const file of debtFixtureFiles(SAMPLE_DAY)) {
    assert.is(await readFile(new URL(`../../../fixtures/${file.name}`, import.meta.url), 'utf8'), file.text, file.name);
  }
  assert.ok(debtFixtureFiles(SAMPLE_DAY)[0].text.includes('Τέλη ύδρευσης Β΄ εξαμήνου 2025'));
});

test('fixture roll: every ΚΑΕ it uses is a revenue line of the fixture year\'s budget', () => {
  const revenue = new Set(budgetOf(createRandom(13)).filter((line) => line.side === 'revenue').map((line) => line.kae));
  for (const kae of Object.values(DEBT_KAE)) assert.ok(revenue.has(kae), kae);
});

// Days across the calendar: the sample day, a new year's first days, a water bill's due date itself, the
// middle of the year, the end of a short February, a day years ahead.
for (const today of [SAMPLE_DAY, '2027-01-02', '2026-03-31', '2026-07-01', '2028-02-29', '2031-08-15']) {
  test(
    `fixture roll loaded on ${today}: overdue, in instalments and due for the citizen, instalments for the company, nothing for the other`,
    withRoll(async (t) => {
      await loadOn(t, today);
      assert.equal(await statusesOn(t, DEBTORS.georgios.taxid, today), ['due', 'instalments', 'overdue', 'overdue']);
      assert.equal(await statusesOn(t, DEBTORS.company.taxid, today), ['instalments']);
      assert.equal(await statusesOn(t, DEBTORS.eleni.taxid, today), []);
      const georgios = await debtsOf(t.client, t.schema, await t.subject(DEBTORS.georgios.taxid), today);
      assert.ok(georgios.some((d) => d.reason.startsWith('Τέλη ύδρευσης') && d.reduced.toFixed(2) === '20.00' && d.surcharges.toFixed(2) === '4.21'), 'the older water bill, reduced');
      assert.equal(georgios.find((d) => d.reason === 'Πρόστιμο ΚΟΚ')?.plan?.map((i) => i.amount), ['20.00', '20.00', '20.00', '20.00']);
      const [harbour] = await debtsOf(t.client, t.schema, await t.subject(DEBTORS.company.taxid), today);
      assert.equal([harbour?.debtorKind, harbour?.plan?.map((i) => i.amount)], ['company', ['620.25', '620.25']]);
    }),
  );
}

test(
  'fixture roll loaded in the ledger\'s own year is checked against its budget, and goes in',
  withRoll(async (t) => {
    await withBudget(t);
    await loadOn(t, '2025-11-20');
    assert.equal(await statusesOn(t, DEBTORS.georgios.taxid, '2025-11-20'), ['due', 'instalments', 'overdue', 'overdue']);
  }),
);

/** The ```csv blocks of a section of fixtures/README.md, in order. */
const examplesOf = (readme: string, heading: string): string[] => {
  const start = readme.indexOf(`${heading}\n`);
  const section = readme.slice(start, readme.indexOf('\n## ', start + heading.length));
  return [...section.matchAll(/```csv\n([\s\S]*?)```/g)].map((match) => match[1]!);
};

test(
  'fixtures/README.md: the examples of both formats go in; the international style of each is the same rows again',
  withRoll(async (t) => {
    const readme = await readFile(new URL('../../../fixtures/README.md', import.meta.url), 'utf8');
    const [roll, rollEnglish] = examplesOf(readme, '## The debt roll CSV');
    const [adjustments, adjustmentsEnglish] = examplesOf(readme, '## The debt adjustments CSV');
    const outcomes = [];
    for (const [kind, text] of [['debts', roll], ['debts', rollEnglish], ['debt-adjustments', adjustments], ['debt-adjustments', adjustmentsEnglish]] as const) {
      const report = await t.importAs(kind, text!);
      outcomes.push([report.outcome, report.imported, report.duplicates, errorsOf(report)]);
    }
    assert.equal(outcomes, [
      ['imported', 3, 0, []],
      ['nothing_new', 0, 2, []],
      ['imported', 3, 0, []],
      ['nothing_new', 0, 2, []],
    ]);
  }),
);

test('fixture roll: a day that is not a day is refused', () => {
  assert.throws(() => debtFixtureFiles('2026-02-29'), RangeError);
  assert.throws(() => debtFixtureFiles('7/12/2026'), RangeError);
});

test.run();
