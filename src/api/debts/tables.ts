// The debts context's own table (not a read model: nothing rebuilds it from the log): the RF codes issued for
// a selection of debts (the statement's «pay all», a card payment's), so that a bank transfer carrying one
// can be traced back to its debts (a single debt's RF names the debt itself and needs no row); and each card
// order's payment.
import type { Migration } from '../../eventstore/sql/migrate.ts';

export const RF_SELECTIONS = 'od_rf_selections';
/** A card order's payment, written as the order is made: the provider's return may come before the read model has it. */
export const PAYMENT_ORDERS = 'od_payment_orders';

export const debtsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'RF codes issued for selections of debts; card orders and their payments',
    sql: (q) => `CREATE TABLE ${q}.${RF_SELECTIONS} (
        rf text PRIMARY KEY,
        subject_id text NOT NULL,
        debts jsonb NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${q}.${RF_SELECTIONS} (subject_id);
      CREATE TABLE ${q}.${PAYMENT_ORDERS} (
        order_code text PRIMARY KEY,
        payment_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now())`,
  },
];
