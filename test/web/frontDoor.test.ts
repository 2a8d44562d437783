// The site as the town hall's front door: the header (the services, the finances, log in or who is logged
// in, escaped), the development banner, the footer (contact, data protection officer, notices, when the
// data last changed), the services page from registrations, the privacy notice in both languages,
// robots.txt, sitemap.xml (valid XML, absolute URLs, hreflang alternates) and a description of its own with
// Open Graph tags on every page.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PRE_SESSION_COOKIE } from '../../src/api/shared/sessions/csrf.ts';
import { SESSION_COOKIE } from '../../src/api/shared/sessions/index.ts';
import { webContexts } from '../../src/contexts.ts';
import type { SqlExecutor } from '../../src/eventstore/sql/client.ts';
import { lastImportedAt } from '../../src/projections/imports/index.ts';
import type { ChangeFeed } from '../../src/projections/shared/changeFeed.ts';
import { LOGIN_COOKIE } from '../../src/web/identity/index.ts';
import { webPlugin } from '../../src/web/plugin.ts';
import { formatDateTime } from '../../src/web/shared/format.ts';
import { html } from '../../src/web/shared/html.ts';
import { layout } from '../../src/web/shared/layout.ts';
import { sharedMessagesOf } from '../../src/web/shared/messages.ts';
import { lixouri } from '../../src/web/shared/municipality.ts';
import type { Account, Page, Site, Visit } from '../../src/web/shared/page.ts';
import type { WebContext } from '../../src/web/shared/pageRoutes.ts';
import { registerPages } from '../../src/web/shared/pageRoutes.ts';
import { PRIVACY_COOKIES, SESSION_LIMITS } from '../../src/web/shared/pages/privacy.ts';
import { loadStaticFiles } from '../../src/web/shared/staticFiles.ts';
import { localPath } from '../../src/web/shared/lang.ts';
import type { CrawledPage } from './support/crawl.ts';
import { crawl } from './support/crawl.ts';
import { tagsOf, visibleText } from './support/htmlChecks.ts';
import type { TestSite } from './support/siteApp.ts';
import { startTestSite } from './support/siteApp.ts';
import { SMALL_YEAR, smallYearFiles } from './support/smallYear.ts';

const PUBLIC_URL = 'https://opendimos.example.gr';

const noDatabase: SqlExecutor = { query: async () => [], value: async () => null, exec: async () => undefined };
const noChanges: ChangeFeed = { subscribe: () => () => undefined, position: () => 0, close: async () => undefined };

/** A toy citizen service joining /services by registration alone. */
const toyService: WebContext = {
  name: 'permits',
  nav: [],
  services: [{ path: '/permits', label: { el: 'Άδειες', en: 'Permits' }, summary: { el: 'Αίτηση για άδεια.', en: 'Apply for a permit.' } }],
  routes: async (app, options) =>
    registerPages(options, ({ at, page }) => {
      app.get(at('/permits'), page(async (visit) => ({ title: visit.lang === 'el' ? 'Άδειες' : 'Permits', section: null, crumbs: [], main: html`<h1>Permits</h1>` })));
    }),
};

const front = suite<{ site: TestSite; pages: CrawledPage[]; lone: FastifyInstance; frame: Site }>('the front door');

front.before(async (context) => {
  context.site = await startTestSite({ files: smallYearFiles() });
  context.pages = await crawl(context.site.app, ['/', '/en'], 1_500);
  // The same read models behind a site with a public address of its own, the stand-in's banner and a toy service.
  const lone = Fastify();
  const { db, changes } = context.site;
  await lone.register(webPlugin, { client: db.client, schema: db.schema, changes, contexts: [...webContexts, toyService], apiPrefixes: [], publicUrl: `${PUBLIC_URL}/`, devBanner: true });
  await lone.ready();
  context.lone = lone;
  const { files } = await loadStaticFiles();
  context.frame = { db: noDatabase, schema: 'od_frame', municipality: lixouri, staticFiles: files, nav: [], services: [], publicUrl: PUBLIC_URL, devBanner: false, lastUpdated: () => null };
});
front.after(async ({ site, lone }) => {
  await lone.close();
  await site.close();
});

