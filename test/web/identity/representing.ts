// A representative acting for a company, as the tests walk it: an admin made in the back office records the
// grant (staff's form), and the person, logged in with their own codes, switches to the company from /my/.
import * as assert from 'uvu/assert';
import { createStaff } from '../../../src/api/shared/staff/index.ts';
import type { CitizenSite } from './citizenSite.ts';
import { Browser, csrfOf } from './citizenSite.ts';

/** The stand-in's fixture company (src/integrations/taxisnet/standInPeople.ts). */
export const COMPANY = '801234560';
export const COMPANY_NAME = 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.';
const PASSWORD = 'μια φράση από λέξεις';

export const until = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the read model did not catch up');
};

let admins = 0;
export const admin = async (site: CitizenSite): Promise<Browser> => {
  const email = `admin${++admins}@lixouri.gr`;
  const link = await createStaff({ client: site.db.client, schema: site.db.schema, store: site.store }, { email, name: 'Άννα Ζαφειράτου', roles: ['admin'], actor: 'cli:test' });
  const browser = new Browser(site.app);
  const form = await browser.get(`/office/password/${link.token}`);
  await browser.post(`/office/password/${link.token}`, { _csrf: csrfOf(form.body), password: PASSWORD, repeated: PASSWORD });
  const login = await browser.get('/office/login');
  await browser.post('/office/login', { _csrf: csrfOf(login.body), email, password: PASSWORD });
  return browser;
};

/** Staff record that the person represents the company; waits until the read model has it. */
export const grant = async (site: CitizenSite, representative: string, validUntil = ''): Promise<string> => {
  const office = await admin(site);
  const page = await office.get('/office/representations');
  const done = await office.post('/office/representations', {
    _csrf: csrfOf(page.body),
    companyTaxid: COMPANY,
    companyName: COMPANY_NAME,
    representativeTaxid: representative,
    basis: 'καταστατικό / ΓΕΜΗ',
    evidence: 'ΓΕΜΗ 123456789000',
    validFrom: '2026-01-01',
    validUntil,
  });
  assert.is(done.statusCode, 303, done.body.slice(0, 400));
  let id = '';
  await until(async () => {
    const [row] = await site.db.client.query<{ representation_id: string }>(`SELECT representation_id FROM "${site.db.schema}".od_representations WHERE revoked_at IS NULL ORDER BY granted_at DESC LIMIT 1`);
    id = row?.representation_id ?? '';
    return id !== '';
  });
  return id;
};

/** The hidden fields of /my/'s form that switches to the company. */
export const actForm = (page: string): Record<string, string> => {
  const form = /<form method="post" action="\/my\/act-for">([\s\S]*?)<\/form>/.exec(page)?.[1] ?? '';
  return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
};
