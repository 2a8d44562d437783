// «Μήπως έχει ήδη αναφερθεί;»: the open requests of the same kind within 50 m, found at 40 m and not at 60 m,
// as JSON for the page's script and as a step of the form without it, +1 recorded (and the draft left
// behind forgotten), «no, it is another» going on; the gazetteer's search, accent- and case-insensitive; the
// limits per e-mail and per client address, and the same report twice answered once.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { OUTBOX } from '../../../src/notify/index.ts';
import { PENDING_REPORTS } from '../../../src/api/requests/index.ts';
import { REQUESTS } from '../../../src/projections/requests/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { A, caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, logInAs, startCitizenSite } from '../identity/citizenSite.ts';
import { anonymousReport, CODE, hiddenOf, requestEvents, sendReport, SPOT } from './reportSite.ts';

interface Context {
  site: CitizenSite;
  clock: { at: number };
}

const test = suite<Context>('web/requests: already reported?, places, limits', {} as Context);

test.before.each(async (c) => {
  c.clock = { at: Date.parse('2026-12-07T09:00:00Z') };
  c.site = await startCitizenSite({ now: () => new Date(c.clock.at) });
});

test.after.each(async (c) => {
  await c.site.close();
});

/** Degrees of latitude for so many metres north. */
const north = (metres: number): string => (SPOT.lat + metres / 111_195).toFixed(7);

