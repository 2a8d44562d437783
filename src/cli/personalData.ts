// What an import of personal data (a debt roll) needs of the installation: its keyring, and the subjects of
// ΑΦΜ as the identity context keeps them, one at a time or a chunk of rows at a time.
import { subjectOf, subjectsOf } from '../api/identity/index.ts';
import type { PersonalData } from '../ingest/personalData.ts';
import type { Installation } from './installation.ts';

export const personalDataOf = (installation: Pick<Installation, 'client' | 'keyring' | 'config'>): PersonalData => {
  const subjects = { client: installation.client, schema: installation.config.schema, keyring: installation.keyring };
  return { keyring: installation.keyring, subjectOf: (taxid) => subjectOf(subjects, taxid), subjectsOf: (taxids) => subjectsOf(subjects, taxids) };
};
