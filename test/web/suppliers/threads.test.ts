// The line to the service (issue 19, part 5) end to end: the stand-in's company opens a thread on a document of
// its own ΑΦΜ with a file, from the page's form (multipart, no JavaScript) and from the API; files are checked by
// their content and refused in Greek and English with nothing changed; the finance department's clerk answers
// from the office's queue and the company gets the e-mail at the real SMTP server; another supplier never
// reaches the thread or its files, another department's clerk is refused, the pages speak both languages.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { parse } from 'yaml';
import { askToVerifyEmail, confirmEmail } from '../../../src/api/identity/account.ts';
import { createStaff } from '../../../src/api/shared/staff/index.ts';
import { eraseThreadFiles, THREAD_FILES } from '../../../src/api/supplierThreads/index.ts';
import { createEmailTransport } from '../../../src/integrations/mail/index.ts';
import { createWebhookTransport } from '../../../src/integrations/webhooks/index.ts';
import { dispatchPass } from '../../../src/notify/index.ts';
import { THREADS } from '../../../src/projections/supplierThreads/index.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { importBytes } from '../../ingest/harness.ts';
import { ublInvoice } from '../../support/einvoices/ubl.ts';
import type { SmtpDouble } from '../../support/doubles/smtp/index.ts';
import { startSmtpDouble } from '../../support/doubles/smtp/index.ts';
import { A, caughtUp, csv } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, logInAs, PUBLIC_URL, startCitizenSite } from '../identity/citizenSite.ts';
import { COMPANY, COMPANY_NAME } from '../identity/representing.ts';

const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία';
const LEDGER = csv(
  HEADER,
  '02/01/2025;προϋπολογισμός;20-6264;40.000,00;ΠΥ-1;;;;;;Συντήρηση και επισκευή λοιπών μηχανημάτων;',
  `10/02/2025;δέσμευση;20-6264;5.000,00;ΑΑΥ-1;;${COMPANY};${COMPANY_NAME};όχι;9ΥΞΧ46ΜΛΩ6-ΚΧΕ;;Επισκευή σκάφους`,
  `20/02/2025;ένταλμα;20-6264;3.000,00;ΧΕ-1;ΑΑΥ-1;${COMPANY};${COMPANY_NAME};όχι;ΞΒΑΕ46ΜΛΩ6-ΤΑ3;;Τιμολόγιο 1/2025`,
);
const PASSWORD = 'μια φράση από λέξεις';
const COMPANY_EMAIL = 'logistirio@alieftiki.gr';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const XML = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>1/2025</ID></Invoice>\n');
const XML_DTD = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>\n');
const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(200, 1)]);

interface Context {
  site: CitizenSite;
  smtp: SmtpDouble;
  company: Browser;
  other: Browser;
  finance: Browser;
  technical: Browser;
  png: Buffer;
  threadId: string;
}
const test = suite<Context>('web/suppliers: the line to the service — threads, files, the office’s queue, the e-mail', {} as Context);

type Part = readonly [name: string, value: string] | readonly [name: string, file: { readonly filename: string; readonly content: Buffer }];

