// A supplier's e-invoices (issue 19, part 4) end to end: the stand-in's company uploads an EN 16931 invoice
// (the API's body, its multipart, the page's form without JavaScript); it is tracked to its commitment by the
// ΑΔΑ it carries, then to the payment order and the payments as the ledger's events arrive later; every
// refusal (wrong seller, wrong buyer, bad sums, not XML, a DTD, too large, no CSRF token) lists what is wrong
// in Greek and English with its place in the XML and records nothing; another company's invoice is never
// reached; the read model rebuilt from the log is the same.
import { readFile } from 'node:fs/promises';
import { suite } from 'uvu';
import { parse } from 'yaml';
import * as assert from 'uvu/assert';
import type { LightMyRequestResponse } from 'fastify';
import { invoiceIdOf, receiveInvoice } from '../../../src/api/suppliers/index.ts';
import type { SupplierInvoicesServices } from '../../../src/api/suppliers/index.ts';
import { loadConfig } from '../../../src/cli/config.ts';
import { rebuildUsage } from '../../../src/cli/rebuildCommand.ts';
import { einvoicesProjection } from '../../../src/projections/einvoices/index.ts';
import { eventReaderFor } from '../../../src/projections/shared/eventReader.ts';
import { rebuildProjections } from '../../../src/projections/shared/rebuild.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { importBytes } from '../../ingest/harness.ts';
import { BUYER_TAXID, ublInvoice } from '../../support/einvoices/ubl.ts';
import type { UblOptions } from '../../support/einvoices/ubl.ts';
import { A, caughtUp, csv } from '../debts/debtsSite.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, logInAs, startCitizenSite } from '../identity/citizenSite.ts';
import { actForm, COMPANY, COMPANY_NAME, grant } from '../identity/representing.ts';
import { multipart } from '../requests/reportSite.ts';

const OTHER = '808813425';
const ADA = '6ΩΡΞ46ΜΛΩ6-ΒΓΔ';
const HEADER = 'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία';
const row = (date: string, type: string, amount: string, doc: string, ref: string, afm: string, name: string, ada = '', why = '') => `${date};${type};20-6264;${amount};${doc};${ref};${afm};${name};${afm ? 'όχι' : ''};${ada};;${why}`;

interface Context {
  site: CitizenSite;
  company: Browser;
  csrf: string;
}
const test = suite<Context>('web/suppliers: e-invoices — upload, refusals, tracking through the ledger, pages', {} as Context);