const visitAs = (lang: 'el' | 'en', account: Account | null): Visit => ({
  lang,
  t: sharedMessagesOf(lang),
  url: localPath(lang, '/movements'),
  origin: 'http://localhost',
  href: (path) => localPath(lang, path),
  account,
});

const aPage: Page = { title: 'Κινήσεις', section: 'movements', crumbs: [], main: html`<h1>Κινήσεις</h1>` };

const headerOf = (body: string): string => /<header class="site-header">([\s\S]*?)<\/header>/.exec(body)?.[1] ?? '';
const navLinks = (body: string): string[] =>
  [...(/<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(body)?.[1] ?? '').matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
const metaOf = (body: string, key: string): string[] =>
  tagsOf(body)
    .filter((t) => t.name === 'meta' && (t.attributes.get('name') === key || t.attributes.get('property') === key))
    .map((t) => t.attributes.get('content') ?? '');
const unescape = (text: string): string => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

front('the header names the services and the finances, every ledger page still one link away', async ({ site }) => {
  const greek = navLinks((await site.app.inject({ url: '/movements' })).body);
  assert.equal(greek, ['/ Αρχική', '/services Υπηρεσίες', '/budget Προϋπολογισμός', '/movements Κινήσεις', '/suppliers Προμηθευτές', '/property Περιουσία', '/diavgeia/ Διαύγεια', '/council/ Συμβούλιο', '/open-data Ανοιχτά δεδομένα &amp; API']);
  const english = (await site.app.inject({ url: '/en/movements' })).body;
  assert.equal(navLinks(english), ['/en Home', '/en/services Services', '/en/budget Budget', '/en/movements Movements', '/en/suppliers Suppliers', '/en/property Property', '/en/diavgeia/ Diavgeia', '/en/council/ Council', '/en/open-data Open data &amp; API']);
  assert.match(english, /<span class="nav-group-label" id="nav-finances">Finances<\/span>\s*<ul aria-labelledby="nav-finances">/);
  assert.match(english, '<a href="/en/movements" aria-current="page">Movements</a>');
});

front('logged out, the header offers the TaxisNet login, back to the page after it', async ({ site }) => {
  const greek = headerOf((await site.app.inject({ url: '/suppliers' })).body);
  assert.match(greek, '<a class="account-link" href="/auth/taxisnet?next=%2Fsuppliers" title="Σύνδεση με TaxisNet">Σύνδεση</a>');
  assert.not.match(greek, '/my/');
  const english = headerOf((await site.app.inject({ url: '/en/property?search=x' })).body);
  assert.match(english, 'href="/auth/taxisnet?next=%2Fen%2Fproperty"');
  assert.match(english, '>Log in</a>');
});

front('logged in, the header shows the name, escaped, and the way to the account', ({ frame }) => {
  const name = '<script>alert("x")</script> Παπαδόπουλος & Σια';
  const greek = headerOf(layout(frame, visitAs('el', { name, kind: 'citizen' }), aPage).value);
  assert.match(greek, '<a class="account-link" href="/my/"><span class="account-name">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Παπαδόπουλος &amp; Σια</span> · Ο λογαριασμός μου</a>');
  assert.not.match(greek, '<script>');
  assert.not.match(greek, '/auth/taxisnet');
  const english = headerOf(layout(frame, visitAs('en', { name: 'Maria', kind: 'citizen' }), aPage).value);
  assert.match(english, 'href="/en/my/"><span class="account-name">Maria</span> · My account</a>');
  const staff = headerOf(layout(frame, visitAs('el', { name: 'Ελένη', kind: 'staff' }), aPage).value);
  assert.match(staff, 'href="/office/"><span class="account-name">Ελένη</span> · Γραφείο</a>');
});

front('the development banner: on every page in both languages, Greek first, only when the site says so', async ({ site, lone }) => {
  const banner = '<p class="dev-banner" role="note"><span lang="el">Δοκιμαστική εγκατάσταση: η σύνδεση TaxisNet είναι προσομοίωση';
  for (const url of ['/', '/en', '/movements', '/en/privacy', '/no-such-page', '/en/no-such-page']) {
    const { body } = await lone.inject({ url });
    assert.ok(body.includes(banner), url);
    assert.ok(body.includes('<span lang="en">Development install: the TaxisNet login is a stand-in'), url);
    assert.ok(body.indexOf('dev-banner') < body.indexOf('<header'), `${url}: before the header`);
  }
  for (const page of [(await site.app.inject({ url: '/' })).body, (await site.app.inject({ url: '/en/services' })).body]) assert.not.ok(page.includes('dev-banner'));
});

front('the footer: contact, data protection officer, privacy and accessibility, and when the data last changed', async ({ site }) => {
  const footerOf = (body: string) => /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(body)?.[1] ?? '';
  const at = await lastImportedAt(site.db.client, site.db.schema);
  assert.ok(at !== null, 'the small year was imported');
  const greek = footerOf((await site.app.inject({ url: `/budget/${SMALL_YEAR}` })).body);
  assert.match(greek, '<a href="mailto:info@lixouri.gov.gr">info@lixouri.gov.gr</a>');
  assert.match(greek, 'Υπεύθυνος Προστασίας Δεδομένων (ΥΠΔ): <a href="mailto:dpo@lixouri.gov.gr">dpo@lixouri.gov.gr</a>');
  assert.match(greek, 'Δημαρχείο Ληξουρίου, 282 00 Ληξούρι, Κεφαλονιά');
  assert.match(greek, '<a href="/privacy">Ιδιωτικότητα</a>');
  assert.match(greek, '<a href="/accessibility">Δήλωση προσβασιμότητας</a>');
  assert.match(greek, `Τελευταία ενημέρωση δεδομένων: <time datetime="${at}">${formatDateTime(at)}</time>`);
  const english = footerOf((await site.app.inject({ url: '/en/suppliers' })).body);
  assert.match(english, 'Data protection officer: <a href="mailto:dpo@lixouri.gov.gr">');
  assert.match(english, '<a href="/en/privacy">Privacy notice</a>');
  assert.match(english, '<a href="/en/accessibility">Accessibility statement</a>');
  assert.match(english, `Data last updated: <time datetime="${at}">`);
});

front('the footer of an empty ledger says no data has come in yet', async () => {
  const app = Fastify();
  await app.register(webPlugin, { client: noDatabase, schema: 'od_empty', changes: noChanges, contexts: [], apiPrefixes: [] });
  try {
    assert.match((await app.inject({ url: '/privacy' })).body, '<p class="footer-updated">Δεν έχουν καταχωριστεί ακόμη δεδομένα.</p>');
    assert.match((await app.inject({ url: '/en/privacy' })).body, '<p class="footer-updated">No data has been entered yet.</p>');
  } finally {
    await app.close();
  }
});

front('/services lists the citizen services by registration, my account first, then the finances', async ({ site, lone }) => {
  const greek = await lone.inject({ url: '/services' });
  assert.is(greek.statusCode, 200);
  const services = [...greek.body.matchAll(/<ul class="service-list">([\s\S]*?)<\/ul>/g)][0]![1]!;
  assert.equal([...services.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`), ['/my/ Ο λογαριασμός μου', '/permits Άδειες']);
  assert.match(greek.body, '<a href="/budget">Προϋπολογισμός</a>');
  assert.match(greek.body, '<a href="/services" aria-current="page">Υπηρεσίες</a>');
  const english = await site.app.inject({ url: '/en/services' });
  assert.is(english.statusCode, 200);
  assert.match(english.body, '<h1>Services</h1>');
  assert.match(english.body, '<li><a href="/en/my/">My account</a><p>');
  assert.not.match(english.body, 'Permits', 'a service shows only where its context is registered');
});

front('/privacy in both languages: controller, what is kept and why, for how long, rights, cookies, encryption', async ({ site }) => {
  const greek = await site.app.inject({ url: '/privacy' });
  assert.is(greek.statusCode, 200);
  const el = visibleText(greek.body);
  for (const expected of ['Ιδιωτικότητα', 'Υπεύθυνος επεξεργασίας', 'Δήμος Ληξουρίου', 'dpo@lixouri.gov.gr', 'ΑΦΜ', 'πατρώνυμο', 'έτος γέννησης', 'άρθρο 6 παρ. 1 στοιχ. ε΄', 'άρθρο 6 παρ. 1 στοιχ. γ΄', `έως ${SESSION_LIMITS.absoluteHours} ώρες`, 'Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', 'www.dpa.gr', 'απολύτως απαραίτητα', 'AES-256-GCM', 'καταστρέφεται το κλειδί σας', 'Ίχνος ελέγχου']) {
    assert.ok(el.includes(expected), `Greek: ${expected}`);
  }
  assert.match(greek.body, '<a href="/my/">Ο λογαριασμός μου</a>');
  const english = await site.app.inject({ url: '/en/privacy' });
  assert.is(english.statusCode, 200);
  assert.is(english.headers['content-language'], 'en');
  const en = visibleText(english.body);
  for (const expected of ['Privacy notice', 'Controller', 'Data protection officer', 'tax number (ΑΦΜ)', "father's name", 'year of birth', 'Art. 6(1)(e)', 'Art. 6(1)(c)', `${SESSION_LIMITS.absoluteHours} hours at most`, 'until you erase it', 'Hellenic Data Protection Authority', 'www.dpa.gr', 'no cookie banner', 'AES-256-GCM', 'your key is destroyed', 'Audit trail']) {
    assert.ok(en.includes(expected), `English: ${expected}`);
  }
  assert.match(english.body, '<a href="/en/my/">My account</a>');
});

front('the privacy notice names the cookies the code sets, and the session limits it enforces', async ({ site }) => {
  assert.equal(PRIVACY_COOKIES, { session: SESSION_COOKIE, csrf: PRE_SESSION_COOKIE, login: LOGIN_COOKIE });
  assert.equal(SESSION_LIMITS, { absoluteHours: 12, idleMinutes: 30 });
  const { body } = await site.app.inject({ url: '/en/privacy' });
  for (const cookie of Object.values(PRIVACY_COOKIES)) assert.match(body, `<code>${cookie}</code>`);
});

front('robots.txt: the public site allowed, the personal, staff, login and API paths not, the sitemap absolute', async ({ lone, site }) => {
  const robots = await lone.inject({ url: '/robots.txt' });
  assert.is(robots.statusCode, 200);
  assert.match(String(robots.headers['content-type']), /^text\/plain/);
  const lines = robots.body.split('\n');
  assert.is(lines[0], 'User-agent: *');
  assert.ok(lines.includes('Allow: /'));
  for (const path of ['/my/', '/en/my/', '/office/', '/auth/', '/api/', '/graphql', '/live']) assert.ok(lines.includes(`Disallow: ${path}`), path);
  assert.ok(lines.includes(`Sitemap: ${PUBLIC_URL}/sitemap.xml`), 'the trailing slash of the public address is dropped');
  assert.match((await site.app.inject({ url: '/robots.txt' })).body, 'Sitemap: http://localhost:8080/sitemap.xml');
  for (const path of ['/', '/en', '/movements', '/budget', '/suppliers', '/property', '/open-data', '/privacy', '/services']) {
    assert.not.ok(lines.some((l) => l === `Disallow: ${path}`), `${path} stays allowed`);
  }
});

front('sitemap.xml: valid XML, absolute URLs, both languages with hreflang alternates, each year’s budget', async ({ lone }) => {
  const response = await lone.inject({ url: '/sitemap.xml' });
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^application\/xml/);
  assert.is(XMLValidator.validate(response.body), true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(response.body) as {
    urlset: { xmlns: string; url: { loc: string; 'xhtml:link': { rel: string; hreflang: string; href: string }[] }[] };
  };
  assert.is(parsed.urlset.xmlns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
  const urls = parsed.urlset.url;
  const locs = urls.map((u) => u.loc);
  assert.ok(locs.every((l) => l.startsWith(`${PUBLIC_URL}/`)), 'absolute, from the public address');
  assert.is(new Set(locs).size, locs.length, 'each once');
  for (const path of ['/', '/services', '/movements', `/budget/${SMALL_YEAR}`, `/budget/${SMALL_YEAR}/lines`, '/suppliers', '/property', '/open-data', '/accessibility', '/privacy']) {
    assert.ok(locs.includes(`${PUBLIC_URL}${path}`), path);
    assert.ok(locs.includes(`${PUBLIC_URL}${localPath('en', path)}`), `/en ${path}`);
  }
  assert.not.ok(locs.some((l) => /\/(my|office|auth|api)\//.test(l)), 'no personal or staff page');
  assert.not.ok(locs.includes(`${PUBLIC_URL}/budget`), 'not the redirect, the years it leads to');
  for (const url of urls) {
    const links = url['xhtml:link'];
    assert.equal(links.map((l) => l.hreflang), ['el', 'en', 'x-default'], url.loc);
    assert.ok(links.every((l) => l.rel === 'alternate' && l.href.startsWith(PUBLIC_URL)), url.loc);
    assert.ok(links.some((l) => l.href === url.loc), `${url.loc} is one of its own alternates`);
  }
  for (const loc of locs) {
    const page = await lone.inject({ url: loc.slice(PUBLIC_URL.length) });
    assert.is(page.statusCode, 200, loc);
  }
});

front('every page has a description of its own and Open Graph tags, in its language, with its absolute URL', ({ pages }) => {
  const fallback = new Set([sharedMessagesOf('el').descriptions.site(lixouri.name.el), sharedMessagesOf('en').descriptions.site(lixouri.name.en)]);
  const html200 = pages.filter((p) => p.status === 200 && p.contentType.startsWith('text/html'));
  assert.ok(html200.length > 30, `${html200.length} pages`);
  const byPath = new Map<string, string>();
  for (const page of html200) {
    const english = page.url === '/en' || page.url.startsWith('/en/') || page.url.startsWith('/en?');
    const [description, ...more] = metaOf(page.body, 'description').map(unescape);
    assert.equal(more, [], `${page.url}: one description`);
    assert.ok(description && description.length > 40 && description.length <= 300, `${page.url}: ${description}`);
    assert.not.ok(fallback.has(description), `${page.url} gives its own description`);
    assert.equal(metaOf(page.body, 'og:description').map(unescape), [description], page.url);
    const title = unescape(/<title>([^<]*)<\/title>/.exec(page.body)![1]!);
    assert.ok(title.startsWith(`${unescape(metaOf(page.body, 'og:title')[0]!)} · `), `${page.url}: og:title is the page's title`);
    assert.equal(metaOf(page.body, 'og:url').map(unescape), [`http://localhost:8080${page.url}`], page.url);
    assert.equal(metaOf(page.body, 'og:locale'), [english ? 'en_GB' : 'el_GR'], page.url);
    assert.equal(metaOf(page.body, 'og:locale:alternate'), [english ? 'el_GR' : 'en_GB'], page.url);
    assert.equal(metaOf(page.body, 'og:site_name'), [english ? 'Municipality of Lixouri · Open finances' : 'Δήμος Ληξουρίου · Ανοιχτά οικονομικά'], page.url);
    byPath.set(page.url.split('?')[0]!, description);
  }
  // Pages of different kinds say different things.
  const kinds = ['/', '/services', '/movements', `/budget/${SMALL_YEAR}`, '/suppliers', '/property', '/open-data', '/accessibility', '/privacy'];
  assert.is(new Set(kinds.map((k) => byPath.get(k))).size, kinds.length, 'a description per kind of page');
  assert.is(new Set(kinds.map((k) => byPath.get(localPath('en', k)))).size, kinds.length, 'and in English');
});

front('the error pages describe themselves too, in their language', async ({ site }) => {
  const greek = await site.app.inject({ url: '/no-such-page' });
  assert.is(greek.statusCode, 404);
  assert.equal(metaOf(greek.body, 'description'), [sharedMessagesOf('el').errors.notFoundText]);
  const english = await site.app.inject({ url: '/en/no-such-page' });
  assert.equal(metaOf(english.body, 'description'), [sharedMessagesOf('en').errors.notFoundText]);
});

front('a public address that is not an http(s) URL is refused at start-up, naming the setting', async () => {
  for (const publicUrl of ['opendimos.lixouri.gov.gr', 'ftp://opendimos.lixouri.gov.gr', 'https://opendimos.lixouri.gov.gr/?x=1']) {
    const app = Fastify();
    try {
      await app.register(webPlugin, { client: noDatabase, schema: 'od_bad', changes: noChanges, contexts: [], apiPrefixes: [], publicUrl });
      await app.ready();
      assert.unreachable(publicUrl);
    } catch (error) {
      assert.match(String(error), 'OPENDIMOS_PUBLIC_URL', publicUrl);
    } finally {
      await app.close();
    }
  }
});

front.run();
