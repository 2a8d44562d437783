// Legal representations in the back office (issue 14 item 1): an admin records a grant with a plain form
// (CSRF, no JavaScript), finds it by either ΑΦΜ (each grant shown is an audit entry) and revokes it; a bad
// form is answered in Greek or English with the field marked and what was typed kept, and nothing changed;
// staff without the role, citizens and visitors record nothing.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStaff } from '../../../src/api/shared/staff/index.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, logInAs, startCitizenSite } from '../identity/citizenSite.ts';

const test = suite<{ site: CitizenSite }>('the back office: legal representations', {} as { site: CitizenSite });
const PASSWORD = 'μια φράση από λέξεις';
const COMPANY = '801234560';
const GEORGIOS = '012481630';

test.before.each(async (context) => {
  context.site = await startCitizenSite();
});
test.after.each(async ({ site }) => site.close());

const staffBrowser = async (site: CitizenSite, email: string, roles: string[]): Promise<Browser> => {
  const link = await createStaff({ client: site.db.client, schema: site.db.schema, store: site.store }, { email, name: 'Άννα Ζαφειράτου', roles, actor: 'cli:test' });
  const browser = new Browser(site.app);
  const form = await browser.get(`/office/password/${link.token}`);
  await browser.post(`/office/password/${link.token}`, { _csrf: csrfOf(form.body), password: PASSWORD, repeated: PASSWORD });
  const login = await browser.get('/office/login');
  const done = await browser.post('/office/login', { _csrf: csrfOf(login.body), email, password: PASSWORD });
  assert.is(done.statusCode, 303);
  return browser;
};

const form = (over: Record<string, string> = {}): Record<string, string> => ({
  companyTaxid: COMPANY,
  companyName: 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.',
  representativeTaxid: GEORGIOS,
  basis: 'καταστατικό / ΓΕΜΗ',
  evidence: 'ΓΕΜΗ 123456789000',
  validFrom: '2026-01-01',
  validUntil: '',
  ...over,
});

const representationEvents = async (site: CitizenSite): Promise<number> => {
  const [row] = await site.db.client.query<{ n: number | string }>(`SELECT count(*) AS n FROM "${site.db.schema}".od_events WHERE stream LIKE 'representation-%'`);
  return Number(row!.n);
};
const auditActions = async (site: CitizenSite): Promise<string[]> =>
  (await site.db.client.query<{ action: string }>(`SELECT action FROM "${site.db.schema}".od_staff_audit WHERE action NOT LIKE 'Staff%' ORDER BY entry`)).map((r) => r.action);

const shown = async (site: CitizenSite, browser: Browser, taxid: string, text: string): Promise<string> => {
  for (let i = 0; i < 100; i++) {
    const page = await browser.get(`/office/representations?taxid=${taxid}`);
    if (page.body.includes(text)) return page.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`"${text}" never shown`);
};

test('an admin records a grant, finds it by either ΑΦΜ (each look-up audited) and revokes it', async ({ site }) => {
  const admin = await staffBrowser(site, 'admin@lixouri.gr', ['admin']);
  const home = await admin.get('/office/');
  assert.match(home.body, 'href="/office/representations"');
  const page = await admin.get('/office/representations');
  assert.is(page.statusCode, 200);
  for (const label of ['ΑΦΜ εταιρείας', 'ΑΦΜ εκπροσώπου', 'Βάση εκπροσώπησης', 'Ισχύει από']) assert.match(page.body, label);
  const done = await admin.post('/office/representations', { _csrf: csrfOf(page.body), ...form({ companyTaxid: ' 801 234 560 ' }) });
  assert.is(done.statusCode, 303);
  assert.is(done.headers.location, `/office/representations?taxid=${COMPANY}&done=granted`);
  const byCompany = await shown(site, admin, COMPANY, 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ');
  assert.match(byCompany, GEORGIOS);
  assert.match(byCompany, 'σε ισχύ');
  assert.match(byCompany, 'έως την ανάκληση');
  const byPerson = await admin.get(`/office/representations?taxid=${GEORGIOS}`);
  assert.match(byPerson.body, 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ');
  assert.equal((await auditActions(site)).slice(0, 1), ['RepresentationGranted']);
  assert.ok((await auditActions(site)).filter((a) => a === 'PersonalDataViewed').length >= 4, 'the company and the representative, per look-up');
  const id = /name="representation" value="([^"]+)"/.exec(byPerson.body)?.[1] ?? '';
  const revoked = await admin.post('/office/representations/revoke', { _csrf: csrfOf(byPerson.body), representation: id, taxid: GEORGIOS });
  assert.is(revoked.statusCode, 303);
  const after = await shown(site, admin, COMPANY, 'ανακλήθηκε');
  assert.not.match(after, 'name="representation"', 'no revoke button for a revoked grant');
  assert.equal((await auditActions(site)).filter((a) => a.startsWith('Representation')), ['RepresentationGranted', 'RepresentationRevoked']);
  const again = await admin.post('/office/representations/revoke', { _csrf: csrfOf(after), representation: id, taxid: COMPANY });
  assert.is(again.statusCode, 409);
  assert.match(again.body, 'έχει ήδη ανακληθεί');
});

