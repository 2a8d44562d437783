// Queries over the debts read models. Every one takes the subject: a citizen's routes pass the session's own,
// so a debt of another subject is simply not found (404), never shown.
import { Decimal } from 'decimal.js';
import type { Debt, DebtorKind, DebtStatus, Instalment } from '../../domain/index.ts';
import { debtStatus, initialDebt, remainingOf } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import { table } from '../shared/tables.ts';
import { DEBT_HISTORY, DEBTS, PAYMENTS } from './debtsProjection.ts';

export interface DebtHistoryEntry {
  readonly at: string;
  readonly kind: string;
  readonly amount: string | null;
  readonly detail: string | null;
}

export interface DebtRecord {
  readonly year: number;
  readonly assessment: string;
  readonly debtorKind: DebtorKind;
  readonly kae: string;
  readonly reason: string;
  readonly amount: Decimal;
  readonly surcharges: Decimal;
  readonly reduced: Decimal;
  readonly writtenOff: Decimal;
  readonly paid: Decimal;
  readonly remaining: Decimal;
  readonly assessedOn: string;
  readonly dueOn: string;
  readonly plan: readonly Instalment[] | null;
  readonly settlementAda: string | null;
  readonly status: DebtStatus;
}

interface Row {
  year: number;
  assessment: string;
  debtor_kind: DebtorKind;
  kae: string;
  reason: string;
  amount: string;
  surcharges: string;
  reduced: string;
  written_off: string;
  paid: string;
  assessed_on: string | Date;
  due_on: string | Date;
  plan: readonly Instalment[] | string | null;
  settlement_ada: string | null;
}

const isoDate = (value: string | Date): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

const recordOf = (r: Row, today: string): DebtRecord => {
  const plan = typeof r.plan === 'string' ? (JSON.parse(r.plan) as Instalment[]) : r.plan;
  const state: Debt = {
    ...initialDebt(),
    status: 'assessed',
    year: Number(r.year),
    assessment: r.assessment,
    kae: r.kae,
    amount: new Decimal(r.amount),
    surcharges: new Decimal(r.surcharges),
    reduced: new Decimal(r.reduced),
    writtenOff: new Decimal(r.written_off),
    paid: new Decimal(r.paid),
    dueOn: isoDate(r.due_on),
    assessedOn: isoDate(r.assessed_on),
    plan,
    settlement: r.settlement_ada === null ? null : { ada: r.settlement_ada, contentHash: '' },
  };
  return {
    year: state.year,
    assessment: state.assessment,
    debtorKind: r.debtor_kind,
    kae: state.kae,
    reason: r.reason,
    amount: state.amount,
    surcharges: state.surcharges,
    reduced: state.reduced,
    writtenOff: state.writtenOff,
    paid: state.paid,
    remaining: remainingOf(state),
    assessedOn: state.assessedOn,
    dueOn: state.dueOn,
    plan,
    settlementAda: r.settlement_ada,
    status: debtStatus(state, today),
  };
};

const COLUMNS = 'year, assessment, debtor_kind, kae, reason, amount, surcharges, reduced, written_off, paid, assessed_on, due_on, plan, settlement_ada';

/** Every debt of a subject, newest year first, then by assessment number. */
export const debtsOf = async (db: SqlExecutor, schema: string, subjectId: string, today: string): Promise<DebtRecord[]> => {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM ${table(schema, DEBTS)} WHERE subject_id = $1 ORDER BY year DESC, assessment`, [subjectId]);
  return rows.map((r) => recordOf(r, today));
};

/** One debt of the subject; null when there is none — or it is someone else's. */
export const debtOf = async (db: SqlExecutor, schema: string, subjectId: string, year: number, assessment: string, today: string): Promise<DebtRecord | null> => {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM ${table(schema, DEBTS)} WHERE subject_id = $1 AND year = $2 AND assessment = $3`, [subjectId, year, assessment]);
  return row ? recordOf(row, today) : null;
};

/** The history of the subject's debts, keyed `year/assessment`, oldest first. */
export const historiesOf = async (db: SqlExecutor, schema: string, subjectId: string): Promise<Map<string, DebtHistoryEntry[]>> => {
  const rows = await db.query<{ year: number; assessment: string; at: string; kind: string; amount: string | null; detail: string | null }>(
    `SELECT h.year, h.assessment, h.at, h.kind, h.amount, h.detail FROM ${table(schema, DEBT_HISTORY)} h
       JOIN ${table(schema, DEBTS)} d ON d.year = h.year AND d.assessment = h.assessment
      WHERE d.subject_id = $1 ORDER BY h.position`,
    [subjectId],
  );
  const histories = new Map<string, DebtHistoryEntry[]>();
  for (const r of rows) {
    const key = `${r.year}/${r.assessment}`;
    const list = histories.get(key) ?? [];
    list.push({ at: r.at, kind: r.kind, amount: r.amount === null ? null : new Decimal(r.amount).toFixed(2), detail: r.detail });
    histories.set(key, list);
  }
  return histories;
};

export interface PaymentRecord {
  readonly paymentId: string;
  readonly subjectId: string;
  readonly status: 'started' | 'confirmed' | 'failed' | 'expired';
  readonly total: Decimal;
  readonly rf: string;
  readonly orderCode: string;
  readonly expiresAt: string;
}

/** A payment of the subject (null for another's), or by its order code for the provider's notices. */
export const paymentOf = async (db: SqlExecutor, schema: string, by: { readonly subjectId: string; readonly paymentId: string } | { readonly orderCode: string }): Promise<PaymentRecord | null> => {
  const [where, params] = 'orderCode' in by ? ['order_code = $1', [by.orderCode]] : ['payment_id = $1 AND subject_id = $2', [by.paymentId, by.subjectId]];
  const [r] = await db.query<{ payment_id: string; subject_id: string; status: PaymentRecord['status']; total: string; rf: string; order_code: string; expires_at: string | Date }>(
    `SELECT payment_id, subject_id, status, total, rf, order_code, expires_at FROM ${table(schema, PAYMENTS)} WHERE ${where}`,
    params,
  );
  if (!r) return null;
  const expiresAt = r.expires_at instanceof Date ? r.expires_at.toISOString() : new Date(r.expires_at).toISOString();
  return { paymentId: r.payment_id, subjectId: r.subject_id, status: r.status, total: new Decimal(r.total), rf: r.rf, orderCode: r.order_code, expiresAt };
};

/** Payments still open after their order expired: to be asked of the provider once more, then abandoned. */
export const expiredPayments = async (db: SqlExecutor, schema: string, now: Date): Promise<string[]> => {
  const rows = await db.query<{ payment_id: string }>(`SELECT payment_id FROM ${table(schema, PAYMENTS)} WHERE status = 'started' AND expires_at < $1 LIMIT 100`, [now.toISOString()]);
  return rows.map((r) => r.payment_id);
};

/** What the subject owes in total, for the erasure check: a debt not settled keeps the account. */
export const outstandingOf = async (db: SqlExecutor, schema: string, subjectId: string): Promise<number> => {
  const [row] = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM ${table(schema, DEBTS)} WHERE subject_id = $1 AND amount + surcharges - reduced - written_off - paid > 0`,
    [subjectId],
  );
  return Number(row?.n ?? 0);
};
