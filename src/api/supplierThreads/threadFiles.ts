// The files attached to the threads' messages: checked by their content (file-type), never by their name or
// declared type — PDFs and images through the site's upload checks (images drawn again without metadata),
// XML (an e-invoice) kept as sent once it is UTF-8 without a DTD, since nobody here parses it. Kept in the
// context's own table with their subject and thread (not a read model: nothing rebuilds them from the log);
// the events hold only their references and digests.
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { ThreadAttachment } from '../../domain/index.ts';
import { checkAttachmentCount, MAX_THREAD_FILE_BYTES, supplierThreadErrors } from '../../domain/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Migration } from '../../eventstore/sql/migrate.ts';
import { table } from '../../projections/shared/tables.ts';
import { checkUpload } from '../shared/uploads.ts';

export const THREAD_FILES = 'od_thread_files';

export const threadFilesMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'Files attached to the suppliers’ threads',
    sql: (q) => `CREATE TABLE ${q}.${THREAD_FILES} (
        file_id text PRIMARY KEY,
        subject_id text NOT NULL,
        thread_id text NOT NULL,
        name text NOT NULL,
        format text NOT NULL,
        media_type text NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${q}.${THREAD_FILES} (thread_id);
      CREATE INDEX ON ${q}.${THREAD_FILES} (subject_id)`,
  },
];

export interface SentFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface CheckedFile {
  readonly name: string;
  readonly format: ThreadAttachment['format'];
  readonly mediaType: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

// A name is the client's text: its last path part, printable, short; said back and offered on download only.
const MAX_NAME = 120;
export const fileNameOf = (raw: string): string => {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const clean = [...last.replace(/[\u0000-\u001f\u007f"]/g, '').trim()].slice(0, MAX_NAME).join('');
  return clean === '' ? 'file' : clean;
};

const XML_REFUSALS = {
  encoding: { el: 'το XML πρέπει να είναι σε UTF-8', en: 'the XML must be in UTF-8' },
  dtd: { el: 'το XML δεν επιτρέπεται να έχει DOCTYPE ή ENTITY', en: 'the XML may not have a DOCTYPE or ENTITY' },
  empty: { el: 'το αρχείο είναι κενό', en: 'the file is empty' },
} as const;

const checkXml = (name: string, bytes: Uint8Array): CheckedFile => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw supplierThreadErrors.OD_SUPPLIER_THREAD_FILE_INVALID({ name, why: XML_REFUSALS.encoding });
  }
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw supplierThreadErrors.OD_SUPPLIER_THREAD_FILE_INVALID({ name, why: XML_REFUSALS.dtd });
  return { name, format: 'xml', mediaType: 'application/xml', sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
};

/** One file as it may be kept, or a refusal (a DomainError with Greek and English) that names it. */
export const checkThreadFile = async (file: SentFile): Promise<CheckedFile> => {
  const name = fileNameOf(file.name);
  if (file.bytes.length === 0) throw supplierThreadErrors.OD_SUPPLIER_THREAD_FILE_INVALID({ name, why: XML_REFUSALS.empty });
  if (file.bytes.length > MAX_THREAD_FILE_BYTES) throw supplierThreadErrors.OD_SUPPLIER_THREAD_FILE_TOO_LARGE({ name });
  const detected = await fileTypeFromBuffer(file.bytes);
  if (detected?.ext === 'xml') return checkXml(name, file.bytes);
  if (detected?.ext !== 'pdf' && detected?.ext !== 'jpg' && detected?.ext !== 'png' && detected?.ext !== 'apng') throw supplierThreadErrors.OD_SUPPLIER_THREAD_FILE_TYPE({ name });
  const checked = await checkUpload({ bytes: file.bytes, declaredName: name }, { formats: ['pdf', 'jpeg', 'png'], maxBytes: MAX_THREAD_FILE_BYTES });
  return { name, format: checked.format, mediaType: checked.mediaType, sha256: checked.sha256, bytes: checked.bytes };
};

/** Every file checked before any is kept: one refused, none is. */
export const checkThreadFiles = async (files: readonly SentFile[]): Promise<CheckedFile[]> => {
  checkAttachmentCount(files.length);
  const checked: CheckedFile[] = [];
  for (const file of files) checked.push(await checkThreadFile(file));
  return checked;
};

export const keepThreadFiles = async (db: SqlExecutor, schema: string, owner: { readonly subjectId: string; readonly threadId: string }, files: readonly CheckedFile[]): Promise<ThreadAttachment[]> => {
  const refs: ThreadAttachment[] = [];
  for (const f of files) {
    const fileId = randomUUID();
    await db.query(
      `INSERT INTO ${table(schema, THREAD_FILES)} (file_id, subject_id, thread_id, name, format, media_type, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [fileId, owner.subjectId, owner.threadId, f.name, f.format, f.mediaType, f.sha256, Buffer.from(f.bytes)],
    );
    refs.push({ fileId, format: f.format, sha256: f.sha256, bytes: f.bytes.length });
  }
  return refs;
};

/** Files kept for a message that was then not recorded (a conflict): nothing refers to them. */
export const dropThreadFiles = async (db: SqlExecutor, schema: string, fileIds: readonly string[]): Promise<void> => {
  if (fileIds.length > 0) await db.query(`DELETE FROM ${table(schema, THREAD_FILES)} WHERE file_id = ANY($1::text[])`, [fileIds]);
};

export interface StoredThreadFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

/** A file of this thread (the caller has checked the reader may see the thread); null for any other. */
export const threadFile = async (db: SqlExecutor, schema: string, threadId: string, fileId: string): Promise<StoredThreadFile | null> => {
  const [row] = await db.query<{ name: string; media_type: string; bytes: Buffer }>(`SELECT name, media_type, bytes FROM ${table(schema, THREAD_FILES)} WHERE file_id = $1 AND thread_id = $2`, [fileId, threadId]);
  return row ? { name: row.name, mediaType: row.media_type, bytes: Buffer.from(row.bytes) } : null;
};

/** File names by id, for the pages. */
export const threadFileNames = async (db: SqlExecutor, schema: string, threadId: string): Promise<ReadonlyMap<string, string>> =>
  new Map((await db.query<{ file_id: string; name: string }>(`SELECT file_id, name FROM ${table(schema, THREAD_FILES)} WHERE thread_id = $1`, [threadId])).map((r) => [r.file_id, r.name]));

/** An erased company's files go with it (its messages went with its key and its read model rows). */
export const eraseThreadFiles = async (db: SqlExecutor, schema: string, subjectId: string): Promise<void> => {
  await db.query(`DELETE FROM ${table(schema, THREAD_FILES)} WHERE subject_id = $1`, [subjectId]);
};
