// The debt statement (κατάσταση οφειλών) of the session's subject: every debt with what was paid, what
// remains and its RF code, and the total that remains. Read from the debts read model, always by the
// session's own subject.
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { rfForDebts } from '../../domain/index.ts';
import type { DebtHistoryEntry, DebtRecord } from '../../projections/debts/index.ts';
import { debtsOf, historiesOf, outstandingOf } from '../../projections/debts/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { DebtsServices } from './services.ts';
import { todayOf } from './services.ts';
import { RF_SELECTIONS } from './tables.ts';

export const sha256 = (text: string): Uint8Array => createHash('sha256').update(text, 'utf8').digest();

/** A debt's id in RF selections and forms: `2025-000123`. */
export const debtId = (debt: Pick<DebtRecord, 'year' | 'assessment'>): string => `${debt.year}-${debt.assessment}`;

export const rfOf = (services: Pick<DebtsServices, 'rfCode'>, ids: readonly string[]): string => rfForDebts(services.rfCode, ids, sha256);

export interface Selected {
  readonly year: number;
  readonly assessment: string;
}

/** Records that an RF was issued for a selection of a subject's debts, so a transfer carrying it finds them. */
export const recordSelection = async (services: Pick<DebtsServices, 'client' | 'schema'>, rf: string, subjectId: string, items: readonly Selected[]): Promise<void> => {
  await services.client.query(`INSERT INTO ${table(services.schema, RF_SELECTIONS)} (rf, subject_id, debts) VALUES ($1, $2, $3) ON CONFLICT (rf) DO NOTHING`, [
    rf,
    subjectId,
    JSON.stringify(items.map((i) => ({ year: i.year, assessment: i.assessment }))),
  ]);
};

export interface StatementDebt extends DebtRecord {
  readonly rf: string;
  readonly history: readonly DebtHistoryEntry[];
}

export interface Statement {
  readonly debts: readonly StatementDebt[];
  /** What remains to be paid, over every debt. */
  readonly total: Decimal;
  readonly overdue: Decimal;
  /** The RF paying every debt that remains, in one transfer; null when nothing remains. */
  readonly rfAll: string | null;
  readonly today: string;
}

export const statementOf = async (services: DebtsServices, subjectId: string): Promise<Statement> => {
  const today = todayOf(services);
  const [records, histories] = await Promise.all([debtsOf(services.client, services.schema, subjectId, today), historiesOf(services.client, services.schema, subjectId)]);
  const debts = records.map((d) => ({ ...d, rf: rfOf(services, [debtId(d)]), history: histories.get(`${d.year}/${d.assessment}`) ?? [] }));
  const open = debts.filter((d) => d.remaining.isPositive());
  const sum = (list: readonly StatementDebt[]): Decimal => list.reduce((s, d) => s.plus(d.remaining), new Decimal(0));
  const rfAll = open.length === 0 ? null : rfOf(services, open.map(debtId));
  // The page, its PDF and the JSON print this code for a bank transfer: issued, it must find its debts (one
  // debt's RF names the debt itself and needs no row).
  if (rfAll !== null && open.length > 1) await recordSelection(services, rfAll, subjectId, open);
  return {
    debts,
    total: sum(open),
    overdue: sum(open.filter((d) => d.status === 'overdue')),
    rfAll,
    today,
  };
};

/** The JSON of GET /api/my/debts: money as decimal strings. */
export const statementJson = (statement: Statement) => ({
  debts: statement.debts.map((d) => ({
    assessment: d.assessment,
    year: d.year,
    kae: d.kae,
    reason: d.reason,
    amount: d.amount.toFixed(2),
    surcharges: d.surcharges.toFixed(2),
    reduced: d.reduced.plus(d.writtenOff).toFixed(2),
    paid: d.paid.toFixed(2),
    remaining: d.remaining.toFixed(2),
    assessedOn: d.assessedOn,
    dueOn: d.dueOn,
    status: d.status,
    rf: d.rf,
    instalments: d.plan?.map((i) => ({ number: i.number, dueOn: i.dueOn, amount: i.amount })) ?? null,
    history: d.history,
  })),
  total: statement.total.toFixed(2),
  overdue: statement.overdue.toFixed(2),
  rfAll: statement.rfAll,
});

/** What keeps an account from erasure: debts not yet settled, which the municipality must still collect. */
export const debtsErasureObstacle =
  (services: Pick<DebtsServices, 'client' | 'schema'>) =>
  async (subjectId: string): Promise<readonly { readonly el: string; readonly en: string }[]> => {
    const open = await outstandingOf(services.client, services.schema, subjectId);
    return open === 0 ? [] : [{ el: `${open} οφειλή(ές) προς τον Δήμο που δεν έχουν εξοφληθεί`, en: `${open} debt(s) to the Municipality not yet paid` }];
  };
