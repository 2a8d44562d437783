// The debt statement as PDF (issue 15 item 2): /my/debts.pdf and /en/my/debts.pdf give the session's own
// statement as a file (a valid PDF whose text, read back by PDF.js, holds the debts, amounts, RF codes and
// totals, the header and «Σελίδα 1 από N» on every page), never cached; another citizen's session gets
// another file with none of this one's data, a representative acting for a company gets the company's, and
// a visitor without a session gets the login page, no file.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LightMyRequestResponse } from 'fastify';
import { lixouriPayments, RF_SELECTIONS } from '../../../src/api/debts/index.ts';
import { subjectOf } from '../../../src/api/identity/index.ts';
import { isValidRf } from '../../../src/domain/shared/codes/rf.ts';
import { table } from '../../../src/projections/shared/tables.ts';
import { importBytes } from '../../ingest/harness.ts';
import { pdfPages } from '../../support/pdfText.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, logInAs, startCitizenSite } from '../identity/citizenSite.ts';
import { actForm, COMPANY, COMPANY_NAME, grant } from '../identity/representing.ts';
import { A, B, C, caughtUp, csv, D, LAST, ROLL_HEADER, YEAR } from './debtsSite.ts';

/** C has so many debts that the table runs over several pages. */
const MANY = 90;

const ROLL = csv(
  ROLL_HEADER,
  `${A};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000301;${YEAR};0351.001;Τέλη ύδρευσης Α΄ εξαμήνου ${YEAR};84,20;10/01/${YEAR};31/03/${YEAR};;;φυσικό πρόσωπο`,
  `${A};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000302;${YEAR};1512.001;Πρόστιμο ΚΟΚ;1.080,00;10/01/${YEAR};31/12/${YEAR + 1};;;φυσικό πρόσωπο`,
  `${A};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000303;${LAST};0441.002;ΤΑΠ ${LAST};25,50;10/01/${LAST};30/06/${LAST};;3,10;φυσικό πρόσωπο`,
  `${B};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000401;${YEAR};0351.001;Τέλη ύδρευσης οικίας Κοσμετάτου;61,35;10/01/${YEAR};31/03/${YEAR};;;φυσικό πρόσωπο`,
  `${B};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000402;${YEAR};1512.001;Πρόστιμο στάθμευσης Κοσμετάτου;47,90;10/01/${YEAR};31/03/${YEAR};;;φυσικό πρόσωπο`,
  `${COMPANY};${COMPANY_NAME};000601;${YEAR};0351.001;Τέλη ύδρευσης ιχθυοτροφείου;310,00;10/01/${YEAR};31/12/${YEAR + 1};;;νομικό πρόσωπο`,
  ...Array.from({ length: MANY }, (_, i) => `${C};ΜΕΤΑΞΑΣ ΑΝΔΡΕΑΣ;${String(500 + i).padStart(6, '0')};${YEAR};0351.001;Τέλη ύδρευσης παροχής ${i + 1} Μεταξά;10,00;10/01/${YEAR};31/12/${YEAR + 1};;;φυσικό πρόσωπο`),
);

interface Context {
  site: CitizenSite;
  a: Browser;
  b: Browser;
  c: Browser;
  d: Browser;
}

const test = suite<Context>('web/debts: the statement as PDF', {} as Context);

test.before(async (context) => {
  const site = await startCitizenSite({ paying: lixouriPayments });
  context.site = site;
  const personal = { keyring: site.keyring, subjectOf: (taxid: string) => subjectOf(site.services, taxid) };
  const roll = await importBytes(site.store, ROLL, { kind: 'debts', fileName: 'debts.csv', actor: 'εσόδων', personal });
  assert.equal([roll.accepted, roll.imported, roll.errors], [true, 6 + MANY, []]);
  for (const [key, taxid] of [['a', A], ['b', B], ['c', C], ['d', D]] as const) {
    context[key] = new Browser(site.app);
    assert.is((await logInAs(context[key], taxid)).statusCode, 303);
  }
  await caughtUp(site);
});

test.after(async ({ site }) => site?.close());

const isPdf = (answer: LightMyRequestResponse): boolean => answer.rawPayload.subarray(0, 5).toString('latin1') === '%PDF-';

/** Downloads the file and checks it is one: the headers, the magic, and PDF.js opening it; its pages' text. */
const download = async (browser: Browser, path: string): Promise<{ answer: LightMyRequestResponse; pages: string[]; text: string }> => {
  const answer = await browser.get(path);
  assert.is(answer.statusCode, 200, answer.body.slice(0, 300));
  assert.is(answer.headers['content-type'], 'application/pdf');
  assert.is(answer.headers['cache-control'], 'no-store', 'personal data is never cached');
  assert.match(String(answer.headers['content-disposition']), /^attachment; filename="[A-Za-z0-9._-]+\.pdf"$/);
  assert.ok(isPdf(answer), 'starts %PDF-');
  assert.ok(answer.rawPayload.subarray(-32).toString('latin1').includes('%%EOF'), 'ends %%EOF');
  const pages = await pdfPages(answer.rawPayload);
  return { answer, pages, text: pages.join('\n') };
};