const multipart = (parts: readonly Part[]): { body: Buffer; type: string } => {
  const boundary = `----od${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of parts) {
    if (typeof value === 'string') chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    else chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), value.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
};

const app = (b: Browser) => (b as unknown as { app: CitizenSite['app'] }).app;

const postForm = (b: Browser, url: string, parts: readonly Part[]) => {
  const { body, type } = multipart(parts);
  return app(b).inject({ method: 'POST', url, headers: { cookie: b.cookieHeader(), 'content-type': type }, payload: body });
};

const api = async (b: Browser, method: 'GET' | 'POST', url: string, body?: unknown) => {
  const csrf = (await b.get('/api/my')).json<{ csrfToken: string }>().csrfToken;
  return app(b).inject({ method, url, headers: { cookie: b.cookieHeader(), 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, payload: body === undefined ? undefined : JSON.stringify(body) });
};

let staffCount = 0;
const staff = async (site: CitizenSite, roles: string[]): Promise<Browser> => {
  const email = `staff${++staffCount}@lixouri.gr`;
  const link = await createStaff({ client: site.db.client, schema: site.db.schema, store: site.store }, { email, name: `Υπάλληλος ${staffCount}`, roles, actor: 'cli:test' });
  const browser = new Browser(site.app);
  const form = await browser.get(`/office/password/${link.token}`);
  await browser.post(`/office/password/${link.token}`, { _csrf: csrfOf(form.body), password: PASSWORD, repeated: PASSWORD });
  const login = await browser.get('/office/login');
  await browser.post('/office/login', { _csrf: csrfOf(login.body), email, password: PASSWORD });
  return browser;
};

const counts = async (c: Context) => {
  const [threads] = await c.site.db.client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table(c.site.db.schema, THREADS)}`);
  const [files] = await c.site.db.client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table(c.site.db.schema, THREAD_FILES)}`);
  const events = (await c.site.store.readStream(`supplier-thread-${c.threadId}`)).length;
  return { threads: Number(threads!.n), files: Number(files!.n), events };
};

const companySubject = async (c: Context): Promise<string> => {
  const [row] = await c.site.db.client.query<{ subject_id: string }>(`SELECT subject_id FROM "${c.site.db.schema}".od_citizens WHERE taxid = $1`, [COMPANY]);
  return row!.subject_id;
};

// uvu reports a failing hook as nothing but 0 tests passed: the reason is printed.
test.before(async (c) => {
  try {
    await before(c);
  } catch (e) {
    console.error('threads.test before:', e);
    throw e;
  }
});
const before = async (c: Context) => {
  c.site = await startCitizenSite();
  c.smtp = await startSmtpDouble();
  const report = await importBytes(c.site.store, LEDGER, { fileName: 'ledger.csv' });
  assert.is(report.accepted, true, JSON.stringify(report.errors));
  c.company = new Browser(c.site.app);
  await logInAs(c.company, COMPANY, '/my/supplier');
  c.other = new Browser(c.site.app);
  await logInAs(c.other, A, '/my/');
  // The company's verified address, in English: the reply's e-mail goes there (its account read, once projected).
  await caughtUp(c.site);
  const subjectId = await companySubject(c);
  await askToVerifyEmail(c.site.services, subjectId, COMPANY_EMAIL);
  const requested = (await c.site.store.readStream(`citizen-${subjectId}`)).filter((e) => e.type === 'ContactEmailRequested').at(-1)!;
  const opened = await c.site.keyring.open<{ token: string }>(subjectId, String((requested.data as { sealed: string }).sealed));
  await confirmEmail(c.site.services, subjectId, opened!.token);
  const { changeLanguage } = await import('../../../src/api/identity/account.ts');
  await changeLanguage(c.site.services, subjectId, 'en');
  c.finance = await staff(c.site, ['finance']);
  c.technical = await staff(c.site, ['clerk:technical']);
  c.png = await sharp({ create: { width: 4, height: 4, channels: 3, background: { r: 200, g: 10, b: 10 } } }).png().toBuffer();
  await caughtUp(c.site);
};
test.after(async (c) => {
  await c.smtp.close();
  await c.site.close();
});

test('the company opens a thread on its commitment from the page’s form, with a PDF; it is listed and its file downloads', async (c) => {
  const page = await c.company.get('/my/supplier/threads');
  assert.is(page.statusCode, 200);
  assert.ok(page.body.includes('Επικοινωνία με την υπηρεσία') && page.body.includes('enctype="multipart/form-data"'));
  const sent = await postForm(c.company, '/my/supplier/threads', [
    ['_csrf', csrfOf(page.body)],
    ['document', '9ΥΞΧ46ΜΛΩ6-ΚΧΕ'],
    ['text', 'Καλημέρα σας,\nπότε θα εκδοθεί το υπόλοιπο ένταλμα;'],
    ['files', { filename: 'τιμολόγιο 1-2025.pdf', content: PDF }],
  ]);
  assert.is(sent.statusCode, 303, sent.body.slice(0, 500));
  c.threadId = /\/my\/supplier\/threads\/([0-9a-f-]{36})/.exec(String(sent.headers.location))![1]!;
  await caughtUp(c.site);
  const list = (await c.company.get('/api/my/supplier/threads')).json<{ threads: { threadId: string; topic: { kind: string; ref: string; ada: string; year: number }; waitingSince: string | null }[] }>();
  assert.equal(list.threads.map((t) => [t.threadId, t.topic.kind, t.topic.ref, t.topic.ada, t.topic.year, t.waitingSince !== null]), [[c.threadId, 'commitment', 'ΑΑΥ-1', '9ΥΞΧ46ΜΛΩ6-ΚΧΕ', 2025, true]]);
  const one = (await c.company.get(`/api/my/supplier/threads/${c.threadId}`)).json<{ messages: { text: string; attachments: { fileId: string; format: string }[] }[] }>();
  assert.is(one.messages[0]!.text, 'Καλημέρα σας,\nπότε θα εκδοθεί το υπόλοιπο ένταλμα;');
  const file = one.messages[0]!.attachments[0]!;
  assert.is(file.format, 'pdf');
  const download = await c.company.get(`/api/my/supplier/threads/${c.threadId}/files/${file.fileId}`);
  assert.is(download.statusCode, 200);
  assert.is(download.headers['content-type'], 'application/pdf');
  assert.match(String(download.headers['content-disposition']), /^attachment;/);
  assert.ok(download.rawPayload.equals(PDF));
  const threadPage = await c.company.get(`/my/supplier/threads/${c.threadId}`);
  assert.ok(threadPage.body.includes('Ανάληψη υποχρέωσης ΑΑΥ-1/2025') && threadPage.body.includes('τιμολόγιο 1-2025.pdf'), threadPage.body.slice(0, 2000));
});

test('from the API: by the payment order’s number, with a PNG (drawn again) and an XML; the statement page has the section', async (c) => {
  const opened = await api(c.company, 'POST', '/api/my/supplier/threads', {
    document: 'ΧΕ-1',
    text: 'Στέλνουμε το τιμολόγιο σε XML.',
    files: [{ name: 'invoice.xml', content: XML.toString('base64') }, { name: 'photo.png', content: c.png.toString('base64') }],
  });
  assert.is(opened.statusCode, 201, opened.body);
  const { id } = opened.json<{ id: string }>();
  await caughtUp(c.site);
  const one = (await c.company.get(`/api/my/supplier/threads/${id}`)).json<{ thread: { topic: { kind: string } }; messages: { attachments: { format: string }[] }[] }>();
  assert.is(one.thread.topic.kind, 'order');
  assert.equal(one.messages[0]!.attachments.map((a) => a.format), ['xml', 'png']);
  const statement = await c.company.get('/my/supplier');
  assert.ok(statement.body.includes('Επικοινωνία με την υπηρεσία'), 'the statement page has the messages section');
  assert.ok((await c.company.get('/en/my/supplier')).body.includes('Messages'));
});

test('files of the wrong type, too large or an XML with a DTD, an unknown document: refused in Greek and English, nothing changes', async (c) => {
  const before = await counts(c);
  const page = await c.company.get(`/my/supplier/threads/${c.threadId}`);
  for (const [lang, words] of [['', 'επιτρέπονται μόνο αρχεία PDF, JPEG, PNG ή XML'], ['/en', 'only PDF, JPEG, PNG or XML files are accepted']] as const) {
    const refused = await postForm(c.company, `${lang}/my/supplier/threads/${c.threadId}`, [['_csrf', csrfOf(page.body)], ['text', 'Και αυτό'], ['files', { filename: 'setup.exe', content: EXE }]]);
    assert.is(refused.statusCode, 400);
    assert.ok(refused.body.includes(words), refused.body.slice(0, 3000));
    assert.ok(refused.body.includes('Και αυτό'), 'the text typed is kept in the form');
  }
  const big = await api(c.company, 'POST', `/api/my/supplier/threads/${c.threadId}/messages`, { text: 'μεγάλο', files: [{ name: 'big.pdf', content: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]).toString('base64') }] });
  assert.is(big.statusCode, 413, big.body.slice(0, 300));
  assert.match(big.json<{ error: { message_el: string; message_en: string } }>().error.message_en, /larger than 5 MB/);
  const dtd = await api(c.company, 'POST', `/api/my/supplier/threads/${c.threadId}/messages`, { text: 'xml', files: [{ name: 'a.xml', content: XML_DTD.toString('base64') }] });
  assert.is(dtd.statusCode, 400);
  assert.match(dtd.json<{ error: { message_el: string } }>().error.message_el, /DOCTYPE/);
  const four = await api(c.company, 'POST', `/api/my/supplier/threads/${c.threadId}/messages`, { text: 'τέσσερα', files: Array.from({ length: 4 }, (_, i) => ({ name: `${i}.pdf`, content: PDF.toString('base64') })) });
  assert.is(four.statusCode, 422);
  const unknown = await api(c.company, 'POST', '/api/my/supplier/threads', { document: 'ΑΑΥ-999', text: 'Για ποιο;' });
  assert.is(unknown.statusCode, 422);
  assert.is(unknown.json<{ error: { code: string } }>().error.code, 'OD_SUPPLIER_THREAD_TOPIC_UNKNOWN');
  await caughtUp(c.site);
  assert.equal(await counts(c), before);
});

test('another supplier never reaches the company’s thread or its files, nor opens one on its documents', async (c) => {
  const one = (await c.company.get(`/api/my/supplier/threads/${c.threadId}`)).json<{ messages: { attachments: { fileId: string }[] }[] }>();
  const fileId = one.messages[0]!.attachments[0]!.fileId;
  assert.is((await c.other.get(`/api/my/supplier/threads/${c.threadId}`)).statusCode, 404);
  assert.is((await c.other.get(`/api/my/supplier/threads/${c.threadId}/files/${fileId}`)).statusCode, 404);
  assert.is((await c.other.get(`/my/supplier/threads/${c.threadId}`)).statusCode, 404);
  assert.equal((await c.other.get('/api/my/supplier/threads')).json<{ threads: unknown[] }>().threads, []);
  const before = await counts(c);
  assert.is((await api(c.other, 'POST', `/api/my/supplier/threads/${c.threadId}/messages`, { text: 'παρεμβολή' })).statusCode, 404);
  const theirs = await api(c.other, 'POST', '/api/my/supplier/threads', { document: '9ΥΞΧ46ΜΛΩ6-ΚΧΕ', text: 'δική μου;' });
  assert.is(theirs.json<{ error: { code: string } }>().error.code, 'OD_SUPPLIER_THREAD_TOPIC_UNKNOWN');
  // The office's file route is the office's: a citizen's session is sent to the staff login.
  assert.is((await c.other.get(`/office/supplier-threads/${c.threadId}/files/${fileId}`)).statusCode, 303);
  await caughtUp(c.site);
  assert.equal(await counts(c), before);
});

test('another department’s clerk is refused the queue, the thread and the reply; nothing changes', async (c) => {
  const before = await counts(c);
  assert.is((await c.technical.get('/office/supplier-threads')).statusCode, 403);
  assert.is((await c.technical.get(`/office/supplier-threads/${c.threadId}`)).statusCode, 403);
  const home = await c.technical.get('/office/');
  const reply = await postForm(c.technical, `/office/supplier-threads/${c.threadId}`, [['_csrf', csrfOf(home.body)], ['text', 'Δεν είναι δικό μου']]);
  assert.is(reply.statusCode, 403);
  await caughtUp(c.site);
  assert.equal(await counts(c), before);
});

test('the finance department’s queue (waiting first), its reply with a file, the e-mail at the SMTP server, close and reopen', async (c) => {
  const home = await c.finance.get('/office/');
  assert.ok(home.body.includes('/office/supplier-threads'), 'linked from the office home page');
  const queue = await c.finance.get('/office/supplier-threads');
  assert.is(queue.statusCode, 200);
  assert.ok(queue.body.includes('Μηνύματα προμηθευτών') && queue.body.includes(COMPANY));
  assert.ok((await c.finance.get('/en/office/supplier-threads')).body.includes('Suppliers&#39; messages'));
  const page = await c.finance.get(`/office/supplier-threads/${c.threadId}`);
  assert.is(page.statusCode, 200);
  assert.ok(page.body.includes('πότε θα εκδοθεί το υπόλοιπο ένταλμα;'));
  const sent = await postForm(c.finance, `/office/supplier-threads/${c.threadId}`, [['_csrf', csrfOf(page.body)], ['text', 'Το ένταλμα θα εκδοθεί την επόμενη εβδομάδα.'], ['files', { filename: 'βεβαίωση.png', content: c.png }]]);
  assert.is(sent.statusCode, 303, sent.body.slice(0, 500));
  await caughtUp(c.site);
  // Answered threads go below those still waiting.
  const rows = (await c.finance.get('/office/supplier-threads')).body;
  const order = [...rows.matchAll(/\/office\/supplier-threads\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
  assert.is(order.at(-1), c.threadId, 'the answered thread is last');
  await dispatchPass({ client: c.site.db.client, schema: c.site.db.schema, transports: { email: createEmailTransport({ smtpUrl: c.smtp.url, from: 'Δήμος <noreply@lixouri.gr>', dataDir: '/nonexistent' }), webhook: createWebhookTransport({ publicOnly: false, timeoutMs: 2_000 }) } });
  const mails = c.smtp.received.filter((m) => m.to.includes(COMPANY_EMAIL) && String(m.parsed.subject).includes('Finance Department'));
  assert.is(mails.length, 1);
  assert.is(String(mails[0]!.parsed.subject), 'A reply from the Finance Department / Απάντηση της Οικονομικής Υπηρεσίας');
  assert.ok(String(mails[0]!.parsed.text).includes(`${PUBLIC_URL}/en/my/supplier/threads/${c.threadId}`));
  assert.ok(String(mails[0]!.parsed.text).includes('ΑΑΥ-1/2025'));
  const seen = (await c.company.get(`/api/my/supplier/threads/${c.threadId}`)).json<{ thread: { waitingSince: string | null }; messages: { side: string; text: string; attachments: { fileId: string }[] }[] }>();
  assert.is(seen.thread.waitingSince, null);
  const last = seen.messages.at(-1)!;
  assert.equal([last.side, last.text], ['office', 'Το ένταλμα θα εκδοθεί την επόμενη εβδομάδα.']);
  assert.is((await c.company.get(`/api/my/supplier/threads/${c.threadId}/files/${last.attachments[0]!.fileId}`)).headers['content-type'], 'image/png');
  assert.ok((await c.company.get(`/en/my/supplier/threads/${c.threadId}`)).body.includes('Finance Department'));
  // Closed: the office writes no more; the supplier's new message opens it again; staff reopen too.
  assert.is((await c.finance.post(`/office/supplier-threads/${c.threadId}/close`, { _csrf: csrfOf(page.body) })).statusCode, 303);
  await caughtUp(c.site);
  const closedReply = await postForm(c.finance, `/office/supplier-threads/${c.threadId}`, [['_csrf', csrfOf(page.body)], ['text', 'κι άλλο']]);
  assert.is(closedReply.statusCode, 409);
  assert.ok(closedReply.body.includes('Η συζήτηση έχει κλείσει'));
  assert.is((await c.finance.post(`/office/supplier-threads/${c.threadId}/reopen`, { _csrf: csrfOf(page.body) })).statusCode, 303);
  await caughtUp(c.site);
  assert.is((await c.company.get(`/api/my/supplier/threads/${c.threadId}`)).json<{ thread: { status: string } }>().thread.status, 'open');
});

test('without a login: the API 401, the page asks to log in; the office’s pages send to the staff login', async (c) => {
  const stranger = new Browser(c.site.app);
  assert.is((await stranger.get('/api/my/supplier/threads')).statusCode, 401);
  const page = await stranger.get('/en/my/supplier/threads');
  assert.is(page.statusCode, 401);
  assert.ok(page.body.includes('Log in with TaxisNet'));
  assert.is((await stranger.get('/office/supplier-threads')).statusCode, 303);
});

test('an erased company’s files go with it (serve wires this to the account’s erasure)', async (c) => {
  const one = (await c.company.get(`/api/my/supplier/threads/${c.threadId}`)).json<{ messages: { attachments: { fileId: string }[] }[] }>();
  const fileId = one.messages[0]!.attachments[0]!.fileId;
  await eraseThreadFiles(c.site.db.client, c.site.db.schema, await companySubject(c));
  assert.is((await counts(c)).files, 0);
  assert.is((await c.company.get(`/api/my/supplier/threads/${c.threadId}/files/${fileId}`)).statusCode, 404);
});

test('a thread on an e-invoice the company sent, by its number; another supplier cannot name it', async (c) => {
  const sent = await app(c.company).inject({ method: 'POST', url: '/api/my/supplier/invoices', headers: { cookie: c.company.cookieHeader(), 'content-type': 'application/xml', 'x-csrf-token': (await c.company.get('/api/my')).json<{ csrfToken: string }>().csrfToken }, payload: ublInvoice({ number: 'ΤΠΥ-0042' }) });
  assert.is(sent.statusCode, 201, sent.body.slice(0, 500));
  await caughtUp(c.site);
  const opened = await api(c.company, 'POST', '/api/my/supplier/threads', { document: 'τπυ-0042', text: 'Πότε θα εξοφληθεί;' });
  assert.is(opened.statusCode, 201, opened.body);
  await caughtUp(c.site);
  const one = (await c.company.get(`/api/my/supplier/threads/${opened.json<{ id: string }>().id}`)).json<{ thread: { topic: { kind: string; ref: string } } }>();
  assert.equal([one.thread.topic.kind, one.thread.topic.ref], ['invoice', 'ΤΠΥ-0042']);
  assert.is((await api(c.other, 'POST', '/api/my/supplier/threads', { document: 'ΤΠΥ-0042', text: 'δικό μου;' })).statusCode, 422);
});

test('every route the OpenAPI document gives the threads is served', async (c) => {
  const document = parse(await readFile(new URL('../../../src/api/openapi.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const routes = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => operation.tags?.includes('supplier-threads'))
      .map(([method]) => ({ method: method.toUpperCase() as 'GET' | 'POST', url: path.replace(/\{(\w+)\}/g, ':$1') })),
  );
  assert.is(routes.length, 5);
  for (const route of routes) assert.ok(c.site.app.hasRoute(route), `${route.method} ${route.url}`);
});

test.run();
