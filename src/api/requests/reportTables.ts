// The tables of «Αναφορά προβλήματος» on the site (not read models: nothing rebuilds them from the log).
// od_pending_reports: a report written but not yet recorded, its content sealed under its own subject — a
// draft waiting for the citizen's «no, it is another» after the nearby requests were shown, or a report of a
// citizen without an account waiting for the e-mail link to be opened (the token's SHA-256 only). Nothing of
// it is public, and an expired row goes with its key. od_request_photos: a report's photos, re-encoded (no
// metadata), shown only once their request is recorded.
import type { Migration } from '../../eventstore/sql/migrate.ts';

export const PENDING_REPORTS = 'od_pending_reports';
export const REQUEST_PHOTOS = 'od_request_photos';

export const requestReportMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'Reports waiting for their nearby choice or their e-mail link; reports photos',
    sql: (q) => `CREATE TABLE ${q}.${PENDING_REPORTS} (
        request_id text PRIMARY KEY,
        subject_id text NOT NULL,
        account boolean NOT NULL,
        stage text NOT NULL CHECK (stage IN ('draft', 'pending')),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        sealed text NOT NULL,
        email_hash text,
        client_hash text NOT NULL,
        fingerprint text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL);
      CREATE INDEX ON ${q}.${PENDING_REPORTS} (email_hash, created_at) WHERE stage = 'pending';
      CREATE INDEX ON ${q}.${PENDING_REPORTS} (client_hash, created_at) WHERE NOT account;
      CREATE INDEX ON ${q}.${PENDING_REPORTS} (fingerprint, created_at) WHERE stage = 'pending';
      CREATE INDEX ON ${q}.${PENDING_REPORTS} (expires_at);
      CREATE TABLE ${q}.${REQUEST_PHOTOS} (
        request_id text NOT NULL,
        n int NOT NULL CHECK (n BETWEEN 1 AND 3),
        bytes bytea NOT NULL,
        sha256 text NOT NULL,
        width int NOT NULL,
        height int NOT NULL,
        recorded_at timestamptz,
        PRIMARY KEY (request_id, n))`,
  },
];