test('a bad form: the field marked, the message in Greek or English, what was typed kept, nothing changed', async ({ site }) => {
  const admin = await staffBrowser(site, 'admin@lixouri.gr', ['admin']);
  const page = await admin.get('/office/representations');
  const wrong = await admin.post('/office/representations', { _csrf: csrfOf(page.body), ...form({ companyTaxid: '801234561' }) });
  assert.is(wrong.statusCode, 422);
  assert.match(wrong.body, 'Ο ΑΦΜ της εταιρείας δεν είναι έγκυρος');
  assert.match(wrong.body, /id="companyTaxid" name="companyTaxid" value="801234561"[^>]*aria-invalid="true"/);
  assert.match(wrong.body, 'value="ΓΕΜΗ 123456789000"');
  const en = await admin.get('/en/office/representations');
  const english = await admin.post('/en/office/representations', { _csrf: csrfOf(en.body), ...form({ representativeTaxid: COMPANY }) });
  assert.is(english.statusCode, 422);
  assert.match(english.body, 'nobody represents themselves');
  const dates = await admin.post('/office/representations', { _csrf: csrfOf(page.body), ...form({ validUntil: '2020-01-01' }) });
  assert.is(dates.statusCode, 422);
  assert.match(dates.body, /id="validUntil" name="validUntil" value="2020-01-01"[^>]*aria-invalid="true"/);
  const script = await admin.post('/office/representations', { _csrf: csrfOf(page.body), ...form({ companyName: '<script>alert(1)</script>', basis: '' }) });
  assert.is(script.statusCode, 422);
  assert.not.match(script.body, '<script>alert(1)</script>');
  assert.is(await representationEvents(site), 0);
  assert.equal(await auditActions(site), []);
  await admin.post('/office/representations', { _csrf: csrfOf(page.body), ...form() });
  const duplicate = await admin.post('/office/representations', { _csrf: csrfOf(page.body), ...form() });
  assert.is(duplicate.statusCode, 409);
  assert.match(duplicate.body, 'Υπάρχει ήδη ενεργή εκπροσώπηση');
  assert.is(await representationEvents(site), 1);
});

test('without the admin role, a citizen’s session, no session or no CSRF token: nothing is recorded', async ({ site }) => {
  const admin = await staffBrowser(site, 'admin@lixouri.gr', ['admin']);
  const adminPage = await admin.get('/office/representations');
  const noToken = await admin.post('/office/representations', form());
  assert.is(noToken.statusCode, 403);
  const clerk = await staffBrowser(site, 'clerk@lixouri.gr', ['clerk:technical', 'revenue']);
  assert.is((await clerk.get('/office/representations')).statusCode, 403);
  const home = await clerk.get('/office/');
  assert.not.match(home.body, 'href="/office/representations"');
  const refused = await clerk.post('/office/representations', { _csrf: csrfOf(home.body), ...form() });
  assert.is(refused.statusCode, 403);
  const citizen = new Browser(site.app);
  await logInAs(citizen, GEORGIOS);
  const my = await citizen.get('/my/');
  const asCitizen = await citizen.post('/office/representations', { _csrf: csrfOf(my.body), ...form() });
  assert.is(asCitizen.statusCode, 303);
  assert.is(asCitizen.headers.location, '/office/login');
  const visitor = await new Browser(site.app).get('/office/representations');
  assert.is(visitor.statusCode, 303);
  assert.is(await representationEvents(site), 0);
  assert.equal(await auditActions(site), []);
  assert.is(adminPage.statusCode, 200);
});

test.run();
