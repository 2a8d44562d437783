// The citizen's pages of issue 17, through the HTML forms as a browser without JavaScript sends them: the
// catalogue; a citizen without debts files the no-debt certificate and lands on it issued, with its PDF; the
// form's nonce files one application however often it is sent; a form with errors comes back with the
// values and each error by its field; nobody reaches another's application; a document checked by its code
// (valid, holder masked, development certificate said) or by its file; an unknown code says only "unknown".
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { A, B, caughtUp } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, logInAs, startCitizenSite } from '../identity/citizenSite.ts';
import { testApplying } from '../../api/applications/applicationsSite.ts';

interface Context {
  site: CitizenSite;
  a: Browser;
  b: Browser;
}

const test = suite<Context>('web/applications: catalogue, forms, my applications, checking a document', {} as Context);

test.before.each(async (context) => {
  // Signed as `npm start` signs without OPENDIMOS_SIGNING_P12: with the development certificate, said so.
  const applying = await testApplying();
  context.site = await startCitizenSite({ applying: { ...applying, signer: { ...applying.signer, development: true } } });
  context.a = new Browser(context.site.app);
  context.b = new Browser(context.site.app);
  await logInAs(context.a, A);
  await logInAs(context.b, B);
  await caughtUp(context.site);
});

test.after.each(async ({ site }) => {
  await site.close();
});

const submissionOf = (page: string): string => /name="submission" value="([^"]+)"/.exec(page)?.[1] ?? '';

/** Opens the no-debt certificate's page and sends its form as drawn, `times` times. */
const fileNoDebt = async (site: CitizenSite, browser: Browser, times = 1): Promise<string[]> => {
  const page = await browser.get('/services/no-debt-certificate/');
  assert.is(page.statusCode, 200);
  const form = { _csrf: csrfOf(page.body), submission: submissionOf(page.body), purpose: 'any-lawful-use' };
  assert.ok(form.submission.length >= 16, 'the form carries a nonce');
  const locations: string[] = [];
  for (let i = 0; i < times; i += 1) {
    const sent = await browser.post('/services/no-debt-certificate/', form);
    assert.is(sent.statusCode, 303, sent.body.slice(0, 500));
    locations.push(sent.headers.location as string);
  }
  await caughtUp(site);
  return locations;
};

const multipart = (parts: readonly { name: string; value: string | Buffer; filename?: string; type?: string }[]) => {
  const boundary = '----opendimos-test-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(typeof p.value === 'string' ? Buffer.from(p.value) : p.value);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
};

test('the catalogue lists the four services with what they need, how long and the fee, in Greek and English', async ({ a }) => {
  const el = await a.get('/services/');
  assert.is(el.statusCode, 200);
  for (const code of ['no-debt-certificate', 'payment-certificate', 'public-space-permit', 'social-water-tariff']) assert.ok(el.body.includes(`href="/services/${code}/"`), code);
  assert.ok(el.body.includes('Βεβαίωση μη οφειλής'));
  assert.ok(el.body.includes('Άμεσα'), 'instant services say so');
  assert.ok(el.body.includes('Έως 20 εργάσιμες'), 'the permit says its deadline');
  assert.ok(el.body.includes('Υπολογίζεται από τον πίνακα τιμών'), 'the permit’s fee comes from its rate table');
  const en = await a.get('/en/services/');
  assert.is(en.statusCode, 200);
  assert.ok(en.body.includes('href="/en/services/public-space-permit/"'));
  assert.ok(en.body.includes('Permit to use public space'));
  assert.ok(en.body.includes('Up to 20 working days'));
  const list = await a.get('/services');
  assert.ok(list.body.includes('href="/services/"'), 'the citizen services list the catalogue');
});

test('a visitor sees the service explained and is asked to log in with TaxisNet, with no form', async ({ site }) => {
  const visitor = new Browser(site.app);
  const page = await visitor.get('/services/public-space-permit/');
  assert.is(page.statusCode, 200);
  assert.ok(page.body.includes('/auth/taxisnet?next=%2Fservices%2Fpublic-space-permit%2F'));
  assert.not.ok(page.body.includes('name="submission"'));
  assert.ok(page.body.includes('0,50'), 'the rate table is shown');
});

