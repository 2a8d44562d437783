// GraphQL over HTTP: the names the site and journalists rely on, exact money, privacy, pagination, limits.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { kaeClasses } from '../../src/domain/index.ts';
import type { TestLedger } from '../support/ledger.ts';
import { PERSON_SECRET_NAME, SUPPLIER, appendAll, openTestLedger, smallAssets, smallYear } from '../support/ledger.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

const test = suite<{ ledger: TestLedger; server: TestServer }>('graphql');

test.before(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, [...smallYear(), ...smallAssets()]);
  context.server = await startTestServer(context.ledger);
});
test.after(async ({ ledger, server }) => {
  await server.close();
  await ledger.dispose();
});

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
const gql = async (server: TestServer, query: string, variables: Record<string, unknown> = {}): Promise<Gql> => {
  const response = await server.app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return response.json<Gql>();
};

test('budget(year) totals equal the sums of the rows, to the cent, as Decimal strings', async ({ server }) => {
  const { data, errors } = await gql(server, `{ budget(year: 2025) { year expense { initial adjustments final committed ordered paid } revenue { assessed collected }
    lines { kae title side final paid } } }`);
  assert.is(errors, undefined);
  const budget = data!.budget as { expense: Record<string, string>; revenue: Record<string, string>; lines: { kae: string; paid: string }[] };
  assert.equal(budget.expense, { initial: '150000.00', adjustments: '-5000.00', final: '145000.00', committed: '31200.00', ordered: '21200.00', paid: '18699.50' });
  assert.equal(budget.revenue, { assessed: '12000.00', collected: '11999.99' });
  assert.equal(budget.lines.map((l) => l.kae), ['20-6011.001', '30-7323.005', '0311']);
  assert.is((await gql(server, `{ budget(year: 1999) { year } }`)).data!.budget, null);
});

test('budgetLine, roll-ups with titles, and a line\'s own movements', async ({ server }) => {
  const { data } = await gql(server, `{ budgetLine(year: 2025, kae: "30.7323.005") { kae title final paid transactions(first: 2, type: PAYMENT) { totalCount edges { node { document amount } } } }
    budget(year: 2025) { rollup(by: CLASS) { side key title lines totals { paid } } } }`);
  const line = data!.budgetLine as { kae: string; paid: string; transactions: { totalCount: number; edges: { node: { document: string } }[] } };
  assert.is(line.kae, '30-7323.005');
  assert.is(line.paid, '17499.50');
  assert.is(line.transactions.totalCount, 1);
  assert.equal(line.transactions.edges.map((e) => e.node.document), ['Π-10']);
  const rollup = (data!.budget as { rollup: { key: string; title: string }[] }).rollup;
  assert.equal(rollup.map((r) => [r.key, r.title]), [['6', kaeClasses['6'].el], ['7', kaeClasses['7'].el], ['0', kaeClasses['0'].el]]);
  assert.ok(rollup.every((r) => r.title.length > 3));
});

