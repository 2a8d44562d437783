// The debts context's own table (not a read model: nothing rebuilds it from the log): the RF codes issued for
// a selection of debts (the statement's «pay all», a card payment's), so that a bank transfer carrying one
// can be traced back to its debts. A single debt's RF names the debt itself and needs no row.
import type { Migration } from '../../eventstore/sql/migrate.ts';

export const RF_SELECTIONS = 'od_rf_selections';

export const debtsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'RF codes issued for selections of debts',
    sql: (q) => `CREATE TABLE ${q}.${RF_SELECTIONS} (
        rf text PRIMARY KEY,
        subject_id text NOT NULL,
        debts jsonb NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${q}.${RF_SELECTIONS} (subject_id)`,
  },
];