const rfsIn = (text: string): string[] => [...text.matchAll(/RF\d{2}(?: [0-9A-Z]{1,4})+/g)].map((m) => m[0]);

test('/my/debts.pdf: A\'s name and ΑΦΜ, each debt with reason, amounts, status in Greek and English, RF codes, totals and the payment instructions', async ({ a }) => {
  const { answer, pages, text } = await download(a, '/my/debts.pdf');
  assert.match(String(answer.headers['content-disposition']), /katastasi-ofeilon-\d{4}-\d{2}-\d{2}\.pdf/);
  for (const seen of [
    'Δήμος Ληξουρίου / Municipality of Lixouri',
    'Κατάσταση οφειλών / Debt statement',
    'ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΑΤΟΣ',
    A,
    `Τέλη ύδρευσης Α΄ εξαμήνου ${YEAR}`,
    'Πρόστιμο ΚΟΚ',
    `ΤΑΠ ${LAST}`,
    '84,20 €',
    '1.080,00 €',
    '3,10 €',
    '28,60 €',
    'Ληξιπρόθεσμη Overdue',
    'Εμπρόθεσμη Not yet due',
    'Σύνολο / Total',
    '1.189,70 €',
    '1.192,80 €',
    'Πληρωμή όλων με ένα έμβασμα / Pay everything in one transfer',
    'Πληρωμή με κωδικό RF',
    'Payment with RF code',
    'σαρώστε τον κωδικό QR',
    'GR16 0110 1250 0000 0001 2300 695',
    `Σελίδα 1 από ${pages.length} / Page 1 of ${pages.length}`,
  ]) {
    assert.ok(text.includes(seen), `the PDF shows ${seen}`);
  }
  const rfs = rfsIn(text).map((rf) => rf.replace(/ /g, ''));
  for (const rf of rfs) assert.ok(isValidRf(rf), `${rf} is a valid RF`);
  assert.is(new Set(rfs).size, 4, `the RF of each of the three debts and of the whole total: ${rfs.join(', ')}`);
});

test('the RFs and the total in the PDF are those of /api/my/debts', async ({ a }) => {
  const json = (await a.get('/api/my/debts')).json<{ debts: { rf: string }[]; total: string; rfAll: string }>();
  const rfs = new Set(rfsIn((await download(a, '/my/debts.pdf')).text).map((rf) => rf.replace(/ /g, '')));
  for (const rf of [...json.debts.map((d) => d.rf), json.rfAll]) assert.ok(rfs.has(rf), `${rf} in the PDF`);
  assert.is(json.total, '1192.80');
});

test('the RF of the whole total is recorded as issued: a bank transfer carrying it finds exactly A\'s open debts', async ({ site, a }) => {
  const json = (await a.get('/api/my/debts')).json<{ rfAll: string }>();
  assert.ok(rfsIn((await download(a, '/my/debts.pdf')).text).some((rf) => rf.replace(/ /g, '') === json.rfAll));
  const rows = await site.db.client.query<{ debts: { year: number; assessment: string }[] | string }>(`SELECT debts FROM ${table(site.db.schema, RF_SELECTIONS)} WHERE rf = $1`, [json.rfAll]);
  assert.is(rows.length, 1);
  const debts = typeof rows[0]!.debts === 'string' ? (JSON.parse(rows[0]!.debts) as { year: number; assessment: string }[]) : rows[0]!.debts;
  assert.equal(debts.map((d) => `${d.year}-${d.assessment}`).sort(), [`${LAST}-000303`, `${YEAR}-000301`, `${YEAR}-000302`]);
});

test('/en/my/debts.pdf is in English', async ({ a }) => {
  const { answer, pages, text } = await download(a, '/en/my/debts.pdf');
  assert.match(String(answer.headers['content-disposition']), /debt-statement-\d{4}-\d{2}-\d{2}\.pdf/);
  for (const seen of ['Municipality of Lixouri', 'Debt statement', 'Overdue', 'Remaining to pay', 'Total', 'Payment with RF code', `Page 1 of ${pages.length}`, '1.192,80 €', `Τέλη ύδρευσης Α΄ εξαμήνου ${YEAR}`]) {
    assert.ok(text.includes(seen), `the English PDF shows ${seen}`);
  }
  for (const greek of ['Δήμος Ληξουρίου /', 'Ληξιπρόθεσμη', 'Σελίδα', 'Υπόλοιπο']) assert.not.ok(text.includes(greek), `no Greek label ${greek}`);
});

