// Adding a context to the site is one registration: a toy WebContext given to webPlugin, with one header
// link, one route and its own el/en words, gets its page in both languages and its link in the header,
// between the frame's Home and Open data, with nothing else edited.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { SqlExecutor } from '../../src/eventstore/sql/client.ts';
import type { ChangeFeed } from '../../src/projections/shared/changeFeed.ts';
import { webPlugin } from '../../src/web/plugin.ts';
import { html } from '../../src/web/shared/html.ts';
import { contextText } from '../../src/web/shared/messages.ts';
import type { WebContext } from '../../src/web/shared/pageRoutes.ts';
import { registerPages } from '../../src/web/shared/pageRoutes.ts';

const el = { toy: { title: 'Παιχνίδια', greeting: 'Καλώς ήρθατε στα παιχνίδια' } };
const en: typeof el = { toy: { title: 'Toys', greeting: 'Welcome to the toys' } };
const toyText = contextText(el, en);

const toyWeb: WebContext = {
  name: 'toys',
  nav: [{ section: 'toys', path: '/toys', label: { el: el.toy.title, en: en.toy.title } }],
  routes: async (app, options) =>
    registerPages(options, ({ at, page }) => {
      app.get(
        at('/toys'),
        page(async (visit) => {
          const t = toyText(visit);
          return { title: t.toy.title, section: 'toys', crumbs: [], main: html`<h1>${t.toy.title}</h1><p>${t.toy.greeting}</p><p>${t.common.total}</p>` };
        }),
      );
    }),
};

// The toy reads nothing: the read models and the change feed are never asked.
const noDatabase: SqlExecutor = { query: async () => [], value: async () => null, exec: async () => undefined };
const noChanges: ChangeFeed = { subscribe: () => () => undefined, position: () => 0, close: async () => undefined };

const contexts = suite<{ app: FastifyInstance }>('a web context is one registration');

contexts.before(async (context) => {
  context.app = Fastify();
  await context.app.register(webPlugin, { client: noDatabase, schema: 'od_toys', changes: noChanges, contexts: [toyWeb], apiPrefixes: ['/toy-api/'] });
  await context.app.ready();
});
contexts.after(async ({ app }) => app.close());

const headerLinks = (body: string): string[] => {
  const nav = /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(body)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)].map((m) => `${m[1]}${m[2] ? ' (current)' : ''} ${m[3]}`);
};

contexts('its page answers in Greek at its path and in English under /en, in its own words and the shared ones', async ({ app }) => {
  const greek = await app.inject({ url: '/toys' });
  assert.is(greek.statusCode, 200);
  assert.ok(greek.body.includes('<html lang="el">'));
  assert.ok(greek.body.includes('<h1>Παιχνίδια</h1><p>Καλώς ήρθατε στα παιχνίδια</p><p>Σύνολο</p>'));
  const english = await app.inject({ url: '/en/toys' });
  assert.is(english.statusCode, 200);
  assert.is(english.headers['content-language'], 'en');
  assert.ok(english.body.includes('<h1>Toys</h1><p>Welcome to the toys</p><p>Total</p>'));
});

contexts('its link is in the header among the finances, before the frame’s Open data, current on its page', async ({ app }) => {
  assert.equal(headerLinks((await app.inject({ url: '/toys' })).body), ['/ Αρχική', '/services Υπηρεσίες', '/toys (current) Παιχνίδια', '/open-data Ανοιχτά δεδομένα &amp; API']);
  assert.equal(headerLinks((await app.inject({ url: '/en/accessibility' })).body), ['/en Home', '/en/services Services', '/en/toys Toys', '/en/open-data Open data &amp; API']);
});

contexts('the API prefixes given keep JSON answers; other unknown addresses are a page', async ({ app }) => {
  const api = await app.inject({ url: '/toy-api/nothing' });
  assert.is(api.statusCode, 404);
  assert.match(String(api.headers['content-type']), /application\/json/);
  const page = await app.inject({ url: '/en/toys/nothing' });
  assert.is(page.statusCode, 404);
  assert.ok(page.body.includes('Page not found'));
});

contexts('a context listed twice is refused at start-up, by name', async () => {
  const app = Fastify();
  try {
    await app.register(webPlugin, { client: noDatabase, schema: 'od_toys', changes: noChanges, contexts: [toyWeb, toyWeb], apiPrefixes: [] });
    await app.ready();
    assert.unreachable('registered twice');
  } catch (error) {
    assert.match(String(error), 'the web context toys is listed twice');
  } finally {
    await app.close();
  }
});

contexts.run();
