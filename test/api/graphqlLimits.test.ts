// GraphQL cost: what the database would do is priced before it runs. Aliases of root fields are capped,
// search and totalCount cost by the rows they read, a count nested under a list is paid once per item,
// and a refused query sends no SQL at all.
import { readFileSync } from 'node:fs';
import { Kind, buildSchema, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import type { FastifyInstance } from 'fastify';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildApp } from '../../src/api/app.ts';
import { schemaUrl } from '../../src/api/shared/graphql/schemaSource.ts';
import type { RowEstimates } from '../../src/api/shared/graphql/limits.ts';
import { MAX_COST, MAX_ROOT_FIELDS, NO_ROWS, ROWS_PER_COST, documentLimitErrors, measureOperation } from '../../src/api/shared/graphql/limits.ts';
import { trackRowEstimates } from '../../src/api/shared/graphql/rowEstimates.ts';
import type { SqlClient } from '../../src/eventstore/sql/client.ts';
import type { TestLedger } from '../support/ledger.ts';
import { appendAll, openTestLedger, smallAssets, smallYear } from '../support/ledger.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { apiContexts } from '../../src/contexts.ts';

const schema = buildSchema(readFileSync(schemaUrl, 'utf8'));
const costOf = (query: string, rows: RowEstimates = NO_ROWS): number => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(schema, operation, new Map(), rows)!.cost;
};
const codesOf = (query: string, rows: RowEstimates = NO_ROWS): string[] =>
  documentLimitErrors(schema, parse(query), rows).map((e) => String(e.extensions.code));
const rowsOf = (transactions: number): RowEstimates => ({ ...NO_ROWS, transactions });

/** The examples: N aliases of a full-text search with its count, one row each. */
const aliasedSearch = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: transactions(filter: { search: "α${i}" }, first: 1) { totalCount }`).join(' ')} }`;

const unit = suite('graphql cost model');

unit('the 1,000- and 300-alias searches are refused by the cost alone, on an empty ledger already', () => {
  for (const n of [1_000, 300]) {
    const query = aliasedSearch(n);
    assert.ok(Buffer.byteLength(query) > (n === 1_000 ? 60_000 : 15_000));
    assert.ok(costOf(query) > MAX_COST, `${n} aliases cost ${costOf(query)}`);
    assert.equal(codesOf(query).sort(), ['OD_QUERY_TOO_COSTLY', 'OD_QUERY_TOO_MANY_ROOT_FIELDS']);
  }
});

unit('at most 20 root fields, aliases and fragments included; introspection not counted', () => {
  const fields = (n: number) => Array.from({ length: n }, (_, i) => `y${i}: fiscalYears`).join(' ');
  assert.equal(codesOf(`{ ${fields(MAX_ROOT_FIELDS)} __typename }`), []);
  assert.equal(codesOf(`{ ${fields(MAX_ROOT_FIELDS + 1)} }`), ['OD_QUERY_TOO_MANY_ROOT_FIELDS']);
  assert.equal(codesOf(`query { ...F ${fields(MAX_ROOT_FIELDS - 1)} } fragment F on Query { a: fiscalYears b: fiscalYears }`), ['OD_QUERY_TOO_MANY_ROOT_FIELDS']);
});

unit('search and totalCount cost by the rows they read; an indexed page does not', () => {
  const million = rowsOf(1_000_000);
  const page = `{ transactions(filter: { year: 2025, kae: "20-6011" }, first: 50) { edges { node { id } } } }`;
  const searched = `{ transactions(filter: { search: "ασφαλτος" }, first: 1) { edges { node { id } } } }`;
  const counted = `{ transactions(filter: { year: 2025 }, first: 1) { totalCount } }`;
  // A page from an index costs the same on any ledger; a search or a count grows with it.
  assert.is(costOf(page, million), costOf(page));
  assert.ok(costOf(searched, million) >= 1_000_000 / ROWS_PER_COST);
  assert.ok(costOf(counted, million) >= 1_000_000 / ROWS_PER_COST);
  assert.ok(costOf(searched, million) > 10 * costOf(searched));
  // Sorting by amount, or filtering by type alone, reads the whole table too; type within a year does not.
  assert.ok(costOf(`{ transactions(orderBy: AMOUNT_DESC, first: 1) { edges { node { id } } } }`, million) >= 1_000_000 / ROWS_PER_COST);
  assert.ok(costOf(`{ transactions(filter: { type: BUDGET }, first: 1) { edges { node { id } } } }`, million) >= 1_000_000 / ROWS_PER_COST);
  assert.ok(costOf(`{ transactions(filter: { type: BUDGET, year: 2025 }, first: 1) { edges { node { id } } } }`, million) < 100);
  // A filter in a variable may hold a search: priced as one.
  assert.ok(costOf(`query($f: TransactionFilter) { transactions(filter: $f, first: 1) { edges { node { id } } } }`, million) >= 1_000_000 / ROWS_PER_COST);
  // Suppliers' search and count by the suppliers' rows.
  const suppliers = `{ suppliers(search: "α", first: 1) { totalCount } }`;
  assert.ok(costOf(suppliers, { ...NO_ROWS, suppliers: 200_000, supplierYears: 1_000_000 }) > 10 * costOf(suppliers));
});

