// The verified e-mail and a newer one waiting for its link, kept apart (issue 14): on /my/ the person sees
// where notices go and which address waits; in the people search staff see the same two, never the waiting
// address in the verified one's place.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { knownSubjectOf } from '../../../src/api/identity/index.ts';
import { createStaff } from '../../../src/api/shared/staff/index.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, logInAs, startCitizenSite } from '../identity/citizenSite.ts';

const test = suite<{ site: CitizenSite }>('the verified e-mail and the pending one, apart', {} as { site: CitizenSite });
const PASSWORD = 'μια φράση από λέξεις';
const ELENI = '047312951';

test.before.each(async (context) => {
  context.site = await startCitizenSite();
});
test.after.each(async ({ site }) => site.close());

const newestToken = async (site: CitizenSite, subjectId: string): Promise<string> => {
  const requested = (await site.store.readStream(`citizen-${subjectId}`)).filter((e) => e.type === 'ContactEmailRequested').at(-1);
  const opened = await site.keyring.open<{ token: string }>(subjectId, String((requested!.data as { sealed: string }).sealed));
  return opened!.token;
};

test('on /my/ and in the people search, the verified address and the one waiting are each shown as what they are', async ({ site }) => {
  const person = new Browser(site.app);
  await logInAs(person, ELENI);
  const subjectId = (await knownSubjectOf(site.services, ELENI))!;
  let page = await person.get('/my/');
  assert.is((await person.post('/my/email', { _csrf: csrfOf(page.body), email: 'eleni@example.gr' })).statusCode, 303);
  assert.is((await person.post('/my/email/verify', { _csrf: csrfOf(page.body), s: subjectId, t: await newestToken(site, subjectId) })).statusCode, 200);
  assert.is((await person.post('/my/email', { _csrf: csrfOf(page.body), email: 'eleni.new@example.gr' })).statusCode, 303);
  page = await person.get('/my/');
  assert.match(page.body, 'Οι ειδοποιήσεις πηγαίνουν στο <strong>eleni@example.gr</strong> (επιβεβαιωμένο)');
  assert.match(page.body, 'Στείλαμε σύνδεσμο επιβεβαίωσης στο eleni.new@example.gr');
  const en = await person.get('/en/my/');
  assert.match(en.body, 'Notices go to <strong>eleni@example.gr</strong> (confirmed)');
  const my = JSON.parse((await person.get('/api/my')).body) as { email: string | null };
  assert.is(my.email, 'eleni@example.gr', '/api/my gives the verified address');

  const link = await createStaff({ client: site.db.client, schema: site.db.schema, store: site.store }, { email: 'clerk@lixouri.gr', name: 'Άννα', roles: ['clerk:technical'], actor: 'cli:test' });
  const clerk = new Browser(site.app);
  const form = await clerk.get(`/office/password/${link.token}`);
  await clerk.post(`/office/password/${link.token}`, { _csrf: csrfOf(form.body), password: PASSWORD, repeated: PASSWORD });
  const login = await clerk.get('/office/login');
  await clerk.post('/office/login', { _csrf: csrfOf(login.body), email: 'clerk@lixouri.gr', password: PASSWORD });
  let row = '';
  for (let i = 0; i < 100 && !row.includes('eleni.new@example.gr'); i++) {
    row = /<tbody>[\s\S]*?<\/tbody>/.exec((await clerk.get(`/office/people?q=${ELENI}`)).body)?.[0] ?? '';
    if (!row.includes('eleni.new@example.gr')) await new Promise((r) => setTimeout(r, 50));
  }
  assert.match(row, /<td>eleni@example\.gr<\/td><td>eleni\.new@example\.gr \(σύνδεσμος έως [^)]+\)<\/td>/);
});

test.run();
