// The table of access tokens (κλειδιά πρόσβασης). It holds each token's SHA-256, never the token itself:
// a copy of the database does not let anyone import. Roles are checked by the code that creates tokens, so
// a later role needs no migration.
import type { Migration } from '../../../eventstore/sql/migrate.ts';
import { table } from '../../../projections/shared/tables.ts';

export const TOKENS = 'od_tokens';

export const tokensTable = (schema: string): string => table(schema, TOKENS);

export const tokenMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'access tokens, hashed',
    sql: (q) => `CREATE TABLE ${q}.${TOKENS} (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL,
        hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz)`,
  },
];
