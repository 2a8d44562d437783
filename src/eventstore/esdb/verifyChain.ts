// Walks the whole log and checks each event's hash against its stream predecessor's: on EventStoreDB the
// chain is per stream, because the server assigns the global order after our write.
import { GENESIS_HASH, chainHash } from '../hashChain.ts';
import type { VerifyReport } from '../port.ts';
import type { EsdbConnection, StoredMetadata } from './connection.ts';
import { readAll } from './readAll.ts';

export const verifyChain = async (connection: EsdbConnection): Promise<VerifyReport> => {
  const heads = new Map<string, string>();
  let position = 0;
  let events = 0;
  for (;;) {
    const batch = await readAll(connection, { fromPosition: position, maxCount: 1_000 }, true);
    if (batch.length === 0) return { ok: true, events, lastPosition: position, headHash: '' };
    for (const e of batch) {
      const { odSchemaVersion: _version, odHash: _hash, ...metadata } = e.metadata as StoredMetadata;
      const expected = chainHash(heads.get(e.stream) ?? GENESIS_HASH, {
        position: 0,
        id: e.id,
        stream: e.stream,
        revision: e.revision,
        type: e.type,
        schemaVersion: e.storedSchemaVersion,
        dataText: JSON.stringify(e.data),
        metadataText: JSON.stringify(metadata),
      });
      if (expected !== e.hash) return { ok: false, events, brokenAt: e.position, reason: `hash of event ${e.id} in ${e.stream} does not match` };
      heads.set(e.stream, e.hash);
      position = e.position;
      events++;
    }
  }
};
