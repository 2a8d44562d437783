// What every context's views share. A view is a public shape of a read model — what GraphQL, the live
// feed, the exports and the site show. Money is a decimal string with two decimals; a natural person is
// «φυσικό πρόσωπο», nothing more.

export const NATURAL_PERSON_LABEL = 'φυσικό πρόσωπο';

export interface CounterpartyView {
  readonly afm: string | null;
  readonly name: string;
  readonly naturalPerson: boolean;
}

export interface Page<T> {
  readonly nodes: readonly T[];
  readonly cursors: readonly string[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}

export const counterpartyView = (afm: string | null, name: string | null, naturalPerson: boolean | null): CounterpartyView | null => {
  if (naturalPerson === null) return null;
  return naturalPerson ? { afm: null, name: NATURAL_PERSON_LABEL, naturalPerson: true } : { afm, name: name ?? '', naturalPerson: false };
};
