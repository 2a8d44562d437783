// The e-invoices context's own table (not a read model: nothing rebuilds it from the log): the XML of each
// invoice as uploaded. It belongs to the company's subject; the event keeps only its digest.
import type { Migration } from '../../eventstore/sql/migrate.ts';

export const EINVOICE_FILES = 'od_einvoice_files';

export const einvoicesMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'Uploaded e-invoices',
    sql: (q) => `CREATE TABLE ${q}.${EINVOICE_FILES} (
        invoice_id text PRIMARY KEY,
        subject_id text NOT NULL,
        sha256 text NOT NULL,
        xml bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${q}.${EINVOICE_FILES} (subject_id)`,
  },
];
