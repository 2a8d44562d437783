// The ΚΑΕ filter: a line without sub-code finds its sub-codes' movements too, unless only the line's own
// are asked for (a line's page); a sub-code finds only its own. Exports follow the order asked.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerEvent } from '../../src/domain/index.ts';
import { openTransactionPages } from '../../src/api/ledger/transactionPages.ts';
import { allProjections } from '../../src/contexts.ts';
import { listTransactions } from '../../src/projections/ledger/index.ts';
import { startProjections } from '../../src/projections/shared/runner.ts';
import type { TestLedger } from '../support/ledger.ts';
import { SUPPLIER, appendAll, openTestLedger } from '../support/ledger.ts';

const test = suite<{ ledger: TestLedger }>('ΚΑΕ filter and export order');

const line = (kae: string, document: string): LedgerEvent => ({
  type: 'BudgetLineEstablished',
  data: { year: 2025, kae, document, date: '2025-01-02', amount: '1000.00', ada: null, description: null, side: 'expense', title: `Γραμμή ${kae}` },
});
const commitment = (kae: string, document: string, amount: string): LedgerEvent => ({
  type: 'ExpenseCommitted',
  data: { year: 2025, kae, document, date: '2025-02-01', amount, ada: null, description: null, counterparty: SUPPLIER },
});

test.before(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, [
    line('20-6262', 'Π-1'),
    line('20-6262.001', 'Π-2'),
    commitment('20-6262', 'Δ-1', '10.00'),
    commitment('20-6262.001', 'Δ-2', '30.00'),
    commitment('20-6262', 'Δ-3', '20.00'),
  ]);
  const runner = await startProjections({ client: context.ledger.client, store: context.ledger.store, schema: context.ledger.schema, projections: allProjections });
  await runner.caughtUp;
  await runner.stop();
});
test.after(async ({ ledger }) => ledger.dispose());

const documents = async (ledger: TestLedger, filter: Parameters<typeof listTransactions>[2]['filter']) =>
  (await listTransactions(ledger.client, ledger.schema, { filter: { ...filter, type: 'COMMITMENT' }, orderBy: 'OLDEST' })).nodes.map((t) => t.document);

test('a line finds its sub-codes; its own page does not; a sub-code finds only itself', async ({ ledger }) => {
  assert.equal(await documents(ledger, { kae: '20-6262' }), ['Δ-1', 'Δ-2', 'Δ-3']);
  assert.equal(await documents(ledger, { kae: '20-6262', exactKae: true }), ['Δ-1', 'Δ-3']);
  assert.equal(await documents(ledger, { kae: '20.6262.001' }), ['Δ-2']);
});

test('an export walks every page in the order asked', async ({ ledger }) => {
  const collect = async (orderBy: 'AMOUNT_DESC' | 'OLDEST') => {
    const rows: string[] = [];
    for await (const page of await openTransactionPages(ledger.client, ledger.schema, { type: 'COMMITMENT' }, 2, orderBy)) rows.push(...page.map((t) => t.amount));
    return rows;
  };
  assert.equal(await collect('AMOUNT_DESC'), ['30.00', '20.00', '10.00']);
  assert.equal(await collect('OLDEST'), ['10.00', '30.00', '20.00']);
});

test.run();