test('a citizen without debts files the no-debt certificate from the form and lands on it issued, with its PDF', async ({ site, a }) => {
  const [location] = await fileNoDebt(site, a);
  assert.match(location!, /^\/my\/applications\/[0-9a-f-]{36}$/);
  const page = await a.get(location!);
  assert.is(page.statusCode, 200);
  assert.match(page.headers['cache-control'] as string, /no-store/);
  assert.ok(page.body.includes('Εκδόθηκε'), 'status issued');
  assert.ok(page.body.includes(`href="${location}/document.pdf"`));
  assert.match(page.body, /<code>[0-9A-Z]{4}(-[0-9A-Z]{4}){4}<\/code>/);
  const pdf = await a.get(`${location}/document.pdf`);
  assert.is(pdf.statusCode, 200);
  assert.is(pdf.headers['content-type'], 'application/pdf');
  assert.match(pdf.headers['cache-control'] as string, /no-store/);
  assert.is(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const mine = await a.get('/my/applications');
  assert.ok(mine.body.includes('Βεβαίωση μη οφειλής'));
  assert.ok(mine.body.includes('Εκδόθηκε'));
  assert.ok(mine.body.includes('/static/live-list.'), 'the live script is loaded from a file');
  assert.not.ok(mine.body.includes('data-poll='), 'nothing open: nothing to poll');
  const en = await a.get(`/en${location!}`);
  assert.ok(en.body.includes('Issued'));
  assert.ok(en.body.includes(`href="/en${location}/document.pdf"`));
});

test('the same form sent twice (double click) files one application', async ({ site, a }) => {
  const [first, second] = await fileNoDebt(site, a, 2);
  assert.is(first, second);
  const list = (await a.get('/api/my/applications')).json<{ applications: unknown[] }>();
  assert.is(list.applications.length, 1);
});

test('a form with errors comes back (400) with what was typed and each error by its field', async ({ site, a }) => {
  const page = await a.get('/services/public-space-permit/');
  assert.ok(page.body.includes('enctype="multipart/form-data"'), 'a service with attachments sends files');
  assert.ok(page.body.includes('name="location-lat"') && page.body.includes('openstreetmap.org'), 'a point is two coordinates with a way to find them');
  const sent = await a.post('/services/public-space-permit/', {
    _csrf: csrfOf(page.body),
    submission: submissionOf(page.body),
    'location-lat': '38.2017',
    'location-long': '20.4386',
    address: 'Πλατεία Πετριτσή, Ληξούρι',
    purpose: 'tables-chairs',
    zone: 'a',
    squareMetres: 'δώδεκα',
    from: '2026-06-01',
    to: '2026-05-01',
  });
  assert.is(sent.statusCode, 400);
  assert.ok(sent.body.includes('value="Πλατεία Πετριτσή, Ληξούρι"'), 'the address is kept');
  assert.ok(sent.body.includes('value="38.2017"'), 'the point is kept');
  assert.ok(sent.body.includes('value="δώδεκα"'), 'even the wrong number is kept, to be corrected');
  assert.match(sent.body, /<option value="a" selected="selected">/);
  assert.match(sent.body, /id="field-squareMetres-error">Γράψτε έναν αριθμό/);
  assert.match(sent.body, /id="field-to-error">Η λήξη πρέπει/);
  assert.match(sent.body, /aria-describedby="[^"]*field-squareMetres-error"/);
  assert.ok(sent.body.includes(`value="${submissionOf(page.body)}"`), 'the same nonce, so the corrected form files once');
  const list = (await a.get('/api/my/applications')).json<{ applications: unknown[] }>();
  assert.is(list.applications.length, 0);
  const en = await a.post('/en/services/public-space-permit/', { _csrf: csrfOf(page.body), submission: submissionOf(page.body), squareMetres: 'twelve' });
  assert.is(en.statusCode, 400);
  assert.ok(en.body.includes('This field is required.'));
  assert.ok(en.body.includes('Enter a number'));
  void site;
});

test('a refused attachment is named by its field (multipart, with the CSRF field in the body)', async ({ site, a }) => {
  const page = await a.get('/services/public-space-permit/');
  const body = multipart([
    { name: '_csrf', value: csrfOf(page.body) },
    { name: 'submission', value: submissionOf(page.body) },
    { name: 'address', value: 'Ληξούρι' },
    { name: 'attachment-sketch', value: 'not a picture at all', filename: 'sketch.png', type: 'image/png' },
  ]);
  const sent = await site.app.inject({ method: 'POST', url: '/services/public-space-permit/', headers: { cookie: a.cookieHeader(), 'content-type': body.contentType }, payload: body.payload });
  assert.is(sent.statusCode, 400, sent.body.slice(0, 300));
  assert.match(sent.body, /id="attachment-sketch-error">[^<]+/);
  assert.ok(sent.body.includes('value="Ληξούρι"'));
});

test('citizen B gets the not-found page for A’s application and its PDF', async ({ site, a, b }) => {
  const [location] = await fileNoDebt(site, a);
  const page = await b.get(location!);
  assert.is(page.statusCode, 404);
  assert.not.ok(page.body.includes('Βεβαίωση μη οφειλής (δημοτική'));
  const pdf = await b.get(`${location}/document.pdf`);
  assert.is(pdf.statusCode, 404);
  assert.not.ok(String(pdf.headers['content-type']).includes('pdf'));
  const withdraw = await b.post(`${location}/withdraw`, { _csrf: (await b.get('/api/my')).json<{ csrfToken: string }>().csrfToken });
  assert.is(withdraw.statusCode, 404);
});

test('the verify page by code says valid, the type, the masked holder, the digest, its log leaf and the development certificate', async ({ site, a }) => {
  await fileNoDebt(site, a);
  const [application] = (await a.get('/api/my/applications')).json<{ applications: { document: { verificationCode: string; sha256: string } }[] }>().applications;
  const code = application!.document.verificationCode;
  const api = (await a.get(`/api/verify/${code}`)).json<{ holder: string }>();
  const visitor = new Browser(site.app);
  const typed = await visitor.get(`/verify/document?code=${encodeURIComponent(code.toLowerCase())}`);
  assert.is(typed.statusCode, 303);
  const page = await visitor.get(typed.headers.location as string);
  assert.is(page.statusCode, 200);
  assert.ok(page.body.includes('Έγκυρο έγγραφο του Δήμου'));
  assert.ok(page.body.includes(api.holder), 'the holder, masked');
  assert.match(api.holder, /\*/);
  assert.ok(page.body.includes(application!.document.sha256));
  assert.ok(page.body.includes('Βεβαίωση μη οφειλής'), 'the type by its title');
  assert.match(page.body, /href="\/verify\/movement\/\d+"/);
  assert.ok(page.body.includes('πιστοποιητικό δοκιμών'), 'the development certificate is said');
  const en = await visitor.get(`/en/verify/${code}`);
  assert.ok(en.body.includes('A valid document of the municipality'));
  assert.ok(en.body.includes('no legal effect'));

  const pdf = (await a.get(`/my/applications/${(await a.get('/api/my/applications')).json<{ applications: { id: string }[] }>().applications[0]!.id}/document.pdf`)).rawPayload;
  const upload = multipart([{ name: 'file', value: pdf, filename: 'doc.pdf', type: 'application/pdf' }]);
  const checked = await site.app.inject({ method: 'POST', url: '/verify/document', headers: { 'content-type': upload.contentType }, payload: upload.payload });
  assert.is(checked.statusCode, 200, checked.body.slice(0, 300));
  assert.ok(checked.body.includes('Το αρχείο είναι ακριβώς το έγγραφο του μητρώου.'));
});

test('a permit filed with a correct form asks its fee (link to the debts), is polled while open and can be withdrawn', async ({ site, a }) => {
  const page = await a.get('/services/public-space-permit/');
  const sent = await a.post('/services/public-space-permit/', {
    _csrf: csrfOf(page.body),
    submission: submissionOf(page.body),
    'location-lat': '38.2017',
    'location-long': '20.4386',
    address: 'Πλατεία Πετριτσή, Ληξούρι',
    purpose: 'tables-chairs',
    zone: 'a',
    squareMetres: '10',
    from: '2026-06-01',
    to: '2026-06-10',
  });
  assert.is(sent.statusCode, 303, sent.body.slice(0, 400));
  await caughtUp(site);
  const location = sent.headers.location as string;
  const mine = await a.get('/my/applications');
  assert.ok(mine.body.includes('data-poll="/api/my/applications"'), 'an open application is polled');
  assert.ok(mine.body.includes('Αναμένεται πληρωμή του τέλους'));
  assert.ok(mine.body.includes('50,00'), '0.50 € × 10 m² × 10 days');
  assert.ok(mine.body.includes('href="/my/debts"'));
  const one = await a.get(location);
  assert.ok(one.body.includes('38.2017,20.4386'));
  assert.ok(one.body.includes('Τοποθέτηση τραπεζοκαθισμάτων'), 'a choice in words');
  assert.ok(one.body.includes('Ζητήθηκε το τέλος'), 'the timeline');
  const withdrawn = await a.post(`${location}/withdraw`, { _csrf: csrfOf(one.body) });
  assert.is(withdrawn.statusCode, 303);
  await caughtUp(site);
  const after = await a.get(location);
  assert.ok(after.body.includes('Ανακλήθηκε από εσάς'));
  assert.not.ok(after.body.includes('/withdraw"'), 'no withdraw button once closed');
});

test('an unknown code says unknown and nothing else', async ({ site }) => {
  const visitor = new Browser(site.app);
  const page = await visitor.get('/verify/7KQ2-M9XD-AAAA-BBBB-CCCC');
  assert.is(page.statusCode, 200);
  assert.ok(page.body.includes('Άγνωστο: δεν υπάρχει έγγραφο με αυτόν τον κωδικό'));
  assert.not.ok(page.body.includes('Δικαιούχος'));
  const nonsense = await visitor.get('/en/verify/not-a-code');
  assert.ok(nonsense.body.includes('Unknown: there is no document with this code'));
});

test('a visitor asking for the personal pages is asked to log in (401), and nothing is cached', async ({ site }) => {
  const visitor = new Browser(site.app);
  const mine = await visitor.get('/my/applications');
  assert.is(mine.statusCode, 401);
  assert.ok(mine.body.includes('/auth/taxisnet?next=%2Fmy%2Fapplications'));
  const en = await visitor.get('/en/my/applications');
  assert.ok(en.body.includes('Log in with TaxisNet'));
});

test('the verify pages are rate-limited per address: a walker of codes is stopped with 429', async ({ site }) => {
  const visitor = new Browser(site.app);
  const answers: number[] = [];
  for (let i = 0; i < 32; i += 1) answers.push((await visitor.get(`/verify/${String(i).padStart(4, '0')}-AAAA-BBBB-CCCC-DDDD`)).statusCode);
  assert.is(answers.filter((s) => s === 200).length, 30);
  assert.is(answers.at(-1), 429);
});

test.run();