const count = async (site: CitizenSite, name: string, where = 'true'): Promise<number> =>
  Number((await site.db.client.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table(site.db.schema, name)} WHERE ${where}`))[0]!.n);

/** A citizen's report at the spot, recorded and projected. */
const existing = async (site: CitizenSite): Promise<string> => {
  const citizen = new Browser(site.app);
  await logInAs(citizen, A);
  const sent = await sendReport(site, citizen, { description: 'Διαρροή νερού στην πλατεία', lat: String(SPOT.lat), long: String(SPOT.long) });
  assert.is(sent.statusCode, 303, sent.body.slice(0, 300));
  await caughtUp(site);
  return (sent.headers.location as string).split('=')[1]!;
};

test('the JSON of nearby requests: the same kind within 50 m (40 m yes, 60 m no), other kinds not, outside the bounds refused', async ({ site }) => {
  const id = await existing(site);
  const near = await site.app.inject({ url: `/requests/nearby?service_code=${CODE}&lat=${north(40)}&long=${SPOT.long}` });
  assert.is(near.statusCode, 200);
  const found = near.json<{ requests: { id: string; description: string; supports: number; distance: number; url: string }[] }>().requests;
  assert.is(found.length, 1);
  assert.is(found[0]!.id, id);
  assert.is(found[0]!.description, 'Διαρροή νερού στην πλατεία');
  assert.ok(found[0]!.distance >= 39 && found[0]!.distance <= 41, String(found[0]!.distance));
  assert.is(found[0]!.url, `/requests/${id}`);
  const far = await site.app.inject({ url: `/requests/nearby?service_code=${CODE}&lat=${north(60)}&long=${SPOT.long}` });
  assert.equal(far.json(), { requests: [] });
  const other = await site.app.inject({ url: `/requests/nearby?service_code=pothole&lat=${SPOT.lat}&long=${SPOT.long}` });
  assert.equal(other.json(), { requests: [] });
  assert.is((await site.app.inject({ url: `/requests/nearby?service_code=${CODE}&lat=37.98&long=23.72` })).statusCode, 400);
  assert.is((await site.app.inject({ url: `/requests/nearby?service_code=${CODE}&lat=x&long=1` })).statusCode, 400);
});

test('without JavaScript the nearby requests are a step: +1 records RequestSupported and forgets the draft', async ({ site }) => {
  const id = await existing(site);
  const visitor = new Browser(site.app);
  const step = await sendReport(site, visitor, anonymousReport({ lat: north(40) }));
  assert.is(step.statusCode, 200);
  assert.ok(step.body.includes('Μήπως έχει ήδη αναφερθεί;'));
  assert.ok(step.body.includes('Διαρροή νερού στην πλατεία') && step.body.includes('+1 Το ίδιο πρόβλημα') && step.body.includes('Όχι, είναι άλλο'));
  assert.ok(step.body.includes(`action="/requests/${id}/support"`));
  assert.is(await count(site, PENDING_REPORTS), 1, 'the draft waits');
  const supported = await visitor.post(`/requests/${id}/support`, { _csrf: hiddenOf(step.body, '_csrf'), draft: hiddenOf(step.body, 'draft') });
  assert.is(supported.statusCode, 200, supported.body.slice(0, 300));
  assert.ok(supported.body.includes('Ευχαριστούμε'));
  const support = (await requestEvents(site)).filter((e) => e.type === 'RequestSupported');
  assert.is(support.length, 1);
  assert.is(support[0]!.data['requestId'], id);
  assert.is(support[0]!.metadata['actor'], 'web');
  assert.is(await count(site, PENDING_REPORTS), 0, 'the draft is forgotten');
  assert.is(await count(site, OUTBOX), 0, 'no e-mail for it');
  await caughtUp(site);
  assert.is(await count(site, REQUESTS, `supports = 1`), 1);
  assert.is((await visitor.post('/requests/00000000-0000-4000-8000-000000000000/support', { _csrf: hiddenOf(step.body, '_csrf') })).statusCode, 404);
});

test('«no, it is another» goes on to the e-mail link; the script’s nearby_seen skips the step', async ({ site }) => {
  await existing(site);
  const visitor = new Browser(site.app);
  const step = await sendReport(site, visitor, anonymousReport({ lat: north(30) }), [], '/en');
  assert.ok(step.body.includes('Already reported?') && step.body.includes('No, it is another'));
  const on = await visitor.post('/en/requests/new/continue', { _csrf: hiddenOf(step.body, '_csrf'), draft: hiddenOf(step.body, 'draft') });
  assert.is(on.statusCode, 200);
  assert.ok(on.body.includes('Check your e-mail'));
  assert.is(await count(site, PENDING_REPORTS, `stage = 'pending'`), 1);
  assert.is(await count(site, OUTBOX), 1);
  const again = await visitor.post('/en/requests/new/continue', { _csrf: hiddenOf(step.body, '_csrf'), draft: hiddenOf(step.body, 'draft') });
  assert.is(again.statusCode, 404, 'a draft goes on once');
  const seen = await sendReport(site, visitor, anonymousReport({ lat: north(20), description: 'Κάτι άλλο', nearby_seen: '1' }));
  assert.ok(seen.body.includes('Ελέγξτε το e-mail σας'));
  assert.is(await count(site, PENDING_REPORTS, `stage = 'pending'`), 2);
});

test('the gazetteer: accent- and case-insensitive, Greek and Latin names, nothing for a short or unknown query', async ({ site }) => {
  const search = async (q: string, prefix = '') =>
    (await site.app.inject({ url: `${prefix}/requests/places?q=${encodeURIComponent(q)}` })).json<{ places: { id: string; name: string; lat: number; long: number }[] }>().places;
  for (const q of ['Αγία Θέκλη', 'αγια θεκλη', 'ΑΓΙΑ ΘΕΚΛΗ', 'agia thekli', 'AGIA']) assert.ok((await search(q)).some((p) => p.id === 'agia-thekli'), q);
  const square = await search('πλατεια πετριτση');
  assert.is(square[0]!.id, 'lixouri-petritsi-square');
  assert.ok(square[0]!.lat > 38.19 && square[0]!.lat < 38.21 && square[0]!.long > 20.43 && square[0]!.long < 20.45);
  assert.is((await search('Σκηνεας', '/en'))[0]!.name, 'Skineas');
  assert.is((await search('Σκηνεας'))[0]!.name, 'Σκηνέας');
  assert.equal(await search('ζζζζ'), []);
  assert.equal(await search('α'), []);
  for (const village of ['Vouni', 'Kouvalata', 'Chavriata', 'Chavdata', 'Damoulianata', 'Kaminarata', 'Kontogenada', 'Mantzavinata', 'Monopolata', 'Rifi', 'Soullari', 'Favata', 'Agios Dimitrios', 'Atheras', 'Kalata', 'Kourouklata', 'Livadi', 'Vilatoria']) {
    assert.ok((await search(village)).length > 0, village);
  }
});

test('at most 5 reports a day waiting for one e-mail; the same report again within 10 minutes is the one waiting', async (c) => {
  const { site } = c;
  const visitor = new Browser(site.app);
  for (let i = 1; i <= 5; i += 1) {
    const sent = await sendReport(site, visitor, anonymousReport({ description: `Διαρροή ${i}` }));
    assert.ok(sent.body.includes('Ελέγξτε το e-mail σας'), `report ${i}`);
  }
  const again = await sendReport(site, visitor, anonymousReport({ description: 'Διαρροή 5' }));
  assert.is(again.statusCode, 200, 'the same report again is answered as sent');
  assert.is(await count(site, PENDING_REPORTS), 5, 'and kept once');
  assert.is(await count(site, OUTBOX), 5, 'with one e-mail');
  const sixth = await sendReport(site, visitor, anonymousReport({ description: 'Διαρροή 6' }));
  assert.is(sixth.statusCode, 429);
  assert.ok(sixth.body.includes('Έως 5 αναφορές την ημέρα'));
  const sixthEn = await sendReport(site, visitor, anonymousReport({ description: 'Διαρροή 6', email: 'MARIA@example.gr' }), [], '/en');
  assert.ok(sixthEn.body.includes('At most 5 reports a day'), 'the address counts whatever its case');
  assert.is(await count(site, PENDING_REPORTS), 5);
  c.clock.at += 11 * 60_000;
  const later = await sendReport(site, visitor, anonymousReport({ description: 'Διαρροή 5', email: 'nikos@example.gr' }));
  assert.ok(later.body.includes('Ελέγξτε το e-mail σας'), 'after 10 minutes the same words are a new report');
  assert.is(await count(site, PENDING_REPORTS), 6);
});

test('at most 10 reports an hour from one client address without an account; another address, or an hour later, may', async (c) => {
  const { site } = c;
  const visitor = new Browser(site.app);
  for (let i = 1; i <= 10; i += 1) {
    const sent = await sendReport(site, visitor, anonymousReport({ description: `Βλάβη ${i}`, email: `p${i}@example.gr` }), [], '', '10.0.0.7');
    assert.is(sent.statusCode, 200, `report ${i}`);
  }
  const eleventh = await sendReport(site, visitor, anonymousReport({ description: 'Βλάβη 11', email: 'p11@example.gr' }), [], '', '10.0.0.7');
  assert.is(eleventh.statusCode, 429);
  assert.ok(eleventh.body.includes('Έως 10 αναφορές την ώρα'));
  assert.is((await sendReport(site, visitor, anonymousReport({ description: 'Βλάβη 11', email: 'p11@example.gr' }), [], '', '10.0.0.8')).statusCode, 200);
  c.clock.at += 61 * 60_000;
  assert.is((await sendReport(site, visitor, anonymousReport({ description: 'Βλάβη 12', email: 'p12@example.gr' }), [], '', '10.0.0.7')).statusCode, 200);
  assert.is(await count(site, PENDING_REPORTS), 12);
  assert.equal(await requestEvents(site), []);
});

test.run();
