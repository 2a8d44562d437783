// The issued document's layout (issue 17 item 4), read back through PDF.js: one upright A4 page with the
// header, protocol number and date, the title and body in Greek and English with every placeholder filled
// (never a brace), the facts, the holder, the verification code and QR; the red warning only for a
// development signature; the same content gives the same bytes, with the metadata of the issue.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PDFDocument, PDFName } from 'pdf-lib';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { create } from 'qrcode';
import type { DocumentContent } from '../../../src/api/applications/index.ts';
import type { ServiceDefinition } from '../../../src/domain/index.ts';
import { bodyText, dateInWords, renderDocument, renderDocumentFor, verificationQr } from '../../../src/web/applications/documentPdf.ts';
import { lixouri } from '../../../src/web/shared/municipality.ts';
import { pdfPages } from '../../support/pdfText.ts';

const test = suite('web/applications/documentPdf: the issued certificate');

const service: ServiceDefinition = {
  code: 'no-debt-certificate',
  title: { el: 'Βεβαίωση μη οφειλής', en: 'Certificate of no debt' },
  summary: { el: 'Σύνοψη', en: 'Summary' },
  description: { el: 'Περιγραφή', en: 'Description' },
  applicants: 'both',
  fields: [
    {
      name: 'purpose',
      type: 'choice',
      label: { el: 'Σκοπός', en: 'Purpose' },
      required: false,
      choices: [{ value: 'property-transfer', label: { el: 'Για μεταβίβαση ακινήτου', en: 'For the transfer of a property' } }],
    },
    { name: 'from', type: 'date', label: { el: 'Από', en: 'From' }, required: false },
    { name: 'note', type: 'text', label: { el: 'Σημείωση', en: 'Note' }, required: false },
  ],
  attachments: [],
  fee: null,
  department: 'revenue',
  deadlineDays: 3,
  decision: { kind: 'instant', rule: 'no-debt' },
  document: {
    title: { el: 'Βεβαίωση μη οφειλής (δημοτική ενημερότητα)', en: 'Certificate of no debt to the municipality' },
    body: {
      el: 'Βεβαιώνεται ότι ο/η {holder}, με ΑΦΜ {taxid}, δεν οφείλει κατά την {date}. Χορηγείται {purpose} από {from}.{note}\n\nΔεύτερη παράγραφος {unknown} τέλος.',
      en: 'It is certified that {holder}, tax number {taxid}, owes nothing on {date}. Issued {purpose} from {from}.{note}\n\nSecond paragraph {unknown} end.',
    },
  },
};

const CODE = '7KQ2-M9XD-4TRW-B8NE-3HPA';
const content: DocumentContent = {
  service,
  year: 2026,
  protocolNumber: 123,
  issuedAt: new Date('2026-12-07T10:15:00Z'),
  holder: { kind: 'person', name: 'ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΑΤΟΣ', taxid: '123456783' },
  values: { purpose: 'property-transfer', from: '2027-05-01' },
  facts: [{ label: { el: 'Ληξιπρόθεσμες οφειλές', en: 'Overdue debts' }, value: '0,00 €' }],
  verificationCode: CODE,
  verifyUrl: `https://lixouri.opendimos.gr/verify/${CODE}`,
  developmentSignature: false,
};

const pagesOf = async (c: DocumentContent): Promise<string[]> => pdfPages(await renderDocument(c));

test('one page: header, protocol number, the date in Greek and ISO, title el and en, holder, facts and the verification code', async () => {
  const pages = await pagesOf(content);
  assert.is(pages.length, 1);
  const page = pages[0]!;
  for (const seen of [
    'ΕΛΛΗΝΙΚΗ ΔΗΜΟΚΡΑΤΙΑ / HELLENIC REPUBLIC',
    'ΝΟΜΟΣ ΚΕΦΑΛΛΗΝΙΑΣ',
    'Δήμος Ληξουρίου / Municipality of Lixouri',
    'Τμήμα Εσόδων / Revenue Department',
    'Αρ. Πρωτ. / Protocol No.: 123/2026',
    'Ληξούρι, 7 Δεκεμβρίου 2026',
    'Lixouri, 7 December 2026 (2026-12-07)',
    'Βεβαίωση μη οφειλής (δημοτική ενημερότητα)',
    'Certificate of no debt to the municipality',
    'Ονοματεπώνυμο / Name ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΑΤΟΣ',
    'ΑΦΜ / Tax ID 123456783',
    'Ληξιπρόθεσμες οφειλές / Overdue debts 0,00 €',
    CODE,
    'Ελέγξτε τη γνησιότητα στο / Check it at https://lixouri.opendimos.gr/verify',
    'PAdES',
    'Σελίδα 1 από 1 / Page 1 of 1',
  ]) assert.ok(page.includes(seen), `shows ${seen}`);
  assert.not.ok(page.includes('ΔΟΚΙΜΑΣΤΙΚΟ'), 'no development warning');
  assert.not.ok(page.includes('TEST —'), 'no development warning in English');
});

test('the body: placeholders filled (holder, ΑΦΜ, date in words, choice by its label per language, date dd/mm/yyyy); unknown and missing ones empty, no brace printed', async () => {
  const page = (await pagesOf(content))[0]!;
  assert.ok(page.includes('Βεβαιώνεται ότι ο/η ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΑΤΟΣ, με ΑΦΜ 123456783, δεν οφείλει κατά την 7 Δεκεμβρίου 2026.'), page);
  assert.ok(page.includes('Χορηγείται Για μεταβίβαση ακινήτου από 01/05/2027.'));
  assert.ok(page.includes('Issued For the transfer of a property from 01/05/2027.'));
  assert.ok(page.includes('owes nothing on 7 December 2026.'));
  assert.ok(page.includes('Δεύτερη παράγραφος τέλος.'));
  assert.ok(page.includes('Second paragraph end.'));
  assert.not.ok(/[{}]/.test(page), 'no brace left');
  assert.not.ok(page.includes('unknown'));
  assert.is(bodyText({ ...content, service: { ...service, document: { ...service.document, body: { el: 'α {a{b}} β }', en: '{holder}' } } } }, 'el'), 'α β');
});

