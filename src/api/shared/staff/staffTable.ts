// The staff accounts' tables (λογαριασμοί προσωπικού). The account table is the credential store: the
// argon2id hash of the password, the SHA-256 of the one-time password link's token, the count of failed
// logins in a row and the lockout; none of these ever reaches an event. The audit table is what the admin's
// audit page reads: one row per staff event (and per look-up of someone's personal data), newest first.
import type { Migration } from '../../../eventstore/sql/migrate.ts';
import { table } from '../../../projections/shared/tables.ts';

export const STAFF = 'od_staff';
export const STAFF_AUDIT = 'od_staff_audit';

export const staffTables = (schema: string) => ({ staff: table(schema, STAFF), audit: table(schema, STAFF_AUDIT) });

export const staffMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'staff accounts and their audit trail',
    sql: (q) => `CREATE TABLE ${q}.${STAFF} (
        staff_id text PRIMARY KEY,
        email text NOT NULL,
        email_key text NOT NULL UNIQUE,
        name text NOT NULL,
        roles jsonb NOT NULL,
        password_hash text,
        disabled_at timestamptz,
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        password_token_hash text UNIQUE CHECK (password_token_hash ~ '^[0-9a-f]{64}$'),
        password_token_expires_at timestamptz,
        created_at timestamptz NOT NULL);
      CREATE TABLE ${q}.${STAFF_AUDIT} (
        entry bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id text UNIQUE,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        staff_id text,
        subject text,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb);
      CREATE INDEX ON ${q}.${STAFF_AUDIT} (at DESC, entry DESC)`,
  },
];
