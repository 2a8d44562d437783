// «Διασταύρωση με τη Διαύγεια» (/diavgeia/, /en/diavgeia/) and /diavgeia.csv (issue 20, item 6) on the fixture
// year, with the decisions `npm start` syncs from the development stand-in: every verdict present, the summary
// and the mismatches with their links, the filters, the CSV of exactly the filtered rows, a year without
// decisions, bad filters refused, and no natural person named.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { syncDecisions } from '../../../src/api/diavgeia/index.ts';
import { fixtureDecisions, STAND_IN_ORGANIZATION } from '../../../src/cli/diavgeiaFixtures.ts';
import { FIXTURE_FILES } from '../../../src/cli/fixtures.ts';
import { diavgeiaStandIn } from '../../../src/integrations/diavgeia/index.ts';
import type { CrossCheck } from '../../../src/projections/diavgeia/index.ts';
import { VERDICTS } from '../../../src/projections/diavgeia/index.ts';
import { eventually } from '../../support/server.ts';
import { htmlProblems, visibleText } from '../support/htmlChecks.ts';
import type { TestSite } from '../support/siteApp.ts';
import { startTestSite } from '../support/siteApp.ts';

const test = suite<{ site: TestSite; check: CrossCheck }>('diavgeia: the cross-check page on the fixture year');

test.before(async (context) => {
  context.site = await startTestSite({
    files: FIXTURE_FILES.filter((f) => f.kind === 'transactions').map((f) => ({ kind: f.kind, fileName: basename(f.path), content: () => createReadStream(f.path) })),
  });
  const report = await syncDecisions({ store: context.site.store, diavgeia: diavgeiaStandIn(fixtureDecisions()), organizationId: STAND_IN_ORGANIZATION, today: () => '2025-12-31' });
  assert.ok(report.published > 3_000);
  const api = async () => (await context.site.app.inject({ url: '/api/crosscheck/diavgeia?year=2025' })).json<CrossCheck>();
  await eventually('the decisions in the read model', async () => (await api()).summary.matched > 3_000, 60_000);
  await eventually('every decision applied', async () => {
    context.check = await api();
    return context.check.summary.notInLedger === 3;
  }, 60_000);
});
test.after(async ({ site }) => site.close());

const get = async ({ site }: { site: TestSite }, url: string) => site.app.inject({ url });

test('the fixtures give every verdict, most movements matched', ({ check }) => {
  const s = check.summary;
  for (const v of VERDICTS) assert.ok(s[v] > 0, `${v}: ${s[v]}`);
  assert.ok(s.matched > 3_500, `matched ${s.matched}`);
  assert.equal([s.typeMismatch, s.payeeMismatch, s.revoked, s.missingInDiavgeia, s.notInLedger], [2, 2, 2, 3, 3]);
  assert.ok(s.amountMismatch >= 3);
});

test('Greek page: the summary, the mismatches with links to Diavgeia and to the movement, the downloads', async (context) => {
  const response = await get(context, '/diavgeia/');
  assert.is(response.statusCode, 200);
  assert.equal(htmlProblems(response.body), []);
  const body = response.body;
  assert.match(body, /<h1>Διασταύρωση με τη Διαύγεια<\/h1>/);
  assert.match(body, /<html lang="el">/);
  assert.match(body, /Σύνοψη 2025/);
  assert.match(body, new RegExp(`Διαφορά ποσού</a></th><td class="num">${context.check.summary.amountMismatch}<`));
  const revoked = context.check.items.find((i) => i.verdict === 'revoked')!;
  const missing = context.check.items.find((i) => i.verdict === 'missingInDiavgeia')!;
  assert.ok(body.includes(`href="https://diavgeia.gov.gr/decision/view/${encodeURIComponent(revoked.ada!)}"`));
  assert.ok(body.includes(`href="/movements?year=2025&amp;search=${encodeURIComponent(missing.document!)}"`));
  assert.match(body, /href="\/diavgeia\.csv\?year=2025&amp;verdict=mismatches"/);
  assert.match(body, /href="\/api\/crosscheck\/diavgeia\?year=2025"/);
  assert.match(body, /<a href="\/diavgeia\/"[^>]*>Διαύγεια<\/a>/, 'in the navigation');
  assert.not.match(visibleText(body), /ΔΙΚΑΙΟΥΧΟΣ|ΦΥΣΙΚΟ ΠΡΟΣΩΠΟ/, 'no natural person named');
  // By default only what does not agree.
  assert.not.ok(body.includes('<td>Συμφωνεί</td>'));
  assert.ok(body.includes('<td>Ανακλήθηκε</td>'));
  assert.is((await get(context, '/diavgeia')).statusCode, 200);
});

