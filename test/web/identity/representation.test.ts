// A legal representative acts for the company (issue 14 item 1), as a browser walks it: staff record the
// grant in the back office; the person logs in with their own TaxisNet codes, sees the company on /my/ and
// switches to it: a new session (the cookie rotated) whose subject is the company, /api/my answering the
// company's fields with the representative beside, every change recorded with the person as its actor, a
// banner and the way back. Revocation ends the session at once, expiry at the end of the grant's last day;
// nobody acts under a grant that is not theirs.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { endOfMunicipalDay, knownSubjectOf } from '../../../src/api/identity/index.ts';
import { SESSION_COOKIE } from '../../../src/api/shared/sessions/index.ts';
import type { CitizenSite } from './citizenSite.ts';
import { Browser, csrfOf, logInAs, startCitizenSite } from './citizenSite.ts';
import { actForm, admin, COMPANY, COMPANY_NAME, grant, until } from './representing.ts';

const test = suite<{ site: CitizenSite }>('identity: acting for a company', {} as { site: CitizenSite });

const GEORGIOS = '012481630';
const ELENI = '047312951';

test.before.each(async (context) => {
  context.site = await startCitizenSite();
});
test.after.each(async ({ site }) => site.close());

const apiMy = async (browser: Browser): Promise<Record<string, unknown>> => JSON.parse((await browser.get('/api/my')).body) as Record<string, unknown>;

test('the representative sees the company, acts for it in a new session, /api/my answers the company, then goes back', async ({ site }) => {
  await grant(site, GEORGIOS);
  const person = new Browser(site.app);
  await logInAs(person, GEORGIOS);
  const own = await person.get('/my/');
  assert.match(own.body, 'Εταιρείες που εκπροσωπείτε');
  assert.match(own.body, COMPANY_NAME);
  const mine = JSON.parse((await person.get('/api/my')).body) as Record<string, unknown>;
  assert.equal(mine.kind, 'person');
  assert.not.ok('representative' in mine, 'a person’s own session answers the fixed fields alone');
  const before = person.cookies.get(SESSION_COOKIE);
  const switched = await person.post('/my/act-for', actForm(own.body));
  assert.is(switched.statusCode, 303);
  assert.is.not(person.cookies.get(SESSION_COOKIE), before, 'the session id is rotated');
  const stale = await site.app.inject({ method: 'GET', url: '/api/my', headers: { cookie: `${SESSION_COOKIE}=${before}` } });
  assert.is(stale.statusCode, 401, 'the person’s own session before the switch is gone');
  const acting = JSON.parse((await person.get('/api/my')).body) as Record<string, unknown>;
  assert.equal(
    { taxid: acting.taxid, name: acting.name, kind: acting.kind, email: acting.email, language: acting.language },
    { taxid: COMPANY, name: COMPANY_NAME, kind: 'company', email: null, language: 'el' },
  );
  assert.equal(acting.representative, { taxid: GEORGIOS, name: 'ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΑΤΟΣ' });
  assert.type(acting.csrfToken, 'string');
  const page = await person.get('/my/');
  assert.match(page.body, `Ενεργείτε για λογαριασμό της εταιρείας ${COMPANY_NAME}`);
  assert.match(page.body, 'Επιστροφή στον λογαριασμό μου');
  assert.not.match(page.body, 'href="/my/erase"', 'a representative does not erase the company’s account');
  assert.not.match(page.body, 'Εταιρείες που εκπροσωπείτε');
  const en = await person.get('/en/my/');
  assert.match(en.body, `You are acting for the company ${COMPANY_NAME}`);
  assert.match(en.body, 'Back to my own account');
  // A change made while acting is the company's, with the person as its actor.
  assert.is((await person.post('/my/phone', { _csrf: csrfOf(page.body), phone: '2671091234' })).statusCode, 303);
  const companySubject = await knownSubjectOf(site.services, COMPANY);
  const georgios = await knownSubjectOf(site.services, GEORGIOS);
  const events = await site.store.readStream(`citizen-${companySubject}`);
  assert.equal(
    events.map((e) => e.type),
    ['CitizenRegistered', 'ContactPhoneSet'],
    'the company’s account opened by its representative, then the change',
  );
  for (const e of events) assert.is((e.metadata as { actor?: string }).actor, `citizen:${georgios}`);
  const erase = await person.post('/my/erase', { _csrf: csrfOf(page.body), confirm: 'yes' });
  assert.is(erase.statusCode, 403);
  assert.match(erase.body, 'όχι από εκπρόσωπο');
  assert.is((await site.store.readStream(`citizen-${companySubject}`)).length, 2, 'nothing erased');
  const back = await person.post('/my/act-for/end', { _csrf: csrfOf(page.body) });
  assert.is(back.statusCode, 303);
  const again = JSON.parse((await person.get('/api/my')).body) as Record<string, unknown>;
  assert.equal({ taxid: again.taxid, kind: again.kind }, { taxid: GEORGIOS, kind: 'person' });
  assert.not.ok('representative' in again);
});