test('another citizen\'s session gets their own file, with none of A\'s data; A\'s none of theirs', async ({ a, b }) => {
  const mine = (await download(a, '/my/debts.pdf')).text;
  const theirs = (await download(b, '/my/debts.pdf')).text;
  assert.ok(theirs.includes('Τέλη ύδρευσης οικίας Κοσμετάτου') && theirs.includes('109,25 €') && theirs.includes(B));
  for (const hidden of [A, 'ΠΑΠΑΔΑΤΟΣ', 'Πρόστιμο ΚΟΚ', '84,20', '1.192,80', '000301']) assert.not.ok(theirs.includes(hidden), `B's PDF shows A's ${hidden}`);
  for (const hidden of [B, 'ΚΟΣΜΕΤΑΤΟΥ', 'Κοσμετάτου', '61,35', '109,25', '000401']) assert.not.ok(mine.includes(hidden), `A's PDF shows B's ${hidden}`);
});

test('a representative acting for the company gets the company\'s statement, not their own', async ({ site }) => {
  await grant(site, A);
  const representative = new Browser(site.app);
  assert.is((await logInAs(representative, A)).statusCode, 303);
  const own = await representative.get('/my/');
  assert.is((await representative.post('/my/act-for', actForm(own.body))).statusCode, 303);
  const { text } = await download(representative, '/my/debts.pdf');
  for (const seen of [COMPANY_NAME, COMPANY, 'Τέλη ύδρευσης ιχθυοτροφείου', '310,00 €']) assert.ok(text.includes(seen), `the company's PDF shows ${seen}`);
  for (const hidden of [A, 'ΠΑΠΑΔΑΤΟΣ', 'Πρόστιμο ΚΟΚ', '1.192,80']) assert.not.ok(text.includes(hidden), `the company's PDF shows the representative's ${hidden}`);
});

test('without a session: 401 and the login page, as /my/debts; no PDF of anyone', async ({ site }) => {
  const nobody = new Browser(site.app);
  for (const path of ['/my/debts.pdf', '/en/my/debts.pdf']) {
    const answer = await nobody.get(path);
    assert.is(answer.statusCode, 401, path);
    assert.match(String(answer.headers['content-type']), /^text\/html/);
    assert.not.ok(isPdf(answer), 'not a PDF');
    assert.is(answer.headers['content-disposition'], undefined);
    assert.ok(answer.body.includes('/auth/taxisnet?next='), 'offers the login');
    assert.not.ok(answer.body.includes('000301') || answer.body.includes('84,20'), 'shows no debt');
  }
});

test(`${MANY} debts: several pages, each with the header, the table's header row and «Σελίδα n από N»; every debt once`, async ({ c }) => {
  const { pages, text } = await download(c, '/my/debts.pdf');
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  assert.ok(pages.filter((page) => page.includes('Τέλη ύδρευσης παροχής')).length >= 3, 'the table runs over three pages at least');
  pages.forEach((page, i) => {
    assert.ok(page.includes('Δήμος Ληξουρίου / Municipality of Lixouri'), `page ${i + 1} has the header`);
    if (page.includes('Τέλη ύδρευσης παροχής')) assert.ok(page.includes('Αιτία Reason') && page.includes('Υπόλοιπο Remaining'), `page ${i + 1} repeats the table's header row`);
    assert.ok(page.includes(`Σελίδα ${i + 1} από ${pages.length} / Page ${i + 1} of ${pages.length}`), `page ${i + 1} is numbered`);
  });
  for (let i = 1; i <= MANY; i++) assert.is(text.split(`Τέλη ύδρευσης παροχής ${i} Μεταξά`).length, 2, `debt ${i} once`);
  assert.ok(pages.at(-1)!.includes('900,00 €'), 'the total on the last page');
});

test('nothing owed: a PDF that says so, with no payment code or QR', async ({ d }) => {
  const { pages, text } = await download(d, '/my/debts.pdf');
  assert.is(pages.length, 1);
  assert.ok(text.includes('Δεν έχετε οφειλές προς τον Δήμο.') && text.includes('You owe nothing to the Municipality.'));
  assert.is(rfsIn(text).length, 0);
  assert.not.ok(text.includes('Πληρωμή όλων με ένα έμβασμα') || text.includes('QR'), 'no payment section, no QR');
});

test('the statement page links to its PDF in either language', async ({ a }) => {
  assert.ok((await a.get('/my/debts')).body.includes('href="/my/debts.pdf" download>Λήψη PDF</a>'));
  assert.ok((await a.get('/en/my/debts')).body.includes('href="/en/my/debts.pdf" download>Download PDF</a>'));
});

test.run();
