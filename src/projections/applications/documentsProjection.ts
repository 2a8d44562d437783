// The public register of issued documents: each document's digest, protocol number and status, as its public
// events say (no holder, no code). The verification page and the "upload to check" look documents up here.
import type { DocumentEvent } from '../../domain/index.ts';
import type { Projection, Tables } from '../shared/projection.ts';

export const DOCUMENTS = 'od_documents';
export const DOCUMENTS_PROJECTION = 'documents';

export const documentsProjection: Projection = {
  name: DOCUMENTS_PROJECTION,
  version: 1,
  tables: [DOCUMENTS],
  create: (t: Tables) => `
CREATE TABLE ${t[DOCUMENTS]} (
  document_id text PRIMARY KEY,
  service text NOT NULL,
  year int NOT NULL,
  protocol_number int NOT NULL,
  sha256 text NOT NULL,
  issued_at timestamptz NOT NULL,
  development boolean NOT NULL,
  status text NOT NULL,
  revocation_reason text,
  revoked_at timestamptz,
  position bigint NOT NULL
);`,
  indexes: (t: Tables) => `
CREATE INDEX ON ${t[DOCUMENTS]} (sha256);
CREATE UNIQUE INDEX ON ${t[DOCUMENTS]} (year, protocol_number);`,
  async apply(tx, t, events) {
    const documents = t[DOCUMENTS]!;
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as DocumentEvent;
      switch (event.type) {
        case 'DocumentIssued': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${documents} (document_id, service, year, protocol_number, sha256, issued_at, development, status, position)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'valid', $8) ON CONFLICT DO NOTHING`,
            [d.documentId, d.service, d.year, d.protocolNumber, d.sha256, d.issuedAt, d.developmentSignature, Number(recorded.position)],
          );
          break;
        }
        case 'DocumentRevoked': {
          const d = event.data;
          await tx.query(`UPDATE ${documents} SET status = 'revoked', revocation_reason = $2, revoked_at = $3 WHERE document_id = $1`, [d.documentId, d.reason, d.revokedAt]);
          break;
        }
        default:
          break;
      }
    }
  },
};

export interface PublicDocument {
  readonly documentId: string;
  readonly service: string;
  readonly year: number;
  readonly protocolNumber: number;
  readonly sha256: string;
  readonly issuedAt: string;
  readonly development: boolean;
  readonly status: 'valid' | 'revoked';
  readonly revocationReason: string | null;
  readonly revokedAt: string | null;
  /** Its position in the ledger: the verifiable log's leaf that holds its digest. */
  readonly position: number;
}