test('revocation ends the acting session at once, and acting again under it is refused', async ({ site }) => {
  const id = await grant(site, GEORGIOS);
  const person = new Browser(site.app);
  await logInAs(person, GEORGIOS);
  await person.post('/my/act-for', actForm((await person.get('/my/')).body));
  assert.is((await apiMy(person)).kind, 'company');
  const office = await admin(site);
  const list = await office.get(`/office/representations?taxid=${COMPANY}`);
  const revoked = await office.post('/office/representations/revoke', { _csrf: csrfOf(list.body), representation: id, taxid: COMPANY });
  assert.is(revoked.statusCode, 303);
  assert.is((await person.get('/api/my')).statusCode, 401);
  const relogged = new Browser(site.app);
  await logInAs(relogged, GEORGIOS);
  await until(async () => !(await relogged.get('/my/')).body.includes(COMPANY_NAME));
  const refused = await relogged.post('/my/act-for', { _csrf: csrfOf((await relogged.get('/my/')).body), representation: id });
  assert.is(refused.statusCode, 403);
  assert.match(refused.body, 'Δεν εκπροσωπείτε αυτή την εταιρεία σήμερα');
  assert.is((await apiMy(relogged)).kind, 'person', 'the own session stays');
});

test('a grant with a last day ends the session at the end of that day in Athens', async ({ site }) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  await grant(site, GEORGIOS, today);
  const person = new Browser(site.app);
  await logInAs(person, GEORGIOS);
  await person.post('/my/act-for', actForm((await person.get('/my/')).body));
  const [row] = await site.db.client.query<{ ends_at: Date | string }>(`SELECT ends_at FROM "${site.db.schema}".od_sessions WHERE representation_id IS NOT NULL`);
  assert.is(new Date(row!.ends_at).toISOString(), endOfMunicipalDay(today).toISOString());
  await site.db.client.query(`UPDATE "${site.db.schema}".od_sessions SET ends_at = now() - interval '1 second' WHERE representation_id IS NOT NULL`);
  assert.is((await person.get('/api/my')).statusCode, 401, 'past its end the session is gone');
  assert.equal(await site.db.client.query(`SELECT 1 FROM "${site.db.schema}".od_sessions WHERE representation_id IS NOT NULL`), []);
});

test('nobody acts under another’s grant, a company acts for nobody, and the form needs its CSRF token', async ({ site }) => {
  const id = await grant(site, GEORGIOS);
  const eleni = new Browser(site.app);
  await logInAs(eleni, ELENI);
  const page = await eleni.get('/my/');
  assert.not.match(page.body, COMPANY_NAME);
  const refused = await eleni.post('/my/act-for', { _csrf: csrfOf(page.body), representation: id });
  assert.is(refused.statusCode, 403);
  assert.match(refused.body, 'Δεν εκπροσωπείτε');
  assert.is((await apiMy(eleni)).taxid, ELENI);
  const georgios = new Browser(site.app);
  await logInAs(georgios, GEORGIOS);
  const noToken = await georgios.post('/my/act-for', { representation: id });
  assert.is(noToken.statusCode, 403);
  assert.is((await apiMy(georgios)).kind, 'person');
  const company = new Browser(site.app);
  await logInAs(company, COMPANY);
  const own = await company.get('/my/');
  assert.not.match(own.body, 'Εταιρείες που εκπροσωπείτε');
  const asCompany = await company.post('/my/act-for', { _csrf: csrfOf(own.body), representation: id });
  assert.is(asCompany.statusCode, 403);
  assert.not.ok('representative' in (await apiMy(company)));
});

test.run();
