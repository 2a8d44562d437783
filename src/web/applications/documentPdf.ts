// The issued document (certificate, permit) as an unsigned PDF, laid out as gov.gr lays its certificates:
// the state and the municipality at the top left, the protocol number and the date at the top right, the
// title, the body in Greek and then in English, what the rule established, the holder, and at the foot a
// framed box with the QR code of the verify page and the verification code. The API signs what this gives.
import { create } from 'qrcode';
import type { DocumentContent, RenderDocument } from '../../api/applications/index.ts';
import { athensDate } from '../shared/format.ts';
import type { Municipality } from '../shared/municipality.ts';
import { lixouri } from '../shared/municipality.ts';
import { PdfWriter } from '../shared/pdf.ts';

type Lang = 'el' | 'en';
type Bilingual = { readonly el: string; readonly en: string };

/** 100 pt (35 mm): a phone reads a version 4–5 symbol at that size from a printed page. */
const QR_SIDE = 100;

// The genitive, as a Greek date is written: «7 Δεκεμβρίου 2026».
const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  el: ['Ιανουαρίου', 'Φεβρουαρίου', 'Μαρτίου', 'Απριλίου', 'Μαΐου', 'Ιουνίου', 'Ιουλίου', 'Αυγούστου', 'Σεπτεμβρίου', 'Οκτωβρίου', 'Νοεμβρίου', 'Δεκεμβρίου'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** An ISO day in words: «7 Δεκεμβρίου 2026», "7 December 2026". */
export const dateInWords = (isoDay: string, lang: Lang): string => {
  const [year, month, day] = isoDay.split('-').map(Number);
  return `${day} ${MONTHS[lang][month! - 1]} ${year}`;
};

/** «123/2026»: the number within its year's protocol. */
export const protocolLabel = (content: Pick<DocumentContent, 'protocolNumber' | 'year'>): string => `${content.protocolNumber}/${content.year}`;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A form value as the body prints it: a choice by its label, a date as Greeks write it, a decimal comma in Greek. */
const valueText = (content: DocumentContent, name: string, lang: Lang): string => {
  const value = content.values[name];
  if (value === undefined) return '';
  const field = content.service.fields.find((f) => f.name === name);
  if (field?.type === 'choice') return field.choices?.find((c) => c.value === value)?.label[lang] ?? value;
  if (field?.type === 'date') {
    const day = ISO_DAY.exec(value);
    return day ? `${day[3]}/${day[2]}/${day[1]}` : value;
  }
  if (field?.type === 'number' && lang === 'el' && NUMBER.test(value)) return value.replace('.', ',');
  return value;
};

const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * The body in `lang` with its {placeholders} filled: {holder}, {taxid}, {date} (of issue, in words) and the
 * form's fields. One the catalogue let through but the values lack becomes empty: a document never shows a
 * brace (nor, with it, a field's internal name).
 */
export const bodyText = (content: DocumentContent, lang: Lang): string => {
  const known: Readonly<Record<string, string>> = {
    holder: content.holder.name,
    taxid: content.holder.taxid,
    date: dateInWords(athensDate(content.issuedAt), lang),
  };
  let text = content.service.document.body[lang];
  // Until none is left: a nested «{a{b}}» becomes «{a}» once its inner one is filled.
  for (let filled = ''; filled !== text; ) {
    filled = text;
    text = text.replace(PLACEHOLDER, (_, name: string) => known[name] ?? valueText(content, name, lang));
  }
  return text
    .replace(/[{}]/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
};

/** Paragraphs are separated by blank lines (YAML's `|` keeps the file's line breaks, which are not the page's). */
const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');

const both = (text: Bilingual): string => (text.el === text.en ? text.el : `${text.el} / ${text.en}`);

const WORDS = {
  republic: { el: 'ΕΛΛΗΝΙΚΗ ΔΗΜΟΚΡΑΤΙΑ', en: 'HELLENIC REPUBLIC' },
  protocol: { el: 'Αρ. Πρωτ.', en: 'Protocol No.' },
  holder: { el: 'Στοιχεία δικαιούχου', en: 'Holder' },
  person: { el: 'Ονοματεπώνυμο', en: 'Name' },
  company: { el: 'Επωνυμία', en: 'Company name' },
  taxid: { el: 'ΑΦΜ', en: 'Tax ID' },
  verification: { el: 'Επαλήθευση', en: 'Verification' },
  code: { el: 'Κωδικός επαλήθευσης', en: 'Verification code' },
  checkAt: { el: 'Ελέγξτε τη γνησιότητα στο', en: 'Check it at' },
  development: {
    el: 'ΔΟΚΙΜΑΣΤΙΚΟ — υπογεγραμμένο με πιστοποιητικό ανάπτυξης, χωρίς νομική ισχύ',
    en: 'TEST — signed with a development certificate, no legal effect',
  },
  page: (page: number, pages: number) => `Σελίδα ${page} από ${pages} / Page ${page} of ${pages}`,
  signed: (m: Municipality) => ({
    el: `Το έγγραφο φέρει ηλεκτρονική υπογραφή (PAdES) του ${m.name.el.replace(/^Δήμος/, 'Δήμου')} και το αποτύπωμά του (SHA-256) είναι καταχωρισμένο στο δημόσιο επαληθεύσιμο αρχείο του Δήμου.`,
    en: `This document is signed electronically (PAdES) by the ${m.name.en}; its digest (SHA-256) is recorded in the municipality's public verifiable log.`,
  }),
} as const;

/** The verify page without the code: where a reader types a code by hand. */
const verifyPageOf = (verifyUrl: string): string => verifyUrl.replace(/\/verify\/[^/]*$/, '/verify');

/** The QR code's modules for the verify address, at error correction level M (a smudged print still reads). */
export const verificationQr = (verifyUrl: string): ReturnType<typeof create>['modules'] => create(verifyUrl, { errorCorrectionLevel: 'M' }).modules;

/** Lays out `content` as issued by `municipality` (another installation passes its own). */
export const documentPdf = async (content: DocumentContent, municipality: Municipality = lixouri): Promise<Uint8Array> => {
  const { service, holder } = content;
  const title = service.document.title;
  const day = athensDate(content.issuedAt);
  const seat = municipality.seat ?? municipality.name;
  const department = municipality.departments?.[service.department];
  const pdf = await PdfWriter.start({
    title: `${both(title)} ${protocolLabel(content)}`,
    header: [
      both(WORDS.republic),
      ...(municipality.prefecture ? [both(municipality.prefecture)] : []),
      both(municipality.name),
      ...(department ? [both(department)] : []),
      municipality.contact.address.el,
      municipality.contact.address.en,
    ],
    headerRight: [
      `${WORDS.protocol.el} / ${WORDS.protocol.en}: ${protocolLabel(content)}`,
      `${seat.el}, ${dateInWords(day, 'el')}`,
      `${seat.en}, ${dateInWords(day, 'en')} (${day})`,
    ],
    pageLabel: WORDS.page,
    language: 'el-GR',
    author: municipality.name.el,
    issuedAt: content.issuedAt,
    mono: true,
  });

  if (content.developmentSignature) {
    pdf.text(WORDS.development.el, { bold: true, alert: true, align: 'centre', size: 10.5 });
    pdf.text(WORDS.development.en, { bold: true, alert: true, align: 'centre', size: 10.5 });
  }
  pdf.space(10).text(title.el, { size: 16, bold: true, align: 'centre' }).text(title.en, { size: 12, muted: true, align: 'centre' }).space(8);
  for (const paragraph of paragraphsOf(bodyText(content, 'el'))) pdf.text(paragraph, { size: 10.5 });
  pdf.space(4);
  for (const paragraph of paragraphsOf(bodyText(content, 'en'))) pdf.text(paragraph, { size: 9, muted: true });
  if (content.facts.length > 0) pdf.space(4).facts(content.facts.map((f) => [both(f.label), f.value] as const));

  pdf.heading(both(WORDS.holder), 11);
  pdf.facts([
    [both(holder.kind === 'company' ? WORDS.company : WORDS.person), holder.name],
    [both(WORDS.taxid), holder.taxid],
  ]);

  const signed = WORDS.signed(municipality);
  pdf.qr(
    verificationQr(content.verifyUrl),
    QR_SIDE,
    [
      { text: `${WORDS.code.el} / ${WORDS.code.en}:`, style: { muted: true } },
      { text: content.verificationCode, style: { mono: true, size: 13 } },
      { text: `${WORDS.checkAt.el} / ${WORDS.checkAt.en} ${verifyPageOf(content.verifyUrl)}`, style: {} },
      signed.el,
      signed.en,
    ],
    { frame: true, bottom: true },
  );
  return pdf.finish();
};

/** The renderer the composition root hands the applications API: Lixouri's documents. */
export const renderDocument: RenderDocument = (content) => documentPdf(content);

/** A renderer for another municipality's documents. */
export const renderDocumentFor =
  (municipality: Municipality): RenderDocument =>
  (content) =>
    documentPdf(content, municipality);
