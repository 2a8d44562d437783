// A staff login in real Chromium over http://127.0.0.1 (a secure context, so the browser keeps the
// __Host- cookies, which say Secure), the home page, logout, and the lockout after five wrong passwords with
// the same message every time. The office runs in an app of its own here (sessions, the frame, the office),
// on a schema of its own, so that the site's browser tests are not touched by its accounts.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sessionsPlugin } from '../../src/api/shared/sessions/index.ts';
import { createStaff, setPasswordWithLink } from '../../src/api/shared/staff/index.ts';
import { ledgerEventSchemas } from '../../src/domain/index.ts';
import type { SqlExecutor } from '../../src/eventstore/sql/client.ts';
import type { SqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import { openSqlEventStore } from '../../src/eventstore/sql/sqlEventStore.ts';
import type { ChangeFeed } from '../../src/projections/shared/changeFeed.ts';
import { officeWeb } from '../../src/web/office/index.ts';
import { webPlugin } from '../../src/web/plugin.ts';
import type { TestSchema } from '../support/database.ts';
import { createTestSchema } from '../support/database.ts';
import { VIEWPORTS } from './support/browser.ts';
import { e2e } from './support/context.ts';

const PASSWORD = 'μια φράση από λέξεις';
const noReadModels: SqlExecutor = { query: async () => [], value: async () => null, exec: async () => undefined };
const noChanges: ChangeFeed = { subscribe: () => () => undefined, position: () => 0, close: async () => undefined };

const office = suite('the back office in Chromium');
let db: TestSchema;
let store: SqlEventStore;
let app: FastifyInstance;
let baseUrl: string;
let context: BrowserContext;

office.before(async () => {
  db = await createTestSchema();
  store = await openSqlEventStore({ client: db.client, schema: db.schema, schemas: ledgerEventSchemas, pollIntervalMs: 100 });
  const services = { client: db.client, schema: db.schema, store };
  for (const email of ['anna@lixouri.gr', 'nikos@lixouri.gr']) {
    const link = await createStaff(services, { email, name: 'Άννα Ζαφειράτου', roles: ['admin'], actor: 'cli:e2e' });
    await setPasswordWithLink(services, { token: link.token, password: PASSWORD, repeated: PASSWORD });
  }
  app = Fastify();
  await app.register(sessionsPlugin, { client: db.client, schema: db.schema, publicUrl: 'http://127.0.0.1' });
  await app.register(webPlugin, { client: noReadModels, schema: db.schema, changes: noChanges, contexts: [officeWeb(services)], apiPrefixes: ['/api/'] });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  context = await e2e().browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.desktop });
});
office.after(async () => {
  await context.close();
  await app.close();
  await store.close();
  await db.drop();
});

const logIn = async (page: Page, email: string, password: string) => {
  await page.goto(`${baseUrl}/office/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForLoadState('load'), page.click('form button[type="submit"]')]);
};

office('a staff member logs in without JavaScript, sees the home page of the role, and logs out', async () => {
  const page = await context.newPage();
  await logIn(page, 'anna@lixouri.gr', PASSWORD);
  assert.is(new URL(page.url()).pathname, '/office/');
  assert.match((await page.textContent('h1')) ?? '', /Γραφείο/);
  const cookie = (await context.cookies(baseUrl)).find((c) => c.name === '__Host-od_session');
  assert.ok(cookie, 'Chromium kept the __Host- session cookie over http://127.0.0.1');
  assert.is(cookie.secure, true);
  assert.is(cookie.httpOnly, true);
  assert.is(cookie.sameSite, 'Lax');
  await Promise.all([page.waitForURL(/\/office\/login$/), page.click('form[action="/office/logout"] button')]);
  await page.goto(`${baseUrl}/office/`);
  assert.is(new URL(page.url()).pathname, '/office/login', 'after logout the office needs a login again');
  await page.close();
});

office('five wrong passwords lock the account: the right one is then refused with the same message', async () => {
  const page = await context.newPage();
  const messages: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    await logIn(page, 'nikos@lixouri.gr', 'a wrong password');
    messages.push((await page.textContent('[role="alert"]')) ?? '');
  }
  await logIn(page, 'nikos@lixouri.gr', PASSWORD);
  assert.is(new URL(page.url()).pathname, '/office/login', 'locked');
  messages.push((await page.textContent('[role="alert"]')) ?? '');
  await logIn(page, 'nobody@lixouri.gr', PASSWORD);
  messages.push((await page.textContent('[role="alert"]')) ?? '');
  assert.is(new Set(messages).size, 1, messages.join(' | '));
  assert.match(messages[0]!, /κλειδωμένος/);
  await page.close();
});

office.run();