const send = (c: Context, browser: Browser, method: 'GET' | 'POST', url: string, payload?: string | Buffer, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  c.site.app.inject({ method, url, headers: { cookie: browser.cookieHeader(), ...headers }, ...(payload === undefined ? {} : { payload }) });

const upload = (c: Context, xml: string | Buffer, csrf: string | null = c.csrf, browser = c.company) =>
  send(c, browser, 'POST', '/api/my/supplier/invoices', xml, { 'content-type': 'application/xml', ...(csrf ? { 'x-csrf-token': csrf } : {}) });

interface InvoiceJson {
  id: string;
  number: string;
  stage: string;
  unmatched: string | null;
  payable: string;
  paid: string;
  commitments: { document: string; ada: string | null; amount: string }[];
  orders: { document: string }[];
  payments: { document: string; amount: string }[];
}
interface Problem {
  path: string;
  line?: number;
  el: string;
  en: string;
}

const invoice = async (c: Context, id: string, browser = c.company): Promise<InvoiceJson> => {
  const answer = await send(c, browser, 'GET', `/api/my/supplier/invoices/${id}`);
  assert.is(answer.statusCode, 200, answer.body);
  return answer.json<InvoiceJson>();
};

/** Events in the log and XML files kept: a refusal changes neither. */
const recorded = async (c: Context): Promise<[number, number]> => {
  const [files] = await c.site.db.client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table(c.site.db.schema, 'od_einvoice_files')}`);
  return [(await c.site.store.readAll()).length, Number(files!.n)];
};

const ledger = async (c: Context, ...rows: string[]) => {
  const report = await importBytes(c.site.store, csv(HEADER, ...rows), { fileName: `ledger-${Math.random()}.csv` });
  assert.is(report.accepted, true, JSON.stringify(report.errors));
  await caughtUp(c.site);
};

const refused = async (c: Context, answer: LightMyRequestResponse, before: [number, number], status = 422): Promise<Problem[]> => {
  assert.is(answer.statusCode, status, answer.body);
  await caughtUp(c.site);
  assert.equal(await recorded(c), before, 'nothing recorded');
  const body = answer.json<{ error: { code: string; message_el: string; message_en: string; problems?: Problem[] } }>();
  assert.ok(body.error.message_el && body.error.message_en);
  for (const p of body.error.problems ?? []) assert.ok(p.path && p.el && p.en, JSON.stringify(p));
  return body.error.problems ?? [];
};

test.before(async (c) => {
  c.site = await startCitizenSite();
  await ledger(c, '02/01/2026;προϋπολογισμός;20-6264;40.000,00;ΠΥ-1;;;;;;Συντήρηση και επισκευή λοιπών μηχανημάτων;');
  c.company = new Browser(c.site.app);
  await logInAs(c.company, COMPANY, '/my/supplier');
  c.csrf = (await c.company.get('/api/my')).json<{ csrfToken: string }>().csrfToken;
});
test.after(async (c) => {
  await c.site.close();
});

test('a valid invoice is received, then matched, ordered, partly paid and paid as the ledger records them', async (c) => {
  const answer = await upload(c, ublInvoice());
  assert.is(answer.statusCode, 201, answer.body);
  const { id, status } = answer.json<{ id: string; status: string }>();
  assert.is(status, 'received');
  assert.is(answer.headers.location, `/api/my/supplier/invoices/${id}`);
  await caughtUp(c.site);
  let found = await invoice(c, id);
  assert.equal([found.number, found.stage, found.unmatched, found.payable], ['ΤΠΥ-0042', 'received', 'no-commitment', '248.00']);

  await ledger(c, row('12/03/2026', 'δέσμευση', '248,00', 'ΑΑΥ-7', '', COMPANY, COMPANY_NAME, ADA, 'Δίχτυα'));
  found = await invoice(c, id);
  assert.equal([found.stage, found.unmatched, found.commitments.map((d) => `${d.document}:${d.ada}:${d.amount}`)], ['matched', null, [`ΑΑΥ-7:${ADA}:248.00`]]);

  await ledger(c, row('20/03/2026', 'ένταλμα', '248,00', 'ΧΕ-7', 'ΑΑΥ-7', COMPANY, COMPANY_NAME, 'ΞΒΑΕ46ΜΛΩ6-ΤΑ3', 'Τιμολόγιο ΤΠΥ-0042'));
  assert.equal((await invoice(c, id)).stage, 'ordered');
  await ledger(c, row('25/03/2026', 'πληρωμή', '100,00', 'ΕΠ-7', 'ΧΕ-7', COMPANY, COMPANY_NAME));
  found = await invoice(c, id);
  assert.equal([found.stage, found.paid], ['part-paid', '100.00']);
  await ledger(c, row('27/03/2026', 'πληρωμή', '148,00', 'ΕΠ-8', 'ΧΕ-7', COMPANY, COMPANY_NAME));
  found = await invoice(c, id);
  assert.equal([found.stage, found.paid, found.orders.map((o) => o.document), found.payments.map((p) => p.document)], ['paid', '248.00', ['ΧΕ-7'], ['ΕΠ-7', 'ΕΠ-8']]);

  const list = await send(c, c.company, 'GET', '/api/my/supplier/invoices');
  assert.is(list.headers['cache-control'], 'no-store');
  assert.equal(list.json<{ invoices: InvoiceJson[] }>().invoices.map((i) => `${i.number}:${i.stage}`), ['ΤΠΥ-0042:paid']);
});

test('the same number again in the year is refused (409) and changes nothing', async (c) => {
  const before = await recorded(c);
  const problems = await refused(c, await upload(c, ublInvoice()), before, 409);
  assert.equal(problems, []);
});

test('an invoice without a reference, or naming another supplier’s commitment, says why it is not matched', async (c) => {
  await ledger(c, row('12/02/2026', 'δέσμευση', '1.234,56', 'ΑΑΥ-9', '', OTHER, 'ΣΑΡΛΗΣ Δ. Ο.Ε.', 'Ι99046ΜΛΩ6-4ΡΚ', 'Ανταλλακτικά'));
  const none = await upload(c, ublInvoice({ number: 'ΤΠΥ-0050', orderReference: null, buyerReference: '' }));
  const other = await upload(c, ublInvoice({ number: 'ΤΠΥ-0051', orderReference: 'Ι99046ΜΛΩ6-4ΡΚ' }));
  assert.is(none.statusCode, 201, none.body);
  assert.is(other.statusCode, 201, other.body);
  await caughtUp(c.site);
  assert.equal((await invoice(c, none.json<{ id: string }>().id)).unmatched, 'no-reference');
  const theirs = await invoice(c, other.json<{ id: string }>().id);
  assert.equal([theirs.stage, theirs.unmatched, theirs.commitments], ['received', 'another-supplier', []]);
});

test('every refusal lists what is wrong (el/en, with the XML path) and records nothing', async (c) => {
  const before = await recorded(c);
  const paths = (list: Problem[]) => list.map((p) => p.path);
  const bad = (o: UblOptions) => upload(c, ublInvoice({ number: 'ΤΠΥ-0099', ...o }));

  const seller = await refused(c, await bad({ seller: OTHER }), before);
  assert.ok(paths(seller).some((p) => p.startsWith('cac:AccountingSupplierParty/cac:Party/')), JSON.stringify(seller));
  assert.ok(seller.some((p) => p.en.includes(COMPANY) && p.el.includes('ΑΦΜ')), JSON.stringify(seller));

  const buyer = await refused(c, await bad({ buyer: '094019245' }), before);
  assert.ok(buyer.some((p) => p.path.startsWith('cac:AccountingCustomerParty/cac:Party/') && p.en.includes(BUYER_TAXID)), JSON.stringify(buyer));

  const sums = await refused(c, await bad({ payable: '240.00' }), before);
  const payable = sums.find((p) => p.path === 'cac:LegalMonetaryTotal/cbc:PayableAmount' && p.en.includes('BR-CO-16'));
  // With the line of the XML it is on.
  const lineOfText = (xml: string, needle: string) => xml.split('\n').findIndex((l) => l.includes(needle)) + 1;
  assert.is(payable?.line, lineOfText(ublInvoice({ number: 'ΤΠΥ-0099', payable: '240.00' }), '<cbc:PayableAmount'), JSON.stringify(sums));
  assert.is(seller.find((p) => p.path.endsWith('cbc:EndpointID'))?.line, lineOfText(ublInvoice({ seller: OTHER }), `<cbc:EndpointID schemeID="9933">${OTHER}`), JSON.stringify(seller));
  const line = await refused(c, await bad({ lines: [{ quantity: '10', price: '12.50', net: '125.00' }, { quantity: '2', price: '40.00', net: '80.00', allowance: '5.00' }] }), before);
  assert.ok(paths(line).includes('cac:InvoiceLine[2]/cbc:LineExtensionAmount'), JSON.stringify(line));

  const text = await refused(c, await upload(c, 'Τιμολόγιο 42: 248 ευρώ'), before);
  assert.match(text[0]!.en, /not well-formed \(line 1/);
  const html = await refused(c, await upload(c, '<html><body>invoice</body></html>'), before);
  assert.match(html[0]!.en, /not a UBL 2\.1 invoice/);

  const xxe = ublInvoice({ number: 'ΤΠΥ-0099' }).replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('ΤΠΥ-0099', '&xxe;');
  const entity = await refused(c, await upload(c, xxe), before);
  assert.match(entity[0]!.en, /DTD/);
  assert.not.ok(JSON.stringify(entity).includes('root:'), 'no file was read');

  const padded = ublInvoice({ number: 'ΤΠΥ-0099' }).replace('</Invoice>', `<!-- ${'x'.repeat(5 * 1024 * 1024)} --></Invoice>`);
  const large = await refused(c, await upload(c, padded), before);
  assert.match(large[0]!.en, /larger than 5 MB/);
  const huge = await upload(c, Buffer.alloc(7 * 1024 * 1024, 0x20));
  assert.is(huge.statusCode, 413);
  assert.equal(await recorded(c), before);

  assert.is((await upload(c, ublInvoice({ number: 'ΤΠΥ-0099' }), null)).statusCode, 403, 'no CSRF token');
  const empty = await send(c, c.company, 'POST', '/api/my/supplier/invoices', '', { 'content-type': 'application/xml', 'x-csrf-token': c.csrf });
  assert.ok(empty.statusCode === 400, empty.body);
  assert.equal(await recorded(c), before);
});

test('the municipality is the installation’s: another ΑΦΜ configured is the buyer invoices must name', async (c) => {
  assert.is(loadConfig({}).municipalityTaxid, BUYER_TAXID);
  assert.is(loadConfig({ OPENDIMOS_MUNICIPALITY_TAXID: 'EL 094019245' }).municipalityTaxid, '094019245');
  assert.throws(() => loadConfig({ OPENDIMOS_MUNICIPALITY_TAXID: '123456789' }), /OPENDIMOS_MUNICIPALITY_TAXID/);
  const services: SupplierInvoicesServices = { ...c.site.services, buyerTaxid: '094019245' };
  const who = { subjectId: 'subject-x', taxid: COMPANY, name: COMPANY_NAME, actor: 'test' };
  const before = await recorded(c);
  try {
    await receiveInvoice(services, who, Buffer.from(ublInvoice({ number: 'ΤΠΥ-0098' })));
    assert.unreachable('the default buyer is not this installation’s');
  } catch (error) {
    assert.ok(JSON.stringify(error).includes('094019245') || String((error as { problems?: Problem[] }).problems?.map((p) => p.en)).includes('094019245'));
  }
  assert.equal(await recorded(c), before);
});

test('the API takes a multipart upload too (field «file»)', async (c) => {
  const form = multipart([{ name: 'file', value: Buffer.from(ublInvoice({ number: 'ΤΠΥ-0060' })), filename: 'ΤΠΥ-0060.xml', type: 'application/xml' }]);
  const answer = await send(c, c.company, 'POST', '/api/my/supplier/invoices', form.payload, { 'content-type': form.contentType, 'x-csrf-token': c.csrf });
  assert.is(answer.statusCode, 201, answer.body);
  await caughtUp(c.site);
  // Under the same commitment as ΤΠΥ-0042, issued after it: the payments went to that one first.
  const second = await invoice(c, answer.json<{ id: string }>().id);
  assert.equal([second.stage, second.paid], ['ordered', '0.00']);
  assert.equal((await invoice(c, invoiceIdOf(c.site.services, COMPANY, 2026, 'ΤΠΥ-0042'))).stage, 'paid');
});

test('the pages: the «Τιμολόγια / Invoices» section with its form, the upload without JavaScript, a page per invoice, refusals listed', async (c) => {
  for (const [prefix, words] of [['', ['Τιμολόγια', 'Αποστολή τιμολογίου', 'Πληρώθηκε']], ['/en', ['Invoices', 'Send the invoice', 'Paid']]] as const) {
    const page = await c.company.get(`${prefix}/my/supplier`);
    assert.is(page.statusCode, 200);
    for (const w of words) assert.ok(page.body.includes(w), `${prefix}: ${w}`);
    assert.ok(page.body.includes(`action="${prefix}/my/supplier/invoices" enctype="multipart/form-data"`));
    assert.ok(page.body.includes('ΤΠΥ-0042'));
  }
  const page = await c.company.get('/my/supplier');
  const form = multipart([{ name: '_csrf', value: csrfOf(page.body) }, { name: 'file', value: Buffer.from(ublInvoice({ number: 'ΤΠΥ-0070', orderReference: 'ΑΑΥ-99' })), filename: 'invoice.xml', type: 'text/xml' }]);
  const sent = await send(c, c.company, 'POST', '/my/supplier/invoices', form.payload, { 'content-type': form.contentType });
  assert.is(sent.statusCode, 303, sent.body.slice(0, 500));
  const location = String(sent.headers.location);
  assert.match(location, /^\/my\/supplier\/invoices\/[0-9a-f]{32}$/);
  await caughtUp(c.site);
  const el = await c.company.get(location);
  assert.is(el.statusCode, 200);
  assert.ok(el.body.includes('Τιμολόγιο ΤΠΥ-0070') && el.body.includes('Καμία ανάληψη υποχρέωσης'), el.body.slice(0, 2000));
  const xml = await c.company.get(`${location}/xml`);
  assert.equal([xml.statusCode, xml.body], [200, ublInvoice({ number: 'ΤΠΥ-0070', orderReference: 'ΑΑΥ-99' })]);
  assert.ok(el.body.includes(`href="${location}/xml" download`));
  const en = await c.company.get(`/en${location}`);
  assert.ok(en.body.includes('Invoice ΤΠΥ-0070') && en.body.includes('No commitment of your ΑΦΜ'));
  const paid = (await send(c, c.company, 'GET', '/api/my/supplier/invoices')).json<{ invoices: InvoiceJson[] }>().invoices.find((i) => i.number === 'ΤΠΥ-0042')!;
  const paidPage = await c.company.get(`/en/my/supplier/invoices/${paid.id}`);
  assert.ok(paidPage.body.includes('ΑΑΥ-7') && paidPage.body.includes('ΕΠ-8') && paidPage.body.includes('248.00') === false && paidPage.body.includes('248,00'));

  const before = await recorded(c);
  for (const prefix of ['', '/en']) {
    const wrong = multipart([{ name: '_csrf', value: csrfOf(page.body) }, { name: 'file', value: Buffer.from(ublInvoice({ number: 'ΤΠΥ-0071', seller: OTHER })), filename: 'x.xml' }]);
    const answer = await send(c, c.company, 'POST', `${prefix}/my/supplier/invoices`, wrong.payload, { 'content-type': wrong.contentType });
    assert.is(answer.statusCode, 422);
    assert.ok(answer.body.includes(prefix ? 'The invoice was not recorded' : 'Το τιμολόγιο δεν καταχωρίστηκε'));
    assert.ok(answer.body.includes('<code>cac:AccountingSupplierParty/cac:Party/'), answer.body.slice(0, 3000));
    assert.match(answer.body, prefix ? /<\/code> \(line \d+\)/ : /<\/code> \(γραμμή \d+\)/);
  }
  const noToken = multipart([{ name: 'file', value: Buffer.from(ublInvoice({ number: 'ΤΠΥ-0072' })), filename: 'x.xml' }]);
  assert.is((await send(c, c.company, 'POST', '/my/supplier/invoices', noToken.payload, { 'content-type': noToken.contentType })).statusCode, 403);
  await caughtUp(c.site);
  assert.equal(await recorded(c), before);
});

test('security: another company’s invoice is never reached; a person’s own session and a visitor get none', async (c) => {
  const theirs = await receiveInvoice({ ...c.site.services, buyerTaxid: BUYER_TAXID }, { subjectId: 'another-company', taxid: OTHER, name: 'ΣΑΡΛΗΣ Δ. Ο.Ε.', actor: 'test' }, Buffer.from(ublInvoice({ number: 'ΣΑΡ-1', seller: OTHER })));
  await caughtUp(c.site);
  assert.is(theirs.id, invoiceIdOf(c.site.services, OTHER, 2026, 'ΣΑΡ-1'));
  assert.is((await send(c, c.company, 'GET', `/api/my/supplier/invoices/${theirs.id}`)).statusCode, 404);
  assert.is((await c.company.get(`/my/supplier/invoices/${theirs.id}`)).statusCode, 404);
  assert.is((await c.company.get(`/my/supplier/invoices/${theirs.id}/xml`)).statusCode, 404);
  const mine = await send(c, c.company, 'GET', '/api/my/supplier/invoices');
  assert.not.ok(mine.body.includes(theirs.id) || mine.body.includes('ΣΑΡ-1'));
  assert.not.ok((await c.company.get('/my/supplier')).body.includes('ΣΑΡ-1'));

  const visitor = new Browser(c.site.app);
  assert.is((await send(c, visitor, 'GET', '/api/my/supplier/invoices')).statusCode, 401);
  assert.is((await visitor.get(`/my/supplier/invoices/${theirs.id}`)).statusCode, 401);

  await grant(c.site, A);
  const person = new Browser(c.site.app);
  await logInAs(person, A);
  const own = await send(c, person, 'GET', '/api/my/supplier/invoices');
  assert.is(own.statusCode, 403);
  assert.is(own.json<{ error: { code: string } }>().error.code, 'OD_EINVOICE_NOT_COMPANY');
  // Acting for the company, its representative sees the company's invoices, and no other's.
  const switched = await person.post('/my/act-for', actForm((await person.get('/my/')).body));
  assert.ok(switched.statusCode === 303 || switched.statusCode === 302);
  const acting = (await send(c, person, 'GET', '/api/my/supplier/invoices')).json<{ invoices: InvoiceJson[] }>().invoices.map((i) => i.number);
  assert.ok(acting.includes('ΤΠΥ-0042') && !acting.includes('ΣΑΡ-1'), acting.join());
});

test('the read model rebuilt from the log answers the same', async (c) => {
  const before = (await send(c, c.company, 'GET', '/api/my/supplier/invoices')).body;
  assert.is(rebuildUsage(['einvoices']), null, 'opendimos rebuild einvoices');
  await rebuildProjections(c.site.db.client, eventReaderFor(c.site.store), c.site.db.schema, [einvoicesProjection]);
  assert.equal(JSON.parse((await send(c, c.company, 'GET', '/api/my/supplier/invoices')).body), JSON.parse(before));
});

test('the fixture invoice (fixtures/einvoices) sent by the stand-in company is tracked to its payment in the fixture year', async (c) => {
  await ledger(c, '02/01/2025;προϋπολογισμός;20-6264;40.000,00;ΠΥ-1;;;;;;Συντήρηση και επισκευή λοιπών μηχανημάτων;');
  const report = await importBytes(c.site.store, await readFile(new URL('../../../fixtures/lixouri-2025-supplier.csv', import.meta.url)), { fileName: 'lixouri-2025-supplier.csv' });
  assert.is(report.accepted, true, JSON.stringify(report.errors));
  const answer = await upload(c, await readFile(new URL('../../../fixtures/einvoices/alieftiki-12-2025.xml', import.meta.url)));
  assert.is(answer.statusCode, 201, answer.body);
  await caughtUp(c.site);
  const found = await invoice(c, answer.json<{ id: string }>().id);
  assert.equal([found.number, found.stage, found.paid, found.commitments.map((d) => d.document), found.payments.map((p) => p.document)], ['12/2025', 'paid', '1200.00', ['ΑΑΥ-9001'], ['ΕΠ-9001']]);
});

test('every e-invoices operation of the OpenAPI document is a route of the citizens’ site', async (c) => {
  const document = parse(await readFile(new URL('../../../src/api/openapi.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const routes = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => operation.tags?.includes('einvoices'))
      .map(([method]) => ({ method: method.toUpperCase() as 'GET' | 'POST', url: path.replace(/\{(\w+)\}/g, ':$1') })),
  );
  assert.is(routes.length, 3);
  for (const route of routes) assert.ok(c.site.app.hasRoute(route), `${route.method} ${route.url}`);
});

test.run();
