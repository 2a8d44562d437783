// Bulk actions and merges in the requests' office (issue 18): several requests selected in the queue move to a
// stage with one public note, or to another department, each event carrying the clerk; a selection with one
// request the clerk may not handle, or an action one of them refuses, changes none of them; a duplicate merged
// into the request that stays closes as a duplicate, and the one that stays counts it as a support.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { streams } from '../../../src/domain/index.ts';
import { requestById } from '../../../src/projections/requests/index.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { csrfOf, startCitizenSite } from '../identity/citizenSite.ts';
import { actorsOf, caughtUp, report, staffBrowser } from '../requests/requestsSite.ts';

const test = suite<{ site: CitizenSite }>('the back office: bulk actions and merges on requests', {} as { site: CitizenSite });

test.before.each(async (context) => {
  context.site = await startCitizenSite();
});
test.after.each(async ({ site }) => site.close());

const stageOf = async (site: CitizenSite, id: string) => (await requestById(site.db.client, site.db.schema, id))?.stage;
const lengths = async (site: CitizenSite, ids: readonly string[]) => Promise.all(ids.map(async (id) => (await site.store.readStream(streams.request(id))).length));

/** A form POST with a field repeated, as checkboxes send it. */
const postForm = (site: CitizenSite, cookie: string, url: string, fields: readonly (readonly [string, string])[]) =>
  site.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields.map(([k, v]) => [k, v])).toString() });

test('a stage with one note, then an assignment, on the selected requests; the others stay as they were', async ({ site }) => {
  const [a, b, c] = [await report(site), await report(site), await report(site)];
  const clerk = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical-services']);
  const queue = await clerk.get('/office/requests');
  assert.match(queue.body, 'action="/office/requests/bulk"');
  for (const r of [a, b, c]) assert.match(queue.body, `<input type="checkbox" name="ids" value="${r.id}"`);
  const token = csrfOf(queue.body);

  const staged = await postForm(site, clerk.cookieHeader(), '/office/requests/bulk', [
    ['_csrf', token],
    ['ids', a.id],
    ['ids', b.id],
    ['action', 'stage'],
    ['stage', 'in_progress'],
    ['notes', 'Προγραμματίστηκε ασφαλτόστρωση της οδού.'],
  ]);
  assert.is(staged.statusCode, 303, staged.body.slice(0, 400));
  assert.is(staged.headers.location, '/office/requests?done=bulk');
  await caughtUp(site);
  assert.is(await stageOf(site, a.id), 'in_progress');
  assert.is(await stageOf(site, b.id), 'in_progress');
  assert.is(await stageOf(site, c.id), 'open');
  assert.is((await requestById(site.db.client, site.db.schema, b.id))?.statusNotes, 'Προγραμματίστηκε ασφαλτόστρωση της οδού.');
  assert.match((await clerk.get('/office/requests?done=bulk')).body, 'Η ενέργεια εφαρμόστηκε στα επιλεγμένα αιτήματα.');

  const assigned = await postForm(site, clerk.cookieHeader(), '/en/office/requests/bulk', [
    ['_csrf', token],
    ['ids', b.id],
    ['ids', c.id],
    ['action', 'assign'],
    ['department', 'green'],
  ]);
  assert.is(assigned.statusCode, 303);
  assert.is(assigned.headers.location, '/en/office/requests?done=bulk');
  await caughtUp(site);
  assert.is((await requestById(site.db.client, site.db.schema, c.id))?.department, 'green');
  assert.is((await requestById(site.db.client, site.db.schema, a.id))?.department, null);
  const actors = [...(await actorsOf(site, a.id, ['RequestStatusChanged'])), ...(await actorsOf(site, b.id, ['RequestStatusChanged', 'RequestAssigned'])), ...(await actorsOf(site, c.id, ['RequestAssigned']))];
  assert.is(actors.length, 4);
  assert.ok(actors.every((x) => x === actors[0] && x.startsWith('staff:')), JSON.stringify(actors));
  const after = await clerk.get('/office/requests');
  assert.match(after.body, `value="${a.id}"`);
  assert.not.match(after.body, `value="${c.id}"`, 'assigned away, it left this queue');
});

