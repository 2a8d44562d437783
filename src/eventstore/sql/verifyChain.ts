// Walks the whole ledger in global order and recomputes every hash from the stored text, independently
// of the SQL that wrote it. Reports the first broken link: a changed event, a missing one, a reordering.
import { GENESIS_HASH, chainHash } from '../hashChain.ts';
import type { VerifyReport } from '../port.ts';
import type { SqlExecutor } from './client.ts';
import { toNumber } from './client.ts';
import type { LedgerNames } from './ledgerSchema.ts';
import type { EventRow } from './readEvents.ts';

/** Data and metadata as the stored text: the hash covers that text, not a re-serialisation. */
type RawRow = EventRow<string, string>;

export const verifyChain = async (db: SqlExecutor, names: LedgerNames, batchSize = 5_000): Promise<VerifyReport> => {
  let previous = GENESIS_HASH;
  let expectedPosition = 1;
  let events = 0;
  for (;;) {
    const rows = await db.query<RawRow>(
      `SELECT position, id, stream, revision, type, schema_version, data::text AS data, metadata::text AS metadata,
              encode(hash, 'hex') AS hash
         FROM ${names.events} WHERE position >= $1 ORDER BY position LIMIT $2`,
      [expectedPosition, batchSize],
    );
    if (rows.length === 0) return { ok: true, events, lastPosition: expectedPosition - 1, headHash: previous };
    for (const row of rows) {
      const position = toNumber(row.position);
      if (position !== expectedPosition) {
        return { ok: false, events, brokenAt: expectedPosition, reason: `event at position ${expectedPosition} is missing (next is ${position})` };
      }
      const computed = chainHash(previous, {
        position,
        id: row.id,
        stream: row.stream,
        revision: toNumber(row.revision),
        type: row.type,
        schemaVersion: row.schema_version,
        dataText: row.data,
        metadataText: row.metadata,
      });
      if (computed !== row.hash) {
        return { ok: false, events, brokenAt: position, reason: `hash of event ${row.id} at position ${position} does not match its content and predecessor` };
      }
      previous = computed;
      expectedPosition++;
      events++;
    }
  }
};
