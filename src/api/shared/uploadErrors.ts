// The refusals of an uploaded file (an application's attachment, a report's photo): the citizen reads them
// beside the form's file field, so each names the file as they chose it and says what to do.
import type { DomainError } from '../../domain/index.ts';
import { isDomainError, refusals } from '../../domain/index.ts';

export type UploadFormat = 'pdf' | 'jpeg' | 'png';

/** The file's name as the citizen's device gave it, when it did. */
interface Named {
  readonly name?: string;
}

const FORMAT_WORDS: Readonly<Record<UploadFormat, string>> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' };

// A name is the client's text: shortened, so a crafted one cannot fill the page.
const MAX_NAME = 80;
const shortName = (name: string): string => ([...name].length > MAX_NAME ? `${[...name].slice(0, MAX_NAME - 1).join('')}…` : name);
const namedEl = (p: Named, text: string): string => (p.name ? `«${shortName(p.name)}»: ${text}` : text);
const namedEn = (p: Named, text: string): string => (p.name ? `"${shortName(p.name)}": ${text}` : text);

const MB = 1024 * 1024;
// Limits are round numbers: 10 MB, 1,5 MB, 40 megapixel; three digits say any of them.
const decimalEl = new Intl.NumberFormat('el-GR', { maximumSignificantDigits: 3 });
const decimalEn = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });

type Allowed = Named & { readonly allowed: readonly UploadFormat[] };
type SizeLimit = Named & { readonly maxBytes: number };
type PixelLimit = Named & { readonly maxPixels: number };

const words = (p: Allowed): string => p.allowed.map((f) => FORMAT_WORDS[f]).join(', ');

export const uploadErrors = refusals({
  OD_UPLOAD_EMPTY: {
    status: 400,
    column: null,
    el: (p: Named) => namedEl(p, 'Το αρχείο είναι κενό'),
    en: (p: Named) => namedEn(p, 'The file is empty'),
  },
  OD_UPLOAD_TOO_LARGE: {
    status: 413,
    column: null,
    el: (p: SizeLimit) => namedEl(p, `Το αρχείο ξεπερνά το όριο των ${decimalEl.format(p.maxBytes / MB)} MB`),
    en: (p: SizeLimit) => namedEn(p, `The file is larger than the limit of ${decimalEn.format(p.maxBytes / MB)} MB`),
  },
  OD_UPLOAD_TYPE: {
    status: 400,
    column: null,
    el: (p: Allowed) => namedEl(p, `${p.allowed.length === 1 ? 'Επιτρέπεται' : 'Επιτρέπονται'} μόνο ${words(p)}`),
    en: (p: Allowed) => namedEn(p, `Only ${words(p)} ${p.allowed.length === 1 ? 'is' : 'are'} accepted`),
  },
  OD_UPLOAD_TOO_MANY_PIXELS: {
    status: 413,
    column: null,
    el: (p: PixelLimit) => namedEl(p, `Η εικόνα ξεπερνά τα ${decimalEl.format(p.maxPixels / 1e6)} megapixel· στείλτε μικρότερη`),
    en: (p: PixelLimit) => namedEn(p, `The image is larger than ${decimalEn.format(p.maxPixels / 1e6)} megapixels; send a smaller one`),
  },
  OD_UPLOAD_UNREADABLE: {
    status: 400,
    column: null,
    el: (p: Named) => namedEl(p, 'Η εικόνα δεν διαβάζεται· μπορεί να είναι κατεστραμμένη'),
    en: (p: Named) => namedEn(p, 'The image cannot be read; it may be damaged'),
  },
  OD_UPLOAD_TRUNCATED: {
    status: 400,
    column: null,
    el: (p: Named) => namedEl(p, 'Το PDF είναι ελλιπές (κόπηκε στη μεταφορά ή στην αποθήκευση)· στείλτε το ξανά'),
    en: (p: Named) => namedEn(p, 'The PDF is incomplete (cut off in transfer or when saved); send it again'),
  },
});

export type UploadErrorCode = keyof typeof uploadErrors;

export type UploadError = DomainError & { readonly code: UploadErrorCode };

export const isUploadError = (e: unknown): e is UploadError => isDomainError(e) && Object.hasOwn(uploadErrors, e.code);