test('the date is the day in Greece: 22:30 UTC on 31 December is 1 January there', async () => {
  assert.is(dateInWords('2027-01-01', 'el'), '1 Ιανουαρίου 2027');
  const page = (await pagesOf({ ...content, issuedAt: new Date('2026-12-31T22:30:00Z') }))[0]!;
  assert.ok(page.includes('Ληξούρι, 1 Ιανουαρίου 2027'));
  assert.ok(page.includes('(2027-01-01)'));
});

test('a development signature: the red warning in Greek and English on the face', async () => {
  const page = (await pagesOf({ ...content, developmentSignature: true }))[0]!;
  assert.ok(page.includes('ΔΟΚΙΜΑΣΤΙΚΟ — υπογεγραμμένο με πιστοποιητικό ανάπτυξης, χωρίς νομική ισχύ'));
  assert.ok(page.includes('TEST — signed with a development certificate, no legal effect'));
});

test('a company holder by its name; another municipality in the header, without a prefecture it lacks', async () => {
  const other = { ...lixouri, name: { el: 'Δήμος Αργοστολίου', en: 'Municipality of Argostoli' }, prefecture: undefined, seat: { el: 'Αργοστόλι', en: 'Argostoli' }, departments: {} };
  const page = (await pdfPages(await renderDocumentFor(other)({ ...content, holder: { kind: 'company', name: 'ΙΧΘΥΟΤΡΟΦΕΙΑ ΠΑΛΙΚΗΣ Α.Ε.', taxid: '094014201' } })))[0]!;
  assert.ok(page.includes('Επωνυμία / Company name ΙΧΘΥΟΤΡΟΦΕΙΑ ΠΑΛΙΚΗΣ Α.Ε.'));
  assert.ok(page.includes('Δήμος Αργοστολίου / Municipality of Argostoli'));
  assert.ok(page.includes('Αργοστόλι, 7 Δεκεμβρίου 2026'));
  assert.not.ok(page.includes('ΚΕΦΑΛΛΗΝΙΑΣ'));
  assert.not.ok(page.includes('Δήμος Ληξουρίου'));
});

test('the QR on the page, read back pixel by pixel from a rendering, is the symbol of the verify address (level M)', async () => {
  const expected = create(content.verifyUrl, { errorCorrectionLevel: 'M' }).modules;
  const matrix = verificationQr(content.verifyUrl);
  assert.is(matrix.size, expected.size);
  assert.equal([...matrix.data], [...expected.data]);
  assert.not.equal([...verificationQr(`${content.verifyUrl}X`).data], [...matrix.data]);
  // Read back from the page as a viewer draws it: the dark modules in the box's left part, sampled at their centres.
  const scale = 4;
  const { pixels, width, height } = await renderPage(await renderDocument(content), scale);
  const dark = (x: number, y: number): boolean => pixels[(y * width + x) * 4]! < 128;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = Math.floor(height * 0.72); y < height; y++)
    for (let x = 0; x < Math.floor(width * 0.25); x++)
      if (dark(x, y)) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  const module = (x1 - x0 + 1) / expected.size;
  const seen = Array.from({ length: expected.size * expected.size }, (_, i) => (dark(Math.floor(x0 + ((i % expected.size) + 0.5) * module), Math.floor(y0 + (Math.floor(i / expected.size) + 0.5) * module)) ? 1 : 0));
  assert.ok(Math.abs(y1 - y0 - (x1 - x0)) <= 2, 'a square symbol');
  assert.equal(seen, [...expected.data]);
});

/** The first page as RGBA pixels, through PDF.js and its Node canvas (@napi-rs/canvas, which pdfjs-dist ships with). */
const renderPage = async (bytes: Uint8Array, scale: number): Promise<{ pixels: Uint8ClampedArray; width: number; height: number }> => {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
    return { pixels: context.getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width, height: canvas.height };
  } finally {
    await doc.destroy();
  }
};

test('metadata: title, author, language, dates of issue; the same content gives the same bytes', async () => {
  const [first, second] = [await renderDocument(content), await renderDocument(content)];
  assert.ok(Buffer.from(first).equals(Buffer.from(second)), 'same bytes');
  const doc = await PDFDocument.load(first, { updateMetadata: false });
  assert.is(doc.getTitle(), 'Βεβαίωση μη οφειλής (δημοτική ενημερότητα) / Certificate of no debt to the municipality 123/2026');
  assert.is(doc.getAuthor(), 'Δήμος Ληξουρίου');
  assert.is(doc.getCreationDate()?.toISOString(), content.issuedAt.toISOString());
  assert.is(doc.getModificationDate()?.toISOString(), content.issuedAt.toISOString());
  assert.is(doc.getProducer(), 'OpenDimos (pdf-lib)');
  assert.is(String(doc.catalog.get(PDFName.of('Lang'))), '(el-GR)');
  const [w, h] = [doc.getPages()[0]!.getWidth(), doc.getPages()[0]!.getHeight()];
  assert.ok(h > w, 'upright');
});

test.run();
