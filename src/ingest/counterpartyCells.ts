// The counterparty of a row from its cells: natural_person, afm and a name column. A natural person's
// ΑΦΜ and name are dropped here and never reach an event; a legal entity is checked by the domain.
import type { Counterparty } from '../domain/index.ts';
import type { Row } from './row.ts';
import { yesNo } from './vocabulary.ts';

export const counterpartyOf = (row: Row, nameColumn: string): Counterparty | null => {
  // Exports leave natural_person blank on most rows, which are not about a natural person: blank is no.
  if (row.optional('natural_person', yesNo.read) === true) return { naturalPerson: true, afm: null, name: null };
  const afm = row.text('afm');
  const name = row.text(nameColumn);
  return afm === null && name === null ? null : { naturalPerson: false, afm: afm ?? '', name: name ?? '' };
};
