// The e-invoices context's own tables (not read models: nothing rebuilds them from the log): the XML of each
// invoice as uploaded, and the files attached to the threads' messages. They belong to the company's subject
// and go with it; the events keep only their digests and references.
import type { Migration } from '../../eventstore/sql/migrate.ts';

export const EINVOICE_FILES = 'od_einvoice_files';
export const SUPPLIER_THREAD_FILES = 'od_supplier_thread_files';

export const einvoicesMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'Uploaded e-invoices and the files of suppliers’ threads',
    sql: (q) => `CREATE TABLE ${q}.${EINVOICE_FILES} (
        invoice_id text PRIMARY KEY,
        subject_id text NOT NULL,
        sha256 text NOT NULL,
        xml bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${q}.${EINVOICE_FILES} (subject_id);
      CREATE TABLE ${q}.${SUPPLIER_THREAD_FILES} (
        file_id text PRIMARY KEY,
        subject_id text NOT NULL,
        thread_id text NOT NULL,
        format text NOT NULL,
        media_type text NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${q}.${SUPPLIER_THREAD_FILES} (thread_id)`,
  },
];
