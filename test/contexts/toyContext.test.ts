// The proof that a context joins the house by registration alone: a toy context, "noticeboard", made of
// one object per layer (its read model, its GraphQL fragment and resolvers, its REST route), given to the
// same lists the composition root gives the real ones. No shared file knows of it.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FastifyPluginAsync } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import type { ApiContext, RouteDependencies } from '../../src/api/shared/apiContext.ts';
import { allProjections, apiContexts, webContexts } from '../../src/contexts.ts';
import type { ProjectionsContext } from '../../src/projections/shared/projection.ts';
import { startChangeFeed } from '../../src/projections/shared/changeFeed.ts';
import { startProjections } from '../../src/projections/shared/runner.ts';
import { table } from '../../src/projections/shared/tables.ts';
import type { TestLedger } from '../support/ledger.ts';
import { openTestLedger } from '../support/ledger.ts';

const NOTICES = 'od_toy_notices';

// src/projections/noticeboard/index.ts
const noticeboardProjections: ProjectionsContext = {
  name: 'noticeboard',
  projections: [
    {
      name: 'noticeboard',
      version: 1,
      tables: [NOTICES],
      create: (t) => `CREATE TABLE ${t[NOTICES]} (position bigint PRIMARY KEY, text text NOT NULL);`,
      indexes: () => '',
      async apply(tx, t, events) {
        for (const event of events) {
          if (event.type !== 'NoticePosted') continue;
          await tx.query(`INSERT INTO ${t[NOTICES]} (position, text) VALUES ($1, $2)`, [event.position, (event.data as { text: string }).text]);
        }
      },
    },
  ],
};

// src/api/noticeboard/index.ts (its resolvers are typed by hand here: the generated types know only the real contexts)
const routes: FastifyPluginAsync<RouteDependencies> = async (app, { db, schema }) => {
  app.get('/api/noticeboard/count', async () => ({ count: (await db.query(`SELECT 1 FROM ${table(schema, NOTICES)}`)).length }));
};
const noticeboardApi: ApiContext = {
  name: 'noticeboard',
  sdl: 'extend type Query {\n  "The notices posted, oldest first."\n  notices: [String!]!\n}\n',
  resolvers: ({ client, schema }) => ({
    resolvers: {
      Query: {
        notices: async () => (await client.query<{ text: string }>(`SELECT text FROM ${table(schema, NOTICES)} ORDER BY position`)).map((r) => r.text),
      },
    } as never,
  }),
  routes,
};

const test = suite<{ ledger: TestLedger }>('a context joins by registration');
test.before.each(async (context) => {
  context.ledger = await openTestLedger();
});
test.after.each(async ({ ledger }) => ledger.dispose());

test('its read model is kept, its GraphQL field and REST route answer, the others still do', async ({ ledger }) => {
  await ledger.store.append('noticeboard-1', [
    { type: 'NoticePosted', data: { text: 'Διακοπή νερού Τρίτη 9-12' } },
    { type: 'NoticePosted', data: { text: 'Λαϊκή αγορά Σάββατο' } },
  ]);
  const runner = await startProjections({ client: ledger.client, store: ledger.store, schema: ledger.schema, projections: [...allProjections, ...noticeboardProjections.projections] });
  await runner.caughtUp;
  const changes = await startChangeFeed(ledger.client, ledger.schema);
  const app = await buildApp({ api: [...apiContexts, noticeboardApi], web: webContexts, store: ledger.store, client: ledger.client, schema: ledger.schema, changes, runner, settings: { rateLimitPerMinute: 0 } });
  try {
    const graphql = await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ notices fiscalYears }' } });
    assert.equal(graphql.json(), { data: { notices: ['Διακοπή νερού Τρίτη 9-12', 'Λαϊκή αγορά Σάββατο'], fiscalYears: [] } });
    assert.equal((await app.inject({ url: '/api/noticeboard/count' })).json(), { count: 2 });
    assert.is((await app.inject({ url: '/api/noticeboard/nothing' })).json<{ error: { code: string } }>().error.code, 'OD_NOT_FOUND');
  } finally {
    await app.close();
    await changes.close();
    await runner.stop();
  }
});

test('two contexts resolving one field is refused at start, naming it', async ({ ledger }) => {
  const twice: ApiContext = { ...noticeboardApi, name: 'second', sdl: '', routes: undefined };
  const changes = await startChangeFeed(ledger.client, ledger.schema);
  try {
    const error = await buildApp({ api: [...apiContexts, noticeboardApi, twice], store: ledger.store, client: ledger.client, schema: ledger.schema, changes, settings: { rateLimitPerMinute: 0 } }).catch((e: unknown) => e);
    assert.match(String(error), /Query\.notices is resolved by two contexts \(the second is second\)/);
  } finally {
    await changes.close();
  }
});

test.run();