test('transactions: Relay pagination, filters, and a budget line per node without N+1', async ({ server }) => {
  const first = await gql(server, `{ transactions(filter: { year: 2025 }, first: 5) { totalCount edges { cursor node { id type amount document budgetLine { title } } } pageInfo { hasNextPage endCursor } } }`);
  const connection = first.data!.transactions as { totalCount: number; edges: { node: { id: string; budgetLine: { title: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  assert.is(connection.totalCount, 13);
  assert.is(connection.edges.length, 5);
  assert.ok(connection.pageInfo.hasNextPage);
  assert.ok(connection.edges.every((e) => typeof e.node.budgetLine.title === 'string'));
  const rest = await gql(server, `query($after: String) { transactions(filter: { year: 2025 }, first: 500, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`, {
    after: connection.pageInfo.endCursor,
  });
  const ids = (rest.data!.transactions as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
  assert.is(ids.length, 8);
  assert.not.ok(ids.some((id) => connection.edges.some((e) => e.node.id === id)));
  const payments = await gql(server, `{ transactions(filter: { type: PAYMENT, afm: "${SUPPLIER.afm}" }) { edges { node { document counterparty { afm name naturalPerson } } } } }`);
  assert.equal((payments.data!.transactions as { edges: { node: { document: string } }[] }).edges.map((e) => e.node.document), ['Π-10']);
});

test('first is capped at 500 and a bad cursor or ΚΑΕ is a clear error', async ({ server }) => {
  const capped = await gql(server, `{ transactions(first: 100000) { edges { node { id } } } }`);
  assert.is((capped.data!.transactions as { edges: unknown[] }).edges.length, 13);
  const badCursor = await gql(server, `{ transactions(after: "nonsense") { edges { node { id } } } }`);
  assert.is(badCursor.errors?.[0]?.extensions?.code, 'OD_INVALID_CURSOR');
  const badKae = await gql(server, `{ transactions(filter: { kae: "ABC" }) { edges { node { id } } } }`);
  assert.is(badKae.errors?.[0]?.extensions?.code, 'OD_KAE_INVALID');
});

test('natural persons never appear: not in transactions, suppliers, assets, nor by their ΑΦΜ', async ({ server }) => {
  const { data } = await gql(server, `{ transactions(first: 500) { edges { node { counterparty { afm name naturalPerson } } } }
    suppliers { edges { node { afm name } } } assets { edges { node { holder { afm name naturalPerson } history { counterparty { name } } } } } }`);
  const text = JSON.stringify(data);
  assert.not.ok(text.includes(PERSON_SECRET_NAME));
  const people = (data!.transactions as { edges: { node: { counterparty: { naturalPerson: boolean; afm: string | null; name: string } | null } }[] }).edges
    .map((e) => e.node.counterparty)
    .filter((c) => c?.naturalPerson);
  assert.is(people.length, 3);
  assert.ok(people.every((c) => c!.afm === null && c!.name === 'φυσικό πρόσωπο'));
  assert.equal((data!.suppliers as { edges: { node: { afm: string } }[] }).edges.map((e) => e.node.afm), [SUPPLIER.afm]);
  assert.is((await gql(server, `{ supplier(afm: "000000000") { name } }`)).data!.supplier, null);
});

test('supplier, assets with location and history, imports, fiscal years', async ({ server }) => {
  const { data, errors } = await gql(server, `{ supplier(afm: "${SUPPLIER.afm}") { name paid years { year paid } }
    assets(filter: { search: "βιβλιοθηκη" }) { totalCount edges { node { id name status value location { lat lon } history { action } } } }
    imports { totalCount } fiscalYears }`);
  assert.is(errors, undefined);
  assert.equal(data!.supplier, { name: SUPPLIER.name, paid: '17499.50', years: [{ year: 2025, paid: '17499.50' }] });
  const asset = (data!.assets as { totalCount: number; edges: { node: unknown }[] });
  assert.is(asset.totalCount, 1);
  assert.equal(asset.edges[0]!.node, { id: 'A-001', name: 'Ιακωβάτειος Βιβλιοθήκη', status: 'LEASED', value: '850000.00', location: { lat: 38.2027, lon: 20.4385 }, history: [{ action: 'REGISTER' }, { action: 'LEASE' }] });
  assert.equal(data!.fiscalYears, [2025]);
});

test('GET /graphql works for queries; GraphiQL is off unless configured', async ({ server }) => {
  const response = await server.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('{ fiscalYears }')}` });
  assert.equal(response.json(), { data: { fiscalYears: [2025] } });
  assert.is((await server.app.inject({ method: 'GET', url: '/graphiql' })).statusCode, 404);
});

test('a query answers the same when run again, compiled (every type and resolver of the schema)', async ({ server }) => {
  // The server compiles a query after its first run (graphql-jit), which reads fields differently from
  // graphql-js: each answer must be identical across runs, with no error on any run.
  const query = `{
    budget(year: 2025) { year expense { initial paid } revenue { collected } lines(side: EXPENSE) { kae class group service title final }
      rollup(by: GROUP) { side key title lines totals { paid } } months { period paid movements } }
    budgetLine(year: 2025, kae: "30-7323.005") { kae paid transactions(first: 2) { totalCount edges { cursor node { document } } pageInfo { hasNextPage endCursor } } }
    transactions(filter: { year: 2025 }, first: 3, orderBy: AMOUNT_DESC) { totalCount edges { node { id position year date type side kae amount document ref ada description
      counterparty { afm name naturalPerson } budgetLine { title } } } pageInfo { hasNextPage } }
    supplier(afm: "${SUPPLIER.afm}") { name paid movements years { year paid } transactions(first: 1) { totalCount } }
    suppliers(first: 2) { totalCount edges { node { afm paid } } }
    assets(first: 3) { totalCount edges { node { id name value status location { lat lon } holder { name } history { action date value } } } }
    imports { totalCount edges { node { id } } }
    fiscalYears
  }`;
  const answers = [await gql(server, query), await gql(server, query), await gql(server, query)];
  for (const answer of answers) assert.is(answer.errors, undefined, JSON.stringify(answer.errors));
  const connection = answers[2]!.data!.transactions as { totalCount: number };
  assert.is(connection.totalCount, 13);
  assert.equal(answers[1], answers[0]);
  assert.equal(answers[2], answers[0]);
});

test('depth and cost limits refuse abusive queries before they run', async ({ server }) => {
  const costly = await gql(server, `{ suppliers(first: 500) { edges { node { transactions(first: 500) { edges { node { id amount document budgetLine { title } } } } } } } }`);
  assert.is(costly.errors?.[0]?.extensions?.code, 'OD_QUERY_TOO_COSTLY');
  assert.is(costly.data ?? null, null);
  const deep = await gql(server, `{ transactions { edges { node { budgetLine { transactions { edges { node { budgetLine { transactions { edges { node { id } } } } } } } } } } } }`);
  assert.ok(deep.errors?.some((e) => e.extensions?.code === 'OD_QUERY_TOO_DEEP'));
  const introspection = await gql(server, `{ __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } }`);
  assert.is(introspection.errors, undefined);
});

test.run();
