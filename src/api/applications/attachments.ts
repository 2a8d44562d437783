// The files an applicant attaches, once they passed the upload checks (src/api/shared/uploads.ts: content
// type, size, images re-encoded without their metadata): kept in the context's own table with their subject,
// the events holding only their references and digests.
import { randomUUID } from 'node:crypto';
import type { AttachmentRef } from '../../domain/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { ApplicationsServices } from './services.ts';
import { APPLICATION_FILES } from './tables.ts';

/** An uploaded file that passed the upload checks (src/api/shared/uploads.ts): content type, size, re-encoding. */
export interface CheckedAttachment {
  readonly kind: string;
  readonly format: 'pdf' | 'jpeg' | 'png';
  readonly mediaType: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** Keeps the checked files and answers their references for the event. */
export const keepAttachments = async (services: ApplicationsServices, subjectId: string, attachments: readonly CheckedAttachment[]): Promise<AttachmentRef[]> => {
  const refs: AttachmentRef[] = [];
  for (const a of attachments) {
    const fileId = randomUUID();
    await services.client.query(
      `INSERT INTO ${table(services.schema, APPLICATION_FILES)} (file_id, subject_id, kind, format, media_type, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [fileId, subjectId, a.kind, a.format, a.mediaType, a.sha256, Buffer.from(a.bytes)],
    );
    refs.push({ kind: a.kind, fileId, format: a.format, sha256: a.sha256, bytes: a.bytes.length });
  }
  return refs;
};

