// ΚΑΕΚ (Κωδικός Αριθμός Εγγραφής Κτηματολογίου): the Hellenic Cadastre's 12-digit property code.
import { sharedErrors } from '../sharedErrors.ts';

const KAEK = /^\d{12}$/;

/** Clerks write it grouped ("05 068 15 26003", "050681-526003"); we keep the 12 digits. */
const withoutSeparators = (raw: string): string => raw.replace(/[\s-]/g, '');

export const normalizeKaek = (raw: string): string => {
  const kaek = withoutSeparators(raw);
  if (!KAEK.test(kaek)) {
    throw sharedErrors.OD_KAEK_INVALID({ raw });
  }
  return kaek;
};

export const isValidKaek = (raw: string): boolean => KAEK.test(withoutSeparators(raw));
