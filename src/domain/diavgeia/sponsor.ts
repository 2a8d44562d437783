// Who a decision pays. Diavgeia publishes a natural person's ΑΦΜ and name («ΣΤΕΙΡΟΣ,,ΤΡΥΦΩΝ,ΑΝΤΩΝΙΟΣ»), but our
// public read models never show a natural person (DESIGN.md): such a sponsor is kept as «φυσικό πρόσωπο» alone.
// Diavgeia does not say which kind a sponsor is, so the rule fails closed: a legal entity only when it is one
// beyond doubt (an ΑΦΜ of the 8 and 9 series given to legal entities, or a legal form in its name), else a person.
import type { Sponsor } from './events.ts';
import { isValidAfm } from '../shared/codes/afm.ts';

// Surname, blank, first name, father's name: how TaxisNet's register, and so Diavgeia, writes a person.
const PERSON_NAME = /^[^,]+,[^,]*,[^,]+(,[^,]*)?$/;
// Legal forms and public bodies, as words of the name (accents and dots dropped first); public bodies with an
// ΑΦΜ outside the 8 and 9 series too (school committees, associations of municipalities, port funds).
const LEGAL_FORM = /(^|[\s-])(ΑΕ|ΕΠΕ|ΙΚΕ|ΟΕ|ΕΕ|ΑΤΕ|ΑΒΕΕ|ΑΕΒΕ|ΜΙΚΕ|ΚΟΙΝΣΕΠ|ΑΝΩΝΥΜΗ|ΑΝΩΝΥΜΟΣ|ΕΤΑΙΡΕΙΑ|ΕΤΑΙΡΙΑ|ΜΟΝΟΠΡΟΣΩΠΗ|ΚΟΙΝΟΠΡΑΞΙΑ|ΣΥΝΕΤΑΙΡΙΣΜΟΣ|ΣΩΜΑΤΕΙΟ|ΣΥΛΛΟΓΟΣ|ΙΔΡΥΜΑ|ΔΗΜΟΣ|ΔΗΜΟΥ|ΣΥΝΔΕΣΜΟΣ|ΤΑΜΕΙΟ|ΕΠΙΤΡΟΠΗ|ΚΟΙΝΟΤΗΤΑ|ΔΗΜΟΤΙΚΗ|ΔΗΜΟΤΙΚΟ|ΠΕΡΙΦΕΡΕΙΑ|ΥΠΟΥΡΓΕΙΟ|ΤΡΑΠΕΖΑ|ΟΡΓΑΝΙΣΜΟΣ|ΑΡΧΗ|ΝΠΔΔ|ΝΠΙΔ|SA|LTD|LLC|GMBH|INC|PLC|SPA|SRL|BV)($|[\s-])/;

const plain = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/\./g, '');

export const isLegalEntity = (afm: string, name: string): boolean => {
  const tidy = plain(name.trim());
  if (PERSON_NAME.test(tidy)) return false;
  if (/^[89]/.test(afm)) return true;
  return LEGAL_FORM.test(tidy);
};

/** A sponsor as the public may see it: a legal entity by ΑΦΜ and name, anyone else «φυσικό πρόσωπο». */
export const publicSponsor = (afm: string | null, name: string | null, amount: string | null): Sponsor => {
  const a = (afm ?? '').trim();
  const n = (name ?? '').trim().replace(/\s+/g, ' ');
  if (isValidAfm(a) && n !== '' && isLegalEntity(a, n)) return { naturalPerson: false, afm: a, name: n, amount };
  return { naturalPerson: true, afm: null, name: null, amount };
};
