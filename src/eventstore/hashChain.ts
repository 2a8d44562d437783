// The hash chain: each event's SHA-256 covers its own content and the previous event's hash in global
// order, so changing, removing or reordering any stored event breaks every link after it.
// The SQL adapters compute the same text inside `od_append`; this is the independent check `verify` uses.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  /** The event's data and metadata exactly as stored (JSON text). */
  readonly dataText: string;
  readonly metadataText: string;
}

export const chainHash = (previousHash: string, e: ChainedFields): string =>
  createHash('sha256')
    .update(
      [previousHash, e.position, e.id, e.stream, e.revision, e.type, e.schemaVersion, e.dataText, e.metadataText].join('\n'),
      'utf8',
    )
    .digest('hex');
