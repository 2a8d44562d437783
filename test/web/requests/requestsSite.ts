// What the requests' office, e-mail and reporter tests share: a request reported straight into the store
// (its public stream, and its reporter's sealed contact as the submission writes it), staff logged in through
// the office's pages, and the outbox delivered to the SMTP double.
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import * as assert from 'uvu/assert';
import { createStaff } from '../../../src/api/shared/staff/index.ts';
import type { ReporterContact } from '../../../src/domain/index.ts';
import { initialRequest, streams, submitRequest } from '../../../src/domain/index.ts';
import { createEmailTransport } from '../../../src/integrations/mail/index.ts';
import { dispatchPass } from '../../../src/notify/index.ts';
import { unusedWebhook } from '../../notify/support.ts';
import type { SmtpDouble } from '../../support/doubles/smtp/index.ts';
import { caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf } from '../identity/citizenSite.ts';

export { caughtUp };

const PASSWORD = 'μια φράση από λέξεις';

export interface Reported {
  readonly id: string;
  readonly subjectId: string;
}

export interface Reporting {
  readonly serviceCode?: string;
  readonly contact?: Partial<ReporterContact>;
  /** A citizen's own subject (with `account: true`); a subject of its own otherwise. */
  readonly accountOf?: string;
  readonly at?: Date;
  readonly expectedAt?: string | null;
  readonly description?: string;
}

/** A request and its reporter, as the site or Open311 records them; the read models caught up. */
export const report = async (site: CitizenSite, r: Reporting = {}): Promise<Reported> => {
  const id = randomUUID();
  const at = (r.at ?? site.services.now?.() ?? new Date()).toISOString();
  const events = submitRequest(initialRequest(), {
    requestId: id,
    serviceCode: r.serviceCode ?? 'pothole',
    description: r.description ?? `Λακκούβα ${id.slice(0, 4)} στην οδό Κωστή Παλαμά`,
    lat: 38.2,
    long: 20.43,
    address: 'Κωστή Παλαμά 3, Ληξούρι',
    addressId: null,
    mediaUrl: null,
    attributes: { size: ['large'] },
    agency: 'Διεύθυνση Τεχνικών Υπηρεσιών / Technical Services',
    requestedAt: at,
    expectedAt: r.expectedAt ?? null,
  });
  await site.store.append(streams.request(id), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: 'citizen' } })), { expectedRevision: 'no_stream' });
  const subjectId = r.accountOf ?? randomUUID();
  const contact: ReporterContact = { email: null, firstName: null, lastName: null, phone: null, ...r.contact };
  const sealed = await site.keyring.seal(subjectId, contact);
  await site.store.append(
    streams.reporter(id),
    [{ type: 'ReporterRecorded', data: { requestId: id, subjectId, at, sealed, ...(r.accountOf ? { account: true } : {}) }, metadata: { actor: 'citizen' } }],
    { expectedRevision: 'no_stream' },
  );
  await caughtUp(site);
  return { id, subjectId };
};

let staffCount = 0;
/** A member of staff with these roles, logged in through the office's pages. */
export const staffBrowser = async (site: CitizenSite, name: string, roles: string[]): Promise<Browser> => {
  const email = `requests-staff${++staffCount}@lixouri.gr`;
  const link = await createStaff({ client: site.db.client, schema: site.db.schema, store: site.store }, { email, name, roles, actor: 'cli:test' });
  const browser = new Browser(site.app);
  const form = await browser.get(`/office/password/${link.token}`);
  await browser.post(`/office/password/${link.token}`, { _csrf: csrfOf(form.body), password: PASSWORD, repeated: PASSWORD });
  const login = await browser.get('/office/login');
  const done = await browser.post('/office/login', { _csrf: csrfOf(login.body), email, password: PASSWORD });
  assert.is(done.statusCode, 303, `staff login answered ${done.statusCode}`);
  return browser;
};

/** The actors of a request's events of these types. */
export const actorsOf = async (site: CitizenSite, id: string, types: readonly string[]): Promise<string[]> =>
  (await site.store.readStream(streams.request(id))).filter((e) => types.includes(e.type)).map((e) => String(e.metadata?.actor));

/** Everything the outbox holds, delivered to the SMTP double. */
export const deliver = async (site: CitizenSite, smtp: SmtpDouble): Promise<void> => {
  await caughtUp(site);
  const email = createEmailTransport({ smtpUrl: smtp.url, from: 'Δήμος Ληξουρίου <noreply@lixouri.gr>', dataDir: tmpdir() });
  try {
    await dispatchPass({ client: site.db.client, schema: site.db.schema, transports: { email, webhook: unusedWebhook } });
  } finally {
    await email.close();
  }
};
