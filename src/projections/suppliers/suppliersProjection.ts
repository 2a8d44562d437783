// Read models: suppliers (προμηθευτές) — legal entities only — with what was committed to, ordered for and
// paid to each, per fiscal year. Natural persons never appear: their events carry no name or ΑΦΜ.
import type { Counterparty, FiscalYearEvent, SupplierEvent } from '../../domain/index.ts';
import { centsOf, formatCents } from '../../domain/index.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';
import { searchDocument } from '../shared/searchText.ts';
import { isFiscalYearEvent } from '../ledger/index.ts';

export const SUPPLIERS = 'od_suppliers';
export const SUPPLIER_YEARS = 'od_supplier_years';
/** Which supplier each expense document was for, so that a reversal can be charged back to it. */
export const SUPPLIER_DOCUMENTS = 'od_supplier_documents';

type Stage = 'committed' | 'ordered' | 'paid';
const STAGE_OF: Readonly<Record<string, Stage>> = { ExpenseCommitted: 'committed', PaymentOrdered: 'ordered', PaymentMade: 'paid' };
const DOCUMENT_TYPE_OF: Readonly<Record<Stage, string>> = { committed: 'commitment', ordered: 'order', paid: 'payment' };
const STAGE_OF_DOCUMENT: Readonly<Record<string, Stage>> = { commitment: 'committed', order: 'ordered', payment: 'paid' };

/** Integer cents, exact, as in the budget read model. */
interface YearDelta {
  readonly afm: string;
  readonly year: number;
  committed: bigint;
  ordered: bigint;
  paid: bigint;
  movements: number;
}

const legalEntity = (counterparty: Counterparty | null): { afm: string; name: string } | null =>
  counterparty && !counterparty.naturalPerson ? { afm: counterparty.afm, name: counterparty.name } : null;

export const suppliersProjection: Projection = {
  name: 'suppliers',
  version: 1,
  tables: [SUPPLIERS, SUPPLIER_YEARS, SUPPLIER_DOCUMENTS],
  create: (t: Tables) => `
CREATE TABLE ${t[SUPPLIERS]} (
  afm text PRIMARY KEY,
  name text NOT NULL,
  first_date date,
  search tsvector NOT NULL
);
CREATE TABLE ${t[SUPPLIER_YEARS]} (
  afm text NOT NULL,
  year int NOT NULL,
  committed numeric(16,2) NOT NULL DEFAULT 0,
  ordered numeric(16,2) NOT NULL DEFAULT 0,
  paid numeric(16,2) NOT NULL DEFAULT 0,
  movements int NOT NULL DEFAULT 0,
  PRIMARY KEY (afm, year)
);
CREATE TABLE ${t[SUPPLIER_DOCUMENTS]} (
  year int NOT NULL,
  type text NOT NULL,
  document text NOT NULL,
  afm text NOT NULL,
  PRIMARY KEY (year, type, document)
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[SUPPLIERS]} USING gin (search);
CREATE INDEX ON ${t[SUPPLIER_YEARS]} (year, paid DESC);`,
  async apply(tx, t, events) {
    const names = new Map<string, { name: string; date: string; renamed: boolean }>();
    const documents = new Map<string, string>();
    const deltas = new Map<string, YearDelta>();
    const charge = (afm: string, year: number, stage: Stage, amount: bigint) => {
      const key = `${afm}|${year}`;
      const delta = deltas.get(key) ?? { afm, year, committed: 0n, ordered: 0n, paid: 0n, movements: 0 };
      delta[stage] += amount;
      delta.movements++;
      deltas.set(key, delta);
    };
    const reversals: { year: number; type: string; document: string; stage: Stage; amount: bigint }[] = [];

    for (const recorded of events) {
      if (recorded.type === 'SupplierRegistered' || recorded.type === 'SupplierRenamed') {
        const { afm, name, date } = (recorded as ProjectedEvent<SupplierEvent['data']>).data;
        names.set(afm, { name, date, renamed: true });
        continue;
      }
      if (!isFiscalYearEvent(recorded)) continue;
      const event = { type: recorded.type, data: recorded.data } as FiscalYearEvent;
      const stage = STAGE_OF[event.type];
      if (stage && 'counterparty' in event.data) {
        const entity = legalEntity(event.data.counterparty);
        if (!entity) continue;
        if (!names.has(entity.afm)) names.set(entity.afm, { name: entity.name, date: event.data.date, renamed: false });
        documents.set(`${event.data.year}|${DOCUMENT_TYPE_OF[stage]}|${event.data.document}`, entity.afm);
        charge(entity.afm, event.data.year, stage, centsOf(event.data.amount));
      } else if (event.type === 'DocumentReversed') {
        const reversedStage = STAGE_OF_DOCUMENT[event.data.reverses.type];
        if (reversedStage) {
          reversals.push({ year: event.data.year, type: event.data.reverses.type, document: event.data.reverses.document, stage: reversedStage, amount: centsOf(event.data.amount) });
        }
      }
    }
    if (reversals.length > 0) {
      const known = await knownDocuments(tx, t, reversals.filter((r) => !documents.has(`${r.year}|${r.type}|${r.document}`)));
      for (const r of reversals) {
        const key = `${r.year}|${r.type}|${r.document}`;
        const afm = documents.get(key) ?? known.get(key);
        if (afm) charge(afm, r.year, r.stage, -r.amount);
      }
    }
    if (names.size > 0) await upsertSuppliers(tx, t, names);
    if (documents.size > 0) await insertDocuments(tx, t, documents);
    if (deltas.size > 0) await upsertYears(tx, t, [...deltas.values()]);
  },
};