test('English page at /en/diavgeia/', async (context) => {
  const response = await get(context, '/en/diavgeia/?verdict=all');
  assert.is(response.statusCode, 200);
  assert.equal(htmlProblems(response.body), []);
  assert.match(response.body, /<html lang="en">/);
  assert.match(response.body, /<h1>Cross-check with Diavgeia<\/h1>/);
  assert.match(response.body, /<td>Matches<\/td>/);
  assert.match(response.body, /<td>Amount differs<\/td>/);
  assert.match(response.body, /rel="next"/, 'all of them take more than a page');
  assert.match(response.body, /href="\/en\/movements\?year=2025/);
});

test('filters: one verdict, an ΑΔΑ or a document, a page; bad ones refused', async (context) => {
  const revoked = await get(context, '/diavgeia/?year=2025&verdict=revoked');
  const rows = revoked.body.match(/<tr><td>/g) ?? [];
  assert.is(rows.length, context.check.summary.revoked);
  const one = context.check.items.find((i) => i.verdict === 'payeeMismatch')!;
  const found = await get(context, `/diavgeia/?year=2025&verdict=all&search=${encodeURIComponent(one.document!.toLowerCase())}`);
  assert.ok(found.body.includes(`>${one.document}</a>`));
  assert.ok(found.body.includes('<td>Άλλος δικαιούχος</td>'));
  const second = await get(context, '/diavgeia/?year=2025&verdict=all&page=2');
  assert.match(second.body, /Εμφανίζονται 101–200 από/);
  for (const url of ['/diavgeia/?verdict=wrong', '/diavgeia/?year=20x5', '/diavgeia.csv?verdict=wrong']) assert.is((await get(context, url)).statusCode, 400, url);
});

test('CSV: exactly the filtered rows, Greek and English header, decimal comma, links', async (context) => {
  const response = await get(context, '/diavgeia.csv?year=2025&verdict=amountMismatch');
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/csv/);
  assert.match(String(response.headers['content-disposition']), /opendimos-diavgeia-2025\.csv/);
  const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(lines[0]!, /^ΑΔΑ \/ ΑΔΑ;Κίνηση \(παραστατικό\) \/ Movement \(document\);ΚΑΕ \/ ΚΑΕ;Ποσό στα βιβλία \/ Amount in the books/);
  assert.is(lines.length - 1, context.check.summary.amountMismatch);
  const item = context.check.items.find((i) => i.verdict === 'amountMismatch')!;
  const row = lines.find((l) => l.startsWith(`${item.ada};${item.document};`))!;
  assert.ok(row.includes(`;${item.ledgerAmount!.replace('.', ',')};${item.diavgeiaAmount!.replace('.', ',')};amountMismatch;Διαφορά ποσού / Amount differs;https://diavgeia.gov.gr/decision/view/`), row);
  const all = await get(context, '/diavgeia.csv?year=2025&verdict=all');
  assert.is(all.body.trim().split('\r\n').length - 1, context.check.items.length);
});

test('a year without decisions says so', async (context) => {
  const response = await get(context, '/diavgeia/?year=2019');
  assert.is(response.statusCode, 200);
  assert.match(response.body, /Δεν υπάρχουν ακόμη αποφάσεις της Διαύγειας για αυτό το έτος/);
  assert.match(response.body, /Καμία κίνηση ή απόφαση με αυτά τα φίλτρα/);
});

test.run();
