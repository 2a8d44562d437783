// What an import of personal data (a debt roll) needs from the installation: the keyring that seals the
// debtor's fields with their own key, and the subject an ΑΦΜ is (the same one TaxisNet login finds), so the
// citizen who logs in sees the debts of their ΑΦΜ. The composition root gives it; without it such a kind
// refuses the file.
import type { Keyring } from '../eventstore/keyring.ts';

export interface PersonalData {
  readonly keyring: Keyring;
  /** The subject of an ΑΦΜ, made when the ΑΦΜ is new (as at a first login). */
  subjectOf(taxid: string): Promise<string>;
  /** The subjects of many ΑΦΜ at once, made where new: an import asks a chunk of rows at a time. */
  subjectsOf?(taxids: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