const knownDocuments = async (
  tx: SqlExecutor,
  t: Tables,
  wanted: readonly { year: number; type: string; document: string }[],
): Promise<Map<string, string>> => {
  if (wanted.length === 0) return new Map();
  const rows = await tx.query<{ year: number; type: string; document: string; afm: string }>(
    `SELECT d.year, d.type, d.document, d.afm FROM ${t[SUPPLIER_DOCUMENTS]} d
     JOIN unnest($1::int[], $2::text[], $3::text[]) AS w(year, type, document) USING (year, type, document)`,
    [wanted.map((w) => w.year), wanted.map((w) => w.type), wanted.map((w) => w.document)],
  );
  return new Map(rows.map((r) => [`${r.year}|${r.type}|${r.document}`, r.afm]));
};

// A name from a supplier event is authoritative and replaces the stored one; a name seen on a movement
// only fills in a supplier not registered yet.
const upsertSuppliers = async (tx: SqlExecutor, t: Tables, names: ReadonlyMap<string, { name: string; date: string; renamed: boolean }>) => {
  for (const authoritative of [true, false]) {
    const rows = [...names.entries()].filter(([, s]) => s.renamed === authoritative);
    if (rows.length === 0) continue;
    await tx.query(
      `INSERT INTO ${t[SUPPLIERS]} AS target (afm, name, first_date, search)
       SELECT r.afm, r.name, r.date, to_tsvector('simple', r.search)
       FROM unnest($1::text[], $2::text[], $3::date[], $4::text[]) AS r(afm, name, date, search)
       ON CONFLICT (afm) DO UPDATE SET first_date = least(target.first_date, excluded.first_date)
         ${authoritative ? ', name = excluded.name, search = excluded.search' : ''}`,
      [rows.map(([afm]) => afm), rows.map(([, s]) => s.name), rows.map(([, s]) => s.date), rows.map(([afm, s]) => searchDocument(s.name, afm))],
    );
  }
};

const insertDocuments = async (tx: SqlExecutor, t: Tables, documents: ReadonlyMap<string, string>) => {
  const keys = [...documents.keys()].map((k) => k.split('|'));
  await tx.query(
    `INSERT INTO ${t[SUPPLIER_DOCUMENTS]} (year, type, document, afm)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
    [keys.map((k) => Number(k[0])), keys.map((k) => k[1]), keys.map((k) => k.slice(2).join('|')), [...documents.values()]],
  );
};

const upsertYears = async (tx: SqlExecutor, t: Tables, rows: readonly YearDelta[]) => {
  await tx.query(
    `INSERT INTO ${t[SUPPLIER_YEARS]} AS target (afm, year, committed, ordered, paid, movements)
     SELECT * FROM unnest($1::text[], $2::int[], $3::numeric[], $4::numeric[], $5::numeric[], $6::int[])
     ON CONFLICT (afm, year) DO UPDATE SET committed = target.committed + excluded.committed,
       ordered = target.ordered + excluded.ordered, paid = target.paid + excluded.paid,
       movements = target.movements + excluded.movements`,
    [
      rows.map((r) => r.afm),
      rows.map((r) => r.year),
      rows.map((r) => formatCents(r.committed)),
      rows.map((r) => formatCents(r.ordered)),
      rows.map((r) => formatCents(r.paid)),
      rows.map((r) => r.movements),
    ],
  );
};
