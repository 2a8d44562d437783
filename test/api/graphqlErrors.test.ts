// Errors say what the client did wrong, with a code, in Greek and English — never what went wrong inside
// (a parser's stack, a database's words): that stays in the log.
import type { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildApp } from '../../src/api/app.ts';
import { formatGraphqlErrors } from '../../src/api/shared/graphql/errorFormatter.ts';
import { toApiError } from '../../src/api/shared/errors.ts';
import type { SqlClient } from '../../src/eventstore/sql/client.ts';
import type { TestLedger } from '../support/ledger.ts';
import { appendAll, openTestLedger, smallYear } from '../support/ledger.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { apiContexts } from '../../src/contexts.ts';

const SECRET = 'relation "od_secret_table" does not exist';

const test = suite<{ ledger: TestLedger; server: TestServer; app: FastifyInstance }>('graphql and REST error texts');

test.before(async (context) => {
  context.ledger = await openTestLedger();
  await appendAll(context.ledger.store, smallYear());
  context.server = await startTestServer(context.ledger);
  // Asset lookups fail inside, as a broken database would: the client must not read why.
  const inner = context.ledger.client;
  const client: SqlClient = {
    ...inner,
    query: (text, params, options) => (text.includes('od_assets') && text.includes('WHERE asset = $1') ? Promise.reject(new Error(SECRET)) : inner.query(text, params, options)),
  };
  context.app = await buildApp({ api: apiContexts, store: context.ledger.store, client, schema: context.ledger.schema, changes: context.server.changes, settings: { rateLimitPerMinute: 0 } });
});
test.after(async ({ ledger, server, app }) => {
  await app.close();
  await server.close();
  await ledger.dispose();
});

type Gql = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

/** Greek first, then English, and a code. */
const assertSaid = (error: { message: string; extensions?: { code?: string } } | undefined, code: string) => {
  assert.is(error?.extensions?.code, code, JSON.stringify(error));
  assert.match(error!.message, /^[Α-ΩΆ-Ώα-ωά-ώ]/);
  assert.match(error!.message, / \/ [A-Z]/);
};

test('a query that is not GraphQL text is refused with a code, not a stack trace', async ({ app }) => {
  for (const query of [{ x: 1 }, 5, JSON.stringify({ kind: 'Document', definitions: [] })]) {
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query } });
    assert.is(response.statusCode, 400, JSON.stringify(query));
    const body = response.json<Gql>();
    assert.not.match(response.body, /definitions|iterable|TypeError|at [A-Za-z]+ \(/);
    assertSaid(body.errors?.[0], body.errors?.[0]?.extensions?.code === 'OD_INVALID_REQUEST' ? 'OD_INVALID_REQUEST' : 'OD_INVALID_QUERY');
  }
});

test('bodies, variables and methods that are wrong are said in our words', async ({ app }) => {
  const notJson = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query":' });
  assertSaid(notJson.json<Gql>().errors?.[0], 'OD_INVALID_REQUEST');
  assert.not.match(notJson.body, /Unexpected|position/);
  const badVariables = await app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('{ fiscalYears }')}&variables=notjson` });
  assertSaid(badVariables.json<Gql>().errors?.[0], 'OD_INVALID_REQUEST');
  assert.not.match(badVariables.body, /Unexpected token/);
  const missing = await app.inject({ method: 'POST', url: '/graphql', payload: {} });
  assertSaid(missing.json<Gql>().errors?.[0], 'OD_INVALID_REQUEST');
  const syntax = await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ fiscalYears ' } });
  assertSaid(syntax.json<Gql>().errors?.[0], 'OD_INVALID_QUERY');
  assert.match(syntax.body, /Syntax Error/, "GraphQL's words about the client's own query are kept");
  const viaGet = await app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('subscription { budgetLineChanged(year: 2025) { kae } }')}` });
  assert.is(viaGet.statusCode, 405);
  assertSaid(viaGet.json<Gql>().errors?.[0], 'OD_METHOD_NOT_ALLOWED');
});

test("the database's words never reach the client: a bad date is ours to refuse, a failure is internal", async ({ app }) => {
  const badDate = await app.inject({ method: 'POST', url: '/graphql', payload: { query: `{ transactions(filter: { from: "garbage" }) { edges { node { id } } } }` } });
  assertSaid(badDate.json<Gql>().errors?.[0], 'OD_INVALID_DATE');
  assert.not.match(badDate.body, /invalid input syntax/);
  const failed = await app.inject({ method: 'POST', url: '/graphql', payload: { query: `{ asset(id: "A-001") { name } fiscalYears }` } });
  const body = failed.json<Gql>();
  assertSaid(body.errors?.[0], 'OD_INTERNAL');
  assert.not.ok(failed.body.includes('od_secret_table'));
  assert.equal((body.data as { fiscalYears: number[] }).fiscalYears, [2025], 'the rest of the answer stands');
});

test('the log keeps what the client is not told', () => {
  const logged: unknown[] = [];
  const log = { error: (entry: unknown) => logged.push(entry), info: () => undefined };
  const failure = new GraphQLError(SECRET, { path: ['asset'], originalError: new Error(SECRET) });
  const { statusCode, response } = formatGraphqlErrors({ data: { asset: null }, errors: [failure] }, { reply: { log } } as unknown as MercuriusContext);
  assert.is(statusCode, 200);
  assert.equal(response.errors?.map((e) => [e.message, e.extensions?.code]), [['Εσωτερικό σφάλμα / Internal error', 'OD_INTERNAL']]);
  assert.is(logged.length, 1);
  assert.match(String((logged[0] as { err: Error }).err.message), /od_secret_table/);
});

test('REST: only schema messages are passed on; other texts, and every 5xx, stay generic', () => {
  const validation = toApiError(Object.assign(new Error('querystring/year must be <= 2100'), { code: 'FST_ERR_VALIDATION', statusCode: 400 }));
  assert.equal([validation.code, validation.messageEn], ['OD_INVALID_REQUEST', 'Invalid request: querystring/year must be <= 2100']);
  const json = toApiError(Object.assign(new Error("Body is not valid JSON but content-type is set to 'application/json'"), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }));
  assert.equal([json.code, json.messageEl, json.messageEn], ['OD_INVALID_REQUEST', 'Μη έγκυρη αίτηση: το σώμα δεν είναι έγκυρο JSON', 'Invalid request: the body is not valid JSON']);
  const other = toApiError(Object.assign(new Error('prototype property at /internal/path is not allowed'), { statusCode: 400 }));
  assert.equal([other.code, other.messageEn], ['OD_INVALID_REQUEST', 'Invalid request']);
  const internal = toApiError(new Error(SECRET));
  assert.equal([internal.code, internal.statusCode, internal.messageEl, internal.messageEn], ['OD_INTERNAL', 500, 'Εσωτερικό σφάλμα', 'Internal error']);
});

test('REST: a body that is not JSON is answered in the one error shape, Greek first', async ({ app }) => {
  const response = await app.inject({ method: 'POST', url: '/api/imports', headers: { 'content-type': 'application/json' }, payload: '{"kind":' });
  const { error } = response.json<{ error: { code: string; message_el: string; message_en: string } }>();
  assert.ok(response.statusCode >= 400 && response.statusCode < 500, String(response.statusCode));
  assert.match(error.code, /^OD_/);
  assert.match(error.message_el, /[α-ωά-ώ]/);
  assert.not.match(response.body, /Unexpected|position \d/);
});

test.run();
