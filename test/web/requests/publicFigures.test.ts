// «Λογοδοσία / Accountability» on the site (issue 18 item 5): the monthly chart with its table beside it, per
// type and per service the same numbers as the queries, a CSV of each table (BOM, Greek / English headers),
// the months narrowed to one type or service; in English under /en; SVG and no script.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { changeRequestStatus } from '../../../src/domain/index.ts';
import { caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { startCitizenSite } from '../identity/citizenSite.ts';
import { daysAfter, decide, NOW, submit } from './publicSite.ts';

const test = suite<{ site: CitizenSite }>('web/requests: the figures of accountability', {} as { site: CitizenSite });

test.before.each(async (context) => {
  context.site = await startCitizenSite({ now: () => NOW });
  const { store } = context.site;
  // Potholes: one fixed in 2 days, one in 6, one open past its date (5 days), one on time; a bin fixed in 1.
  const a = await submit(store, { at: '2026-11-02T09:00:00.000Z' });
  await decide(store, a.id, (s) => changeRequestStatus(s, { stage: 'fixed', statusNotes: null, at: daysAfter(a.requestedAt, 2) }));
  const b = await submit(store, { at: '2026-10-10T09:00:00.000Z' });
  await decide(store, b.id, (s) => changeRequestStatus(s, { stage: 'fixed', statusNotes: null, at: daysAfter(b.requestedAt, 6) }));
  await submit(store, { at: '2026-11-10T09:00:00.000Z', expectedDays: 5 });
  await submit(store, { at: '2026-11-18T09:00:00.000Z' });
  const bin = await submit(store, { serviceCode: 'overflowing-bins', at: '2026-09-05T09:00:00.000Z', expectedDays: 3 });
  await decide(store, bin.id, (s) => changeRequestStatus(s, { stage: 'fixed', statusNotes: null, at: daysAfter(bin.requestedAt, 1) }));
  await caughtUp(context.site);
});
test.after.each(async ({ site }) => site.close());

const get = (site: CitizenSite, url: string) => site.app.inject({ url });
const rowOf = (body: string, label: string): string[] => {
  const row = new RegExp(`<tr><th scope="row">${label}</th>(.*?)</tr>`).exec(body)?.[1] ?? '';
  return [...row.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]!);
};

test('the page: the months as a chart and a table, per category and per service the numbers', async ({ site }) => {
  const page = await get(site, '/requests/accountability');
  assert.is(page.statusCode, 200, page.body.slice(0, 300));
  const body = page.body;
  assert.ok(body.includes('<svg class="chart"') && body.includes('role="img"'), 'SVG charts');
  assert.ok(body.includes('class="chart-pair chart-pair-side"'), 'the months’ chart with its table beside');
  assert.not.ok(/<script>/.test(body), 'no inline script');
  assert.equal(rowOf(body, 'Νοέμβριος 2026'), ['3', '1']);
  assert.equal(rowOf(body, 'Οκτώβριος 2026'), ['1', '1']);
  assert.equal(rowOf(body, 'Σεπτέμβριος 2026'), ['1', '1']);
  assert.equal(rowOf(body, 'Δεκέμβριος 2025'), ['0', '0'], 'the empty months too');
  assert.equal(rowOf(body, 'Λακκούβα στον δρόμο'), ['4', '2', '4,0', '2', '1', '50,0\u00a0%']);
  assert.equal(rowOf(body, 'Γεμάτοι κάδοι απορριμμάτων'), ['1', '1', '1,0', '0', '0', '—']);
  assert.equal(rowOf(body, 'Σβηστός φανοστάτης'), ['0', '0', '—', '0', '0', '—'], 'a type without requests has its row');
  assert.equal(rowOf(body, 'Υπηρεσία Καθαριότητας'), ['1', '1', '1,0', '0', '0', '—']);
  const unknown = await get(site, '/requests/accountability?of=c%3Anot-a-type');
  assert.ok(unknown.body.includes('όλες τις αναφορές'), 'an unknown scope is all of them');
  const bins = await get(site, '/requests/accountability?of=c%3Aoverflowing-bins');
  assert.equal(rowOf(bins.body, 'Νοέμβριος 2026'), ['0', '0']);
  assert.equal(rowOf(bins.body, 'Σεπτέμβριος 2026'), ['1', '1']);
  const en = await get(site, '/en/requests/accountability?of=d%3Atechnical-services');
  assert.is(en.statusCode, 200);
  assert.ok(en.body.includes('Opened and fixed per month: Technical Services'));
  assert.equal(rowOf(en.body, 'November 2026'), ['3', '1']);
  assert.equal(rowOf(en.body, 'Pothole'), ['4', '2', '4.0', '2', '1', '50.0%']);
});

test('each table as CSV: BOM, Greek / English headers, the same numbers', async ({ site }) => {
  const months = await get(site, '/requests/accountability/months.csv?of=c%3Apothole');
  assert.is(months.statusCode, 200);
  assert.match(String(months.headers['content-disposition']), /opendimos-requests-months-c-pothole\.csv/);
  const lines = months.body.split('\r\n');
  assert.is(lines[0], '\uFEFFΜήνας / Month;Άνοιξαν / Opened;Διορθώθηκαν / Fixed');
  assert.is(lines.length, 14, 'the header, 12 months, the last line break');
  assert.is(lines[12], '2026-11;3;1');
  const categories = (await get(site, '/requests/accountability/categories.csv')).body.split('\r\n');
  assert.ok(categories[0]!.startsWith('\uFEFFΚωδικός κατηγορίας / Category code;Κατηγορία / Category;Άνοιξαν (12 μήνες) / Opened (12 months)'));
  assert.ok(categories.includes('pothole;Λακκούβα στον δρόμο;4;2;4,0;2;1;0,5000'), categories.join('\n'));
  assert.ok(categories.includes('streetlight;Σβηστός φανοστάτης;0;0;;0;0;'));
  const departments = (await get(site, '/requests/accountability/departments.csv')).body;
  assert.ok(departments.includes('\r\ncleaning;Υπηρεσία Καθαριότητας;1;1;1,0;0;0;\r\n'));
  assert.is((await get(site, '/requests/accountability/other.csv')).statusCode, 400, 'only the three tables');
});

test.run();
