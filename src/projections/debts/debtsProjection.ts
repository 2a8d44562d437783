// Read models of the debts context (personal): each debt with what was paid and what remains, its history,
// and the online payments. The reason is opened here with the debtor's key, inside the runner's transaction;
// a debt whose key is gone (an erased subject) leaves nothing, so a rebuild brings nobody back. Only the
// debtor (their own session) and revenue staff read these tables.
import { Decimal } from 'decimal.js';
import type { CitizenErased, DebtAssessed, DebtDetails, DebtEvent, PaymentEvent } from '../../domain/index.ts';
import { planOf } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const DEBTS = 'od_debts';
export const DEBT_HISTORY = 'od_debt_history';
export const PAYMENTS = 'od_payments';
export const DEBTS_PROJECTION = 'debts';

type Handled = DebtEvent | PaymentEvent | CitizenErased;

/** The instalments a roll grants from the start, as the domain lays them out. */
const rollPlan = (d: DebtAssessed['data']): string | null =>
  d.instalments !== null && d.instalments > 1 ? JSON.stringify(planOf(new Decimal(d.amount).plus(d.surcharges), d.instalments, d.dueOn)) : null;

const KEY = 'WHERE year = $1 AND assessment = $2';

const history = (tx: SqlExecutor, t: Tables, e: { year: number; assessment: string }, position: number, at: string, kind: string, amount: string | null, detail: string | null) =>
  tx.query(
    `INSERT INTO ${t[DEBT_HISTORY]} (year, assessment, position, at, kind, amount, detail) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [e.year, e.assessment, position, at, kind, amount, detail],
  );

export const debtsProjection = (keyring: Keyring): Projection => ({
  name: DEBTS_PROJECTION,
  version: 1,
  tables: [DEBTS, DEBT_HISTORY, PAYMENTS],
  create: (t: Tables) => `
CREATE TABLE ${t[DEBTS]} (
  year int NOT NULL,
  assessment text NOT NULL,
  subject_id text NOT NULL,
  debtor_kind text NOT NULL,
  kae text NOT NULL,
  reason text NOT NULL,
  amount numeric(14,2) NOT NULL,
  surcharges numeric(14,2) NOT NULL,
  reduced numeric(14,2) NOT NULL DEFAULT 0,
  written_off numeric(14,2) NOT NULL DEFAULT 0,
  paid numeric(14,2) NOT NULL DEFAULT 0,
  assessed_on date NOT NULL,
  due_on date NOT NULL,
  plan jsonb,
  settlement_ada text,
  PRIMARY KEY (year, assessment)
);
CREATE TABLE ${t[DEBT_HISTORY]} (
  year int NOT NULL,
  assessment text NOT NULL,
  position bigint NOT NULL,
  at text NOT NULL,
  kind text NOT NULL,
  amount numeric(14,2),
  detail text,
  PRIMARY KEY (year, assessment, position)
);
CREATE TABLE ${t[PAYMENTS]} (
  payment_id text PRIMARY KEY,
  subject_id text NOT NULL,
  status text NOT NULL,
  items jsonb NOT NULL,
  total numeric(14,2) NOT NULL,
  rf text NOT NULL,
  provider text NOT NULL,
  order_code text NOT NULL,
  started_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  transaction_id text
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[DEBTS]} (subject_id);
CREATE INDEX ON ${t[PAYMENTS]} (subject_id);
CREATE INDEX ON ${t[PAYMENTS]} (order_code);
CREATE INDEX ON ${t[PAYMENTS]} (status, expires_at);`,
  async apply(tx, t, events) {
    const debts = t[DEBTS]!;
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as Handled;
      const position = Number(recorded.position);
      switch (event.type) {
        case 'DebtAssessed': {
          const d = event.data;
          const details = await keyring.open<DebtDetails>(d.subjectId, d.sealed, tx);
          if (!details) continue;
          await tx.query(
            `INSERT INTO ${debts} (year, assessment, subject_id, debtor_kind, kae, reason, amount, surcharges, assessed_on, due_on, plan)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
            [d.year, d.assessment, d.subjectId, d.debtorKind, d.kae, details.reason, d.amount, d.surcharges, d.assessedOn, d.dueOn, rollPlan(d)],
          );
          await history(tx, t, d, position, d.assessedOn, 'assessed', d.amount, null);
          break;
        }
        case 'DebtAdjusted': {
          const d = event.data;
          const column = d.adjustment === 'write-off' ? 'written_off' : 'reduced';
          const [row] = await tx.query<{ subject_id: string }>(`UPDATE ${debts} SET ${column} = ${column} + $3 ${KEY} RETURNING subject_id`, [d.year, d.assessment, d.amount]);
          if (row) await history(tx, t, d, position, d.decidedOn, d.adjustment, d.amount, d.ada);
          break;
        }
        case 'DebtSettled': {
          const d = event.data;
          const [row] = await tx.query<{ subject_id: string }>(`UPDATE ${debts} SET plan = $3, settlement_ada = $4 ${KEY} RETURNING subject_id`, [
            d.year,
            d.assessment,
            JSON.stringify(d.plan),
            d.ada,
          ]);
          if (row) await history(tx, t, d, position, d.agreedOn, 'settled', null, d.ada);
          break;
        }
        case 'DebtPaid': {
          const d = event.data;
          const [row] = await tx.query<{ subject_id: string }>(`UPDATE ${debts} SET paid = paid + $3 ${KEY} RETURNING subject_id`, [d.year, d.assessment, d.amount]);
          if (row) await history(tx, t, d, position, d.paidAt, `paid:${d.channel}`, d.amount, d.receipt);
          break;
        }
        case 'PaymentStarted': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${t[PAYMENTS]} (payment_id, subject_id, status, items, total, rf, provider, order_code, started_at, expires_at)
             VALUES ($1, $2, 'started', $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
            [d.paymentId, d.subjectId, JSON.stringify(d.items), d.total, d.rf, d.provider, d.orderCode, d.startedAt, d.expiresAt],
          );
          break;
        }
        case 'PaymentConfirmed':
          await tx.query(`UPDATE ${t[PAYMENTS]} SET status = 'confirmed', confirmed_at = $2, transaction_id = $3 WHERE payment_id = $1`, [
            event.data.paymentId,
            event.data.confirmedAt,
            event.data.transactionId,
          ]);
          break;
        case 'PaymentAbandoned':
          await tx.query(`UPDATE ${t[PAYMENTS]} SET status = $2 WHERE payment_id = $1 AND status = 'started'`, [event.data.paymentId, event.data.reason]);
          break;
        case 'CitizenErased': {
          const subject = event.data.subjectId;
          await tx.query(`DELETE FROM ${t[DEBT_HISTORY]} h USING ${debts} d WHERE d.subject_id = $1 AND h.year = d.year AND h.assessment = d.assessment`, [subject]);
          await tx.query(`DELETE FROM ${debts} WHERE subject_id = $1`, [subject]);
          await tx.query(`DELETE FROM ${t[PAYMENTS]} WHERE subject_id = $1`, [subject]);
          break;
        }
        default:
          break;
      }
    }
  },
});
