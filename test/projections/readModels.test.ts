// Read models built from a hand-checked year: totals to the cent, privacy of natural persons, search.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { allProjections } from '../../src/contexts.ts';
import { assetById, assetHistory } from '../../src/projections/assets/index.ts';
import { budgetLine, budgetRollup, budgetTotals, dailyTotals, listTransactions, monthlyTotals } from '../../src/projections/ledger/index.ts';
import { listSuppliers, supplierByAfm } from '../../src/projections/suppliers/index.ts';
import { startProjections } from '../../src/projections/shared/runner.ts';
import type { TestLedger } from '../support/ledger.ts';
import { PERSON_SECRET_NAME, SUPPLIER, appendAll, openTestLedger, smallAssets, smallYear } from '../support/ledger.ts';

const test = suite<{ ledger: TestLedger }>('read models');

test.before(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, [...smallYear(), ...smallAssets()]);
  const runner = await startProjections({ client: context.ledger.client, store: context.ledger.store, schema: context.ledger.schema, projections: allProjections });
  await runner.caughtUp;
  await runner.stop();
});
test.after(async ({ ledger }) => ledger.dispose());

test('budget execution per line, to the cent, with amendments and a partial reversal of a payment', async ({ ledger }) => {
  const roads = await budgetLine(ledger.client, ledger.schema, 2025, '30-7323.005');
  assert.equal(
    [roads?.title, roads?.side, roads?.initial, roads?.amendments, roads?.final, roads?.committed, roads?.ordered, roads?.paid],
    ['Ασφαλτοστρώσεις δρόμων', 'EXPENSE', '50000.00', '-5000.00', '45000.00', '30000.00', '20000.00', '17499.50'],
  );
  const rents = await budgetLine(ledger.client, ledger.schema, 2025, '0311');
  assert.equal([rents?.side, rents?.assessed, rents?.collected, rents?.service], ['REVENUE', '12000.00', '11999.99', null]);
  assert.is(await budgetLine(ledger.client, ledger.schema, 2024, '0311'), null);
});

test('totals by side and roll-ups by class and service add up to the lines', async ({ ledger }) => {
  const totals = await budgetTotals(ledger.client, ledger.schema, 2025);
  assert.equal(totals.EXPENSE, {
    initial: '150000.00', amendments: '-5000.00', final: '145000.00', committed: '31200.00', ordered: '21200.00', paid: '18699.50', assessed: '0.00', collected: '0.00',
  });
  assert.is(totals.REVENUE.collected, '11999.99');
  const byClass = await budgetRollup(ledger.client, ledger.schema, 2025, 'class');
  assert.equal(byClass.map((r) => [r.side, r.key, r.lines, r.paid]), [['EXPENSE', '6', 1, '1200.00'], ['EXPENSE', '7', 1, '17499.50'], ['REVENUE', '0', 1, '0.00']]);
  const byService = await budgetRollup(ledger.client, ledger.schema, 2025, 'service');
  assert.equal(byService.filter((r) => r.side === 'EXPENSE').map((r) => [r.key, r.final]), [['20', '100000.00'], ['30', '45000.00']]);
});

test('daily and monthly totals follow the dates of the documents; a reversal counts on its own date', async ({ ledger }) => {
  const days = await dailyTotals(ledger.client, ledger.schema, '2025-04-15', '2025-04-20');
  assert.equal(days.map((d) => [d.period, d.paid]), [['2025-04-15', '20000.00'], ['2025-04-20', '-2500.50']]);
  const april = (await monthlyTotals(ledger.client, ledger.schema, 2025)).find((m) => m.period === '2025-04');
  assert.equal([april?.committed, april?.ordered, april?.paid, april?.movements], ['1200.00', '21200.00', '18699.50', 6]);
});