test('a bulk action that one selected request refuses, or that names another department’s, changes none of them', async ({ site }) => {
  const [a, b] = [await report(site), await report(site)];
  const light = await report(site, { serviceCode: 'streetlight' });
  const clerk = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical-services']);
  const token = csrfOf((await clerk.get('/office/requests')).body);
  const before = await lengths(site, [a.id, b.id, light.id]);

  const noReason = await postForm(site, clerk.cookieHeader(), '/office/requests/bulk', [['_csrf', token], ['ids', a.id], ['ids', b.id], ['action', 'stage'], ['stage', 'closed'], ['notes', '']]);
  assert.is(noReason.statusCode, 400);
  assert.match(noReason.body, /<legend>Μαζική ενέργεια στα επιλεγμένα<\/legend><p class="error" role="alert">[0-9a-f]{8}: Γράψτε γιατί κλείνει/);
  const foreign = await postForm(site, clerk.cookieHeader(), '/office/requests/bulk', [['_csrf', token], ['ids', a.id], ['ids', light.id], ['action', 'stage'], ['stage', 'acknowledged']]);
  assert.is(foreign.statusCode, 400);
  assert.match(foreign.body, `${light.id.slice(0, 8)}: Δεν υπάρχει τέτοιο αίτημα`);
  const none = await postForm(site, clerk.cookieHeader(), '/en/office/requests/bulk', [['_csrf', token], ['action', 'stage'], ['stage', 'acknowledged']]);
  assert.is(none.statusCode, 400);
  assert.match(none.body, 'Select at least one request');
  const nowhere = await postForm(site, clerk.cookieHeader(), '/office/requests/bulk', [['_csrf', token], ['ids', a.id], ['action', 'assign'], ['department', 'nowhere']]);
  assert.is(nowhere.statusCode, 400);
  const forged = await postForm(site, clerk.cookieHeader(), '/office/requests/bulk', [['_csrf', 'forged'], ['ids', a.id], ['action', 'stage'], ['stage', 'acknowledged']]);
  assert.is(forged.statusCode, 403);

  assert.equal(await lengths(site, [a.id, b.id, light.id]), before, 'nothing was appended to any of them');
});

test('a duplicate merged into the request that stays: closed as a duplicate, counted as a support, listed on both pages; merging into a duplicate is refused', async ({ site }) => {
  const stays = await report(site);
  const duplicate = await report(site);
  const clerk = await staffBrowser(site, 'Σπύρος Μαρκάτος', ['clerk:technical-services']);
  const page = await clerk.get(`/office/requests/${duplicate.id}`);
  assert.match(page.body, `action="/office/requests/${duplicate.id}/merge"`);
  const merged = await clerk.post(`/office/requests/${duplicate.id}/merge`, { _csrf: csrfOf(page.body), into: stays.id.toUpperCase() });
  assert.is(merged.statusCode, 303);
  assert.is(merged.headers.location, `/office/requests/${duplicate.id}?done=merged`);
  await caughtUp(site);
  const gone = await requestById(site.db.client, site.db.schema, duplicate.id);
  assert.is(gone?.stage, 'duplicate');
  assert.is(gone?.mergedInto, stays.id);
  assert.is((await requestById(site.db.client, site.db.schema, stays.id))?.supports, 1);
  assert.ok((await actorsOf(site, duplicate.id, ['RequestMerged']))[0]?.startsWith('staff:'));

  const dPage = await clerk.get(`/office/requests/${duplicate.id}`);
  assert.match(dPage.body, `<dt>Συγχωνεύθηκε στο</dt><dd><a href="/office/requests/${stays.id}">${stays.id}</a></dd>`);
  assert.not.match(dPage.body, `action="/office/requests/${duplicate.id}/merge"`, 'a duplicate is not merged again');
  const sPage = await clerk.get(`/office/requests/${stays.id}`);
  assert.match(sPage.body, `<dt>Διπλές αναφορές που συγχωνεύθηκαν εδώ</dt><dd><a href="/office/requests/${duplicate.id}">`);
  assert.match(sPage.body, '<dd id="supports">1</dd>');

  const before = await lengths(site, [stays.id, duplicate.id]);
  const intoDuplicate = await clerk.post(`/office/requests/${stays.id}/merge`, { _csrf: csrfOf(sPage.body), into: duplicate.id });
  assert.is(intoDuplicate.statusCode, 409);
  assert.match(intoDuplicate.body, 'Συγχώνευση γίνεται από ανοιχτό αίτημα');
  assert.equal(await lengths(site, [stays.id, duplicate.id]), before);
});

test.run();
