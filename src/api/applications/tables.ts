// The applications context's own tables (not read models: nothing rebuilds them from the log): the files
// applicants upload and the signed PDFs issued. Bytes are personal data, so they live here, with their
// subject, and go when the subject is erased; the events keep only their digests.
import type { Migration } from '../../eventstore/sql/migrate.ts';

export const APPLICATION_FILES = 'od_application_files';
export const ISSUED_FILES = 'od_issued_files';

export const applicationsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'Uploaded attachments and issued documents',
    sql: (q) => `CREATE TABLE ${q}.${APPLICATION_FILES} (
        file_id text PRIMARY KEY,
        subject_id text NOT NULL,
        kind text NOT NULL,
        format text NOT NULL,
        media_type text NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${q}.${APPLICATION_FILES} (subject_id);
      CREATE TABLE ${q}.${ISSUED_FILES} (
        document_id text PRIMARY KEY,
        application_id text NOT NULL UNIQUE,
        subject_id text NOT NULL,
        pdf bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${q}.${ISSUED_FILES} (subject_id)`,
  },
];
