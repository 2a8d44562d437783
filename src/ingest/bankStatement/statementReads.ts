// What a chunk of a statement's credits is decided against, read at once: the selections their RFs name
// (one query), the debts named (one read of many streams), which credits an earlier import recorded (one
// query) and the budget's revenue lines of their ΚΑΕ (one query, kept for the whole file). Measured on the
// bench: about four statements a credit held the import to 500 credits/s. A debt this import already paid
// is kept as it is after that payment and never read again: the import's own appends are not committed
// yet, so the store would answer what it was before.
import type { Collecting, Loaded, PaidDebt } from '../../api/debts/index.ts';
import { collectionYearOf, loadDebts, revenueLineKey, revenueLinesOf, RF_SELECTIONS } from '../../api/debts/index.ts';
import { bankCreditStream, readDebtsRf, streams } from '../../domain/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { DatedEntry, Named, StatementKnown } from './matchCredit.ts';
import { namedBy } from './matchCredit.ts';

export interface StatementReads {
  /** Reads what these credits need; what they pay is told back through `paid`. */
  readonly chunk: (credits: readonly DatedEntry[]) => Promise<StatementKnown>;
  /** The debts a decided credit paid, as they are now. */
  readonly paid: (debts: readonly PaidDebt[]) => void;
}

const selectionsOf = async (services: Collecting, rfs: readonly string[]): Promise<Map<string, Named[]>> => {
  if (rfs.length === 0) return new Map();
  const rows = await services.client.query<{ rf: string; debts: Named[] | string }>(`SELECT rf, debts FROM ${table(services.schema, RF_SELECTIONS)} WHERE rf = ANY($1)`, [
    [...new Set(rfs)],
  ]);
  return new Map(rows.map((r) => [r.rf, typeof r.debts === 'string' ? (JSON.parse(r.debts) as Named[]) : r.debts]));
};

export const statementReads = (services: Collecting, rfCode: string): StatementReads => {
  const paidHere = new Map<string, Loaded>();
  const lines = new Map<string, boolean>();
  return {
    paid: (debts) => {
      for (const d of debts) paidHere.set(d.stream, d.after);
    },
    async chunk(credits) {
      const read = new Map(credits.flatMap(({ entry }) => (entry.rf === null ? [] : [[entry.rf, readDebtsRf(rfCode, entry.rf)] as const])));
      const selections = await selectionsOf(
        services,
        [...read.values()].flatMap((r) => (r.kind === 'selection' ? [r.rf] : [])),
      );
      const named = (rf: string): readonly Named[] | 'foreign' => {
        const r = read.get(rf) ?? readDebtsRf(rfCode, rf);
        if (r.kind === 'other') return 'foreign';
        if (r.kind === 'debt') return [{ year: Number(r.assessment.slice(0, 4)), assessment: r.assessment.slice(5) }];
        return selections.get(r.rf) ?? [];
      };
      const wanted = credits.flatMap(({ entry }) => {
        const debts = namedBy({ named }, entry);
        return debts === 'foreign' ? [] : debts.filter((d) => !paidHere.has(streams.debt(d.year, d.assessment)));
      });
      const [loaded, recorded] = await Promise.all([
        loadDebts(services, wanted),
        services.store.existingStreams(credits.map(({ key }) => bankCreditStream(key))),
      ]);
      const debt = (stream: string): Loaded | undefined => paidHere.get(stream) ?? loaded.get(stream);
      const unknownLines = new Set<string>();
      const asked: { year: number; kae: string }[] = [];
      for (const { entry, at } of credits) {
        const debts = namedBy({ named }, entry);
        if (debts === 'foreign') continue;
        const year = collectionYearOf(new Date(at));
        for (const d of debts) {
          const state = debt(streams.debt(d.year, d.assessment))?.state;
          const key = state === undefined ? null : revenueLineKey(year, state.kae);
          if (state === undefined || key === null || lines.has(key) || unknownLines.has(key)) continue;
          unknownLines.add(key);
          asked.push({ year, kae: state.kae });
        }
      }
      const found = await revenueLinesOf(services, asked);
      for (const key of unknownLines) lines.set(key, found.has(key));
      return {
        named,
        debt,
        revenueLine: (year, kae) => lines.get(revenueLineKey(year, kae)) ?? false,
        creditRecorded: (stream) => recorded.has(stream),
      };
    },
  };
};
