// Read model: bank credits that paid no debt, or not all of it, for the revenue clerk in /office/ (personal
// only in that they are money received; no payer's name or account is in it). What is still to assign is
// the credit's amount less what the clerk assigned.
import type { BankCreditEvent } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Projection, Tables } from '../shared/projection.ts';
import { table } from '../shared/tables.ts';

export const BANK_CREDITS = 'od_bank_credits';
export const BANK_CREDITS_PROJECTION = 'bank-credits';

export const bankCreditsProjection: Projection = {
  name: BANK_CREDITS_PROJECTION,
  version: 1,
  tables: [BANK_CREDITS],
  // Amounts as decimal text, added up by the database as numeric: the same from PostgreSQL and PGlite.
  create: (t: Tables) => `
CREATE TABLE ${t[BANK_CREDITS]} (
  credit_id text PRIMARY KEY,
  reason text NOT NULL,
  amount text NOT NULL,
  currency text NOT NULL,
  booking_date text,
  rf text,
  bank_reference text,
  assigned text NOT NULL DEFAULT '0.00',
  revision int NOT NULL
);`,
  indexes: (t: Tables) => `CREATE INDEX ON ${t[BANK_CREDITS]} (booking_date);`,
  async apply(tx, t, events) {
    const credits = t[BANK_CREDITS]!;
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as BankCreditEvent;
      switch (event.type) {
        case 'BankCreditUnmatched': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${credits} (credit_id, reason, amount, currency, booking_date, rf, bank_reference, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, 0) ON CONFLICT (credit_id) DO NOTHING`,
            [d.creditId, d.reason, d.amount, d.currency, d.bookingDate, d.rf, d.bankReference],
          );
          break;
        }
        // The receipt of what the credit paid comes after its unmatched part: the stream's revision moves on.
        case 'BankCreditApplied':
          await tx.query(`UPDATE ${credits} SET revision = revision + 1 WHERE credit_id = $1`, [event.data.creditId]);
          break;
        case 'BankCreditAssigned':
          await tx.query(`UPDATE ${credits} SET assigned = to_char(assigned::numeric + $2::numeric, 'FM999999999990.00'), revision = revision + 1 WHERE credit_id = $1`, [
            event.data.creditId,
            event.data.amount,
          ]);
          break;
        default:
          break;
      }
    }
  },
};

export interface UnmatchedCredit {
  readonly creditId: string;
  readonly reason: string;
  /** Still to assign. */
  readonly amount: string;
  readonly currency: string;
  readonly bookingDate: string | null;
  readonly rf: string | null;
  readonly bankReference: string | null;
  /** Of its stream, `bank-credit-<id>`: the assignment expects it. */
  readonly revision: number;
}

interface Row {
  credit_id: string;
  reason: string;
  left: string;
  currency: string;
  booking_date: string | null;
  rf: string | null;
  bank_reference: string | null;
  revision: number;
}

const rowOf = (r: Row): UnmatchedCredit => ({
  creditId: r.credit_id,
  reason: r.reason,
  amount: r.left,
  currency: r.currency,
  bookingDate: r.booking_date,
  rf: r.rf,
  bankReference: r.bank_reference,
  revision: Number(r.revision),
});

const SELECT = `SELECT credit_id, reason, to_char(amount::numeric - assigned::numeric, 'FM999999999990.00') AS left, currency, booking_date, rf, bank_reference, revision`;

/** The credits with something left to assign, oldest first (at most `limit`). */
export const unmatchedCredits = async (client: SqlExecutor, schema: string, limit = 200): Promise<UnmatchedCredit[]> =>
  (
    await client.query<Row>(`${SELECT} FROM ${table(schema, BANK_CREDITS)} WHERE amount::numeric > assigned::numeric ORDER BY booking_date NULLS LAST, credit_id LIMIT $1`, [limit])
  ).map(rowOf);

export const unmatchedCredit = async (client: SqlExecutor, schema: string, creditId: string): Promise<UnmatchedCredit | null> => {
  const [row] = await client.query<Row>(`${SELECT} FROM ${table(schema, BANK_CREDITS)} WHERE credit_id = $1`, [creditId]);
  return row === undefined ? null : rowOf(row);
};
