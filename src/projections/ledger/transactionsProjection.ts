// Read model: every imported row as a public transaction (συναλλαγή), newest first by position.
import type { Projection, Tables } from '../shared/projection.ts';
import { isFiscalYearEvent, toTransactionRow, transactionSearchText } from './transactionRows.ts';

export const TRANSACTIONS = 'od_transactions';

export const transactionsProjection: Projection = {
  name: 'transactions',
  version: 1,
  tables: [TRANSACTIONS],
  create: (t: Tables) => `
CREATE TABLE ${t[TRANSACTIONS]} (
  position bigint PRIMARY KEY,
  id uuid NOT NULL,
  year int NOT NULL,
  date date NOT NULL,
  type text NOT NULL,
  kae text NOT NULL,
  line text NOT NULL,
  side text NOT NULL,
  amount numeric(16,2) NOT NULL,
  document text NOT NULL,
  ref text,
  counterparty_afm text,
  counterparty_name text,
  natural_person boolean,
  ada text,
  description text,
  search tsvector NOT NULL
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[TRANSACTIONS]} (year, position);
CREATE INDEX ON ${t[TRANSACTIONS]} (year, type, position);
CREATE INDEX ON ${t[TRANSACTIONS]} (line, position);
CREATE INDEX ON ${t[TRANSACTIONS]} (counterparty_afm, position) WHERE counterparty_afm IS NOT NULL;
CREATE INDEX ON ${t[TRANSACTIONS]} (date, position);
CREATE INDEX ON ${t[TRANSACTIONS]} USING gin (search);`,
  async apply(tx, t, events) {
    const rows = events.filter(isFiscalYearEvent).map(toTransactionRow);
    if (rows.length === 0) return;
    const column = <T>(pick: (row: (typeof rows)[number]) => T): T[] => rows.map(pick);
    await tx.query(
      `INSERT INTO ${t[TRANSACTIONS]} (position, id, year, date, type, kae, line, side, amount, document, ref,
                                       counterparty_afm, counterparty_name, natural_person, ada, description, search)
       SELECT r.position, r.id, r.year, r.date, r.type, r.kae, r.line, r.side, r.amount, r.document, r.ref,
              r.afm, r.name, r.natural_person, r.ada, r.description, to_tsvector('simple', r.search)
       FROM unnest($1::bigint[], $2::uuid[], $3::int[], $4::date[], $5::text[], $6::text[], $7::text[], $8::numeric[],
                   $9::text[], $10::text[], $11::text[], $12::text[], $13::boolean[], $14::text[], $15::text[], $16::text[], $17::text[])
            AS r(position, id, year, date, type, kae, side, amount, document, ref, afm, name, natural_person, ada, description, search, line)
       ON CONFLICT (position) DO NOTHING`,
      [
        column((r) => r.position),
        column((r) => r.id),
        column((r) => r.year),
        column((r) => r.date),
        column((r) => r.type),
        column((r) => r.kae),
        column((r) => r.side),
        column((r) => r.amount),
        column((r) => r.document),
        column((r) => r.ref),
        column((r) => (r.counterparty && !r.counterparty.naturalPerson ? r.counterparty.afm : null)),
        column((r) => (r.counterparty && !r.counterparty.naturalPerson ? r.counterparty.name : null)),
        column((r) => (r.counterparty ? r.counterparty.naturalPerson : null)),
        column((r) => r.ada),
        column((r) => r.description),
        column(transactionSearchText),
        column((r) => r.line),
      ],
    );
  },
};
