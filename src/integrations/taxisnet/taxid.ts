// ΑΦΜ (Αριθμός Φορολογικού Μητρώου) as TaxisNet gives it in `taxid`: the domain's one check-digit rule.
import { isValidAfm } from '../../domain/index.ts';

/** 9 digits whose last is the check digit of the first 8 (and not all zeros). */
export const isValidTaxid = (taxid: string): boolean => isValidAfm(taxid);
