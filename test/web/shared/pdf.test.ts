// The shared PDF writer (src/web/shared/pdf.ts), read back through PDF.js: Greek and Latin text survive as
// text, lines wrap at spaces (and inside a word only when it alone is too wide), a long table breaks over
// pages with its header row again on each, every page has the header and its number, and a download's file
// name is kept to ASCII.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { attachment, PdfWriter, wrapText } from '../../../src/web/shared/pdf.ts';
import { pdfPages } from '../../support/pdfText.ts';

const test = suite('web/shared/pdf: the documents citizens download');

const options = {
  title: 'Βεβαίωση / Certificate',
  header: ['Δήμος Ληξουρίου / Municipality of Lixouri', 'Αρ. πρωτ. 1234 · 07/12/2026'],
  pageLabel: (page: number, pages: number) => `Σελίδα ${page} από ${pages} / Page ${page} of ${pages}`,
  language: 'el-GR',
  author: 'Δήμος Ληξουρίου',
  issuedAt: new Date('2026-12-07T10:00:00Z'),
};

/** One character one unit: wrapping by counts. */
const chars = (text: string): number => [...text].length;

test('wrapText: at spaces; a word wider than the line is cut; explicit line breaks kept', () => {
  assert.equal(wrapText('Τέλη ύδρευσης Α΄ εξαμήνου', 14, chars), ['Τέλη ύδρευσης', 'Α΄ εξαμήνου']);
  assert.equal(wrapText('ΑΒΓΔΕΖΗΘΙΚ', 4, chars), ['ΑΒΓΔ', 'ΕΖΗΘ', 'ΙΚ']);
  assert.equal(wrapText('Αιτία\nReason', 40, chars), ['Αιτία', 'Reason']);
  assert.equal(wrapText('', 10, chars), ['']);
});

test('Greek and Latin text comes back as text; the font is embedded as a subset (a small file)', async () => {
  const pdf = await PdfWriter.start(options);
  pdf.heading('Βεβαίωση μόνιμης κατοικίας / Certificate of residence').text('Ο Δήμος βεβαιώνει ότι η ΜΑΡΊΑ ΠΑΠΑΔΟΠΟΎΛΟΥ κατοικεί στο Ληξούρι. «Ελληνικά» ΆΈΉΊΌΎΏ ϊΐΰ ώ €');
  const bytes = await pdf.finish();
  assert.is(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
  assert.ok(bytes.length < 60_000, `${bytes.length} bytes: the two faces are 1.3 MB whole`);
  const [page] = await pdfPages(bytes);
  for (const seen of ['Δήμος Ληξουρίου / Municipality of Lixouri', 'Αρ. πρωτ. 1234', 'Certificate of residence', 'ΜΑΡΊΑ ΠΑΠΑΔΟΠΟΎΛΟΥ', '«Ελληνικά» ΆΈΉΊΌΎΏ ϊΐΰ ώ €', 'Σελίδα 1 από 1 / Page 1 of 1']) {
    assert.ok(page!.includes(seen), `shows ${seen}`);
  }
});

test('documents one after another each read back whole (no font state carried from one into the next)', async () => {
  for (const text of ['Πρώτο έγγραφο: ΑΒΓ abc', 'Δεν έχετε οφειλές προς τον Δήμο. You owe nothing to the Municipality.']) {
    const pdf = await PdfWriter.start(options);
    pdf.text(text);
    assert.ok((await pdfPages(await pdf.finish()))[0]!.includes(text), text);
  }
});

test('a long table: several pages, each with the header, the table\'s header row and its number; every row once, in order', async () => {
  const pdf = await PdfWriter.start({ ...options, orientation: 'portrait' });
  const rows = Array.from({ length: 150 }, (_, i) => [`Γραμμή ${i + 1}`, `${i + 1},00 €`]);
  pdf.table({ columns: [{ header: 'Περιγραφή\nDescription', weight: 3 }, { header: 'Ποσό\nAmount', weight: 1, align: 'right' }], rows, totals: [['Σύνολο / Total', '11.325,00 €']] });
  const pages = await pdfPages(await pdf.finish());
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  pages.forEach((page, i) => {
    assert.ok(page.startsWith('Δήμος Ληξουρίου / Municipality of Lixouri'), `page ${i + 1} begins with the header`);
    assert.ok(page.includes('Περιγραφή Description Ποσό Amount'), `page ${i + 1} has the table's header row`);
    assert.ok(page.endsWith(`Σελίδα ${i + 1} από ${pages.length} / Page ${i + 1} of ${pages.length}`), `page ${i + 1} is numbered`);
  });
  const all = pages.join(' ');
  const at = rows.map(([label]) => all.indexOf(`${label} `));
  assert.ok(at.every((position, i) => position >= 0 && (i === 0 || position > at[i - 1]!)), 'every row, in order');
  for (const [label] of rows) assert.is(all.split(`${label} `).length, 2, `${label} once`);
  assert.ok(pages.at(-1)!.includes('Σύνολο / Total 11.325,00 €'));
});

test('attachment(): an ASCII-safe file name, whatever the text', () => {
  assert.is(attachment('katastasi-ofeilon-2026-12-07.pdf'), 'attachment; filename="katastasi-ofeilon-2026-12-07.pdf"');
  assert.is(attachment('Βεβαίωση "1"\r\n.pdf'), 'attachment; filename="-1-.pdf"');
});

test.run();
