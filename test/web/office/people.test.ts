// People search in the back office: staff with a role that needs it find a citizen by ΑΦΜ or surname, each
// person shown is recorded in the audit trail; staff without such a role, and visitors, see nobody.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStaff } from '../../../src/api/shared/staff/index.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, logInAs, startCitizenSite } from '../identity/citizenSite.ts';

const test = suite<{ site: CitizenSite }>('the back office: people search', {} as { site: CitizenSite });
const PASSWORD = 'μια φράση από λέξεις';

test.before.each(async (context) => {
  context.site = await startCitizenSite();
});
test.after.each(async ({ site }) => site.close());

const hidden = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

/** A member of staff with these roles, logged in through the office's own pages. */
const staffBrowser = async (site: CitizenSite, email: string, roles: string[]): Promise<Browser> => {
  const link = await createStaff({ client: site.db.client, schema: site.db.schema, store: site.store }, { email, name: 'Άννα Ζαφειράτου', roles, actor: 'cli:test' });
  const browser = new Browser(site.app);
  const form = await browser.get(`/office/password/${link.token}`);
  const set = await browser.post(`/office/password/${link.token}`, { _csrf: hidden(form.body), password: PASSWORD, repeated: PASSWORD });
  assert.is(set.statusCode, 200, set.body.slice(0, 300));
  const login = await browser.get('/office/login');
  const done = await browser.post('/office/login', { _csrf: hidden(login.body), email, password: PASSWORD });
  assert.ok(done.statusCode === 303 || done.statusCode === 302, `staff login answered ${done.statusCode}`);
  return browser;
};

test('a clerk finds a citizen by ΑΦΜ and by surname without accents; each look-up is in the audit trail', async ({ site }) => {
  await logInAs(new Browser(site.app), '047312951');
  for (let i = 0; i < 50; i++) {
    const [row] = await site.db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${site.db.schema}".od_citizens`);
    if (row && row.n > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const clerk = await staffBrowser(site, 'clerk@lixouri.gr', ['clerk:technical']);
  const byTaxid = await clerk.get('/office/people?q=047312951');
  assert.is(byTaxid.statusCode, 200);
  assert.match(byTaxid.body, 'ΚΟΣΜΕΤΑΤΟΥ');
  const byName = await clerk.get('/office/people?q=κοσμετατου');
  assert.match(byName.body, '047312951');
  const audit = await site.db.client.query<{ action: string; subject: string }>(`SELECT action, subject FROM "${site.db.schema}".od_staff_audit WHERE action = 'PersonalDataViewed'`);
  assert.is(audit.length, 2, 'one entry per person shown, per search');
});

test('staff without such a role get 403 and no names; a visitor is sent to the login; no query shows nobody', async ({ site }) => {
  await logInAs(new Browser(site.app), '047312951');
  const secretary = await staffBrowser(site, 'secretary@lixouri.gr', ['secretary']);
  const refused = await secretary.get('/office/people?q=047312951');
  assert.is(refused.statusCode, 403);
  assert.not.match(refused.body, 'ΚΟΣΜΕΤΑΤΟΥ');
  const visitor = await new Browser(site.app).get('/office/people?q=047312951');
  assert.is(visitor.statusCode, 303);
  const citizen = new Browser(site.app);
  await logInAs(citizen, '012481630');
  const asCitizen = await citizen.get('/office/people?q=047312951');
  assert.not.match(asCitizen.body, 'ΚΟΣΜΕΤΑΤΟΥ');
  const audit = await site.db.client.query(`SELECT 1 FROM "${site.db.schema}".od_staff_audit WHERE action = 'PersonalDataViewed'`);
  assert.is(audit.length, 0);
});

test.run();
