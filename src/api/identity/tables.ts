// The identity context's own tables (not read models: nothing rebuilds them from the log).
// - od_subjects: which subject an ΑΦΜ is, by a keyed hash of the ΑΦΜ (the ΑΦΜ itself is not kept here), so
//   that two first logins at once make one account; erasure deletes the row.
// - od_login_attempts: a TaxisNet login in progress (state → PKCE verifier, where to go after), one use,
//   ten minutes; rows in the database so that the callback may land on any web node.
import type { Migration } from '../../eventstore/sql/migrate.ts';

export const SUBJECTS = 'od_subjects';
export const LOGIN_ATTEMPTS = 'od_login_attempts';

export const identityMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'subjects by keyed hash of the ΑΦΜ, TaxisNet login attempts',
    sql: (q) => `CREATE TABLE ${q}.${SUBJECTS} (
        taxid_hash text PRIMARY KEY,
        subject_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE ${q}.${LOGIN_ATTEMPTS} (
        state_hash text PRIMARY KEY,
        code_verifier text NOT NULL,
        next text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${q}.${LOGIN_ATTEMPTS} (created_at)`,
  },
];