test('a natural person is never shown by name or ΑΦΜ, only as «φυσικό πρόσωπο»', async ({ ledger }) => {
  const page = await listTransactions(ledger.client, ledger.schema, { filter: { kae: '20-6011.001', type: 'PAYMENT' } });
  assert.is(page.nodes.length, 1);
  assert.equal(page.nodes[0]!.counterparty, { afm: null, name: 'φυσικό πρόσωπο', naturalPerson: true });
  const everything = await ledger.client.query<{ row: string }>(`SELECT t::text AS row FROM "${ledger.schema}".od_transactions t`);
  for (const { row } of everything) assert.not.ok(row.includes(PERSON_SECRET_NAME));
  const suppliers = await listSuppliers(ledger.client, ledger.schema, {});
  assert.equal(suppliers.nodes.map((s) => s.afm), [SUPPLIER.afm]);
  const asset = await assetById(ledger.client, ledger.schema, 'A-001');
  assert.equal(asset?.holder, { afm: null, name: 'φυσικό πρόσωπο', naturalPerson: true });
});

test('suppliers: what was committed, ordered and paid, with the reversal charged back to the supplier', async ({ ledger }) => {
  const supplier = await supplierByAfm(ledger.client, ledger.schema, SUPPLIER.afm);
  assert.equal([supplier?.name, supplier?.committed, supplier?.ordered, supplier?.paid, supplier?.movements], [SUPPLIER.name, '30000.00', '20000.00', '17499.50', 4]);
  assert.is(await supplierByAfm(ledger.client, ledger.schema, '000000000'), null);
  assert.is((await listSuppliers(ledger.client, ledger.schema, { year: 2024 })).nodes.length, 0);
});

test('search ignores accents and case, and finds movements by their line title', async ({ ledger }) => {
  const byDescription = await listTransactions(ledger.client, ledger.schema, { filter: { search: 'ΠΕΤΡΙΤΣΗ' } });
  assert.equal(byDescription.nodes.map((t) => t.document), ['Δ-1']);
  const byTitle = await listTransactions(ledger.client, ledger.schema, { filter: { search: 'ασφαλτοστρωσεις' } });
  assert.equal(byTitle.nodes.map((t) => t.document).sort(), ['Α-1', 'Δ-1', 'Ε-1', 'Π-10', 'Π-2', 'Ρ-1'].sort());
  assert.is((await listTransactions(ledger.client, ledger.schema, { filter: { search: '!!!' } })).nodes.length, 0);
});

test('pagination: cursors walk every transaction once in each order, totalCount counts the filter', async ({ ledger }) => {
  for (const orderBy of ['NEWEST', 'OLDEST', 'DATE_DESC', 'DATE_ASC', 'AMOUNT_DESC', 'AMOUNT_ASC'] as const) {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await listTransactions(ledger.client, ledger.schema, { first: 4, after, orderBy });
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.hasNextPage) break;
      after = page.cursors[page.cursors.length - 1]!;
    }
    assert.is(seen.length, 13, orderBy);
    assert.is(new Set(seen).size, 13, orderBy);
  }
  const amounts = (await listTransactions(ledger.client, ledger.schema, { orderBy: 'AMOUNT_DESC', first: 3 })).nodes.map((n) => n.amount);
  assert.equal(amounts, ['100000.00', '80000.00', '50000.00']);
  const page = await listTransactions(ledger.client, ledger.schema, { filter: { year: 2025, type: 'PAYMENT' }, first: 1 });
  assert.is(await page.totalCount(), 2);
});

test('assets: current state and history', async ({ ledger }) => {
  const asset = await assetById(ledger.client, ledger.schema, 'A-001');
  assert.equal([asset?.status, asset?.value, asset?.amount, asset?.lat, asset?.kaek], ['LEASED', '850000.00', '3600.00', 38.2027, '050220803001']);
  assert.equal((await assetHistory(ledger.client, ledger.schema, 'A-001')).map((h) => h.action), ['REGISTER', 'LEASE']);
});

test.run();
