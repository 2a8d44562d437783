// The council's documents (εισηγήσεις, minutes): PDFs the secretary uploads, public once attached. Kept in the
// context's own table by their digest (not a read model: nothing rebuilds bytes from the log); the events
// hold the document's id, name, digest and size. A PDF passes the upload checks first (src/api/shared/uploads.ts:
// its content says PDF, its size within the limit, it ends as a PDF ends).
import { randomUUID } from 'node:crypto';
import type { ItemDocument } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Migration } from '../../eventstore/sql/migrate.ts';
import { table } from '../../projections/shared/tables.ts';
import { checkUpload } from '../shared/uploads.ts';

export const COUNCIL_DOCUMENTS = 'od_council_documents';

/** An εισήγηση with its annexes fits; a scanned minutes book of a long session too. */
export const MAX_COUNCIL_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const councilDocumentMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'The council documents (εισηγήσεις, minutes), PDFs by their digest',
    sql: (q) => `CREATE TABLE ${q}.${COUNCIL_DOCUMENTS} (
        document_id text PRIMARY KEY,
        sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        name text NOT NULL,
        pdf bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now())`,
  },
];

/** The document's name as the reader sees it: the uploaded file's, tidied; its digest decides nothing else. */
const nameOf = (declared: string | undefined): string => {
  const tidy = (declared ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/^.*[\\/]/, '').trim().slice(0, 200);
  return tidy === '' ? 'document.pdf' : tidy;
};

/**
 * Checks and keeps a PDF; answers the reference an event carries. The same bytes uploaded twice are one
 * document (its first id), so attaching it again changes nothing.
 */
export const keepCouncilDocument = async (db: { readonly client: SqlExecutor; readonly schema: string }, file: { readonly bytes: Uint8Array; readonly declaredName?: string }): Promise<ItemDocument> => {
  const checked = await checkUpload(file, { formats: ['pdf'], maxBytes: MAX_COUNCIL_DOCUMENT_BYTES });
  const name = nameOf(file.declaredName);
  const documents = table(db.schema, COUNCIL_DOCUMENTS);
  await db.client.query(`INSERT INTO ${documents} (document_id, sha256, name, pdf) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`, [
    randomUUID(),
    checked.sha256,
    name,
    Buffer.from(checked.bytes),
  ]);
  const [row] = await db.client.query<{ document_id: string }>(`SELECT document_id FROM ${documents} WHERE sha256 = $1`, [checked.sha256]);
  return { documentId: row!.document_id, name, sha256: checked.sha256, bytes: checked.bytes.length };
};

/** A kept document's bytes, for the public page's link; null when there is none by that id. */
export const councilDocument = async (db: { readonly client: SqlExecutor; readonly schema: string }, documentId: string): Promise<{ readonly name: string; readonly pdf: Uint8Array } | null> => {
  const [row] = await db.client.query<{ name: string; pdf: Uint8Array }>(`SELECT name, pdf FROM ${table(db.schema, COUNCIL_DOCUMENTS)} WHERE document_id = $1`, [documentId]);
  return row ?? null;
};