unit('on a ledger of a million rows, three searches with their counts are too many; one is not', () => {
  const million = rowsOf(1_000_000);
  const search = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: transactions(filter: { search: "λέξη${i}" }, first: 10) { totalCount edges { node { id } } }`).join(' ')} }`;
  assert.equal(codesOf(search(1), million), []);
  assert.equal(codesOf(search(3), million), ['OD_QUERY_TOO_COSTLY']);
  assert.equal(codesOf(search(3)), []);
});

unit('a count nested under a list is paid once per item of the list', () => {
  const nested = (first: number) => `{ transactions(first: ${first}) { edges { node { budgetLine { transactions { totalCount } } } } } }`;
  // The 500-row page asking each row's line for its count: refused even on an empty ledger.
  assert.equal(codesOf(nested(500)), ['OD_QUERY_TOO_COSTLY']);
  assert.equal(codesOf(nested(50)), []);
  // The same page on the ledger, whose largest line has 200,000 movements.
  assert.equal(codesOf(nested(50), rowsOf(200_000)), ['OD_QUERY_TOO_COSTLY']);
  assert.ok(costOf(nested(100)) > 9 * costOf(nested(10)));
  // Every line of a budget counting its movements: 1,000 counts.
  assert.equal(codesOf(`{ budget(year: 2025) { lines { transactions(first: 1) { totalCount } } } }`), ['OD_QUERY_TOO_COSTLY']);
  // The page's own totalCount is paid once, not once per edge.
  const once = costOf(`{ transactions(first: 500) { totalCount } }`, rowsOf(1_000_000));
  assert.ok(once < MAX_COST && once >= 1_000_000 / ROWS_PER_COST, String(once));
});

unit('row estimates: counted, then every event since taken for one more transaction', async () => {
  let position = 100;
  let counts = 0;
  const client = {
    query: async () => {
      counts += 1;
      return [{ transactions: '40', suppliers: 3, supplierYears: '5', assets: 2, imports: 1 }];
    },
  } as unknown as SqlClient;
  const rows = await trackRowEstimates({ client, schema: 'any', position: () => position, refreshMs: 60_000 });
  assert.equal(rows.current(), { transactions: 40, suppliers: 3, supplierYears: 5, assets: 2, imports: 1 });
  position = 1_100;
  assert.is(rows.current().transactions, 1_040);
  assert.is(counts, 1, 'not counted again within the minute');
});

unit.run();

const test = suite<{ ledger: TestLedger; server: TestServer; app: FastifyInstance; sent: string[] }>('graphql cost over HTTP');

test.before(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, [...smallYear(), ...smallAssets()]);
  context.server = await startTestServer(context.ledger);
  // The app under test queries through a client that notes every statement it is sent.
  const sent: string[] = [];
  const inner = context.ledger.client;
  const client: SqlClient = { ...inner, query: (text, params, options) => (sent.push(text), inner.query(text, params, options)) };
  context.sent = sent;
  context.app = await buildApp({ api: apiContexts, store: context.ledger.store, client, schema: context.ledger.schema, changes: context.server.changes, settings: { rateLimitPerMinute: 0 } });
});
test.after(async ({ ledger, server, app }) => {
  await app.close();
  await server.close();
  await ledger.dispose();
});

type Gql = { data?: unknown; errors?: { message: string; extensions?: { code?: string; cost?: number } }[] };
const post = async (app: FastifyInstance, query: string) => {
  const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query } });
  return { status: response.statusCode, body: response.json<Gql>() };
};

test('the aliased searches are refused before they run: no statement reaches the database', async ({ app, sent }) => {
  for (const n of [1_000, 300]) {
    sent.length = 0;
    const { status, body } = await post(app, aliasedSearch(n));
    assert.is(status, 400);
    assert.is(body.data ?? null, null);
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    assert.ok(codes.includes('OD_QUERY_TOO_COSTLY') && codes.includes('OD_QUERY_TOO_MANY_ROOT_FIELDS'), JSON.stringify(codes));
    assert.ok(body.errors!.every((e) => /[α-ω]/.test(e.message) && / \/ [A-Z]/.test(e.message)), 'Greek, then English');
    assert.equal(sent, []);
  }
});

test('the heavy nested count is refused before it runs; a small page of it runs', async ({ app, sent }) => {
  sent.length = 0;
  const heavy = await post(app, `{ transactions(first: 500) { edges { node { budgetLine { transactions { totalCount } } } } } }`);
  assert.is(heavy.body.errors?.[0]?.extensions?.code, 'OD_QUERY_TOO_COSTLY');
  assert.ok((heavy.body.errors?.[0]?.extensions?.cost ?? 0) > MAX_COST);
  assert.equal(sent, []);
  const small = await post(app, `{ transactions(first: 2) { edges { node { budgetLine { transactions { totalCount } } } } } }`);
  assert.is(small.body.errors, undefined);
  assert.ok(sent.length > 0);
});

test('twenty root fields are accepted and answered', async ({ app }) => {
  const { body } = await post(app, `{ ${Array.from({ length: 20 }, (_, i) => `y${i}: fiscalYears`).join(' ')} }`);
  assert.is(body.errors, undefined);
  assert.equal((body.data as Record<string, number[]>).y19, [2025]);
});

test.run();
