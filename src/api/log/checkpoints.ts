// Publishing the log: a signed checkpoint of the tree after every committed batch (at most one a second),
// each kept for ever, never one that is inconsistent with the last (a tree that no longer extends the
// published one means the events were changed: nothing is signed, the error says so); then each witness
// is asked to cosign it, and the cosignatures it returns are kept beside the checkpoint.
import type { Checkpoint } from '../../domain/log/index.ts';
import { addCheckpointBody, cosignedMessage, formatCheckpoint, parseCheckpoint, parseNote, parseSignatureLine, parseVerifierKey, SIGNATURE_TYPE } from '../../domain/log/index.ts';
import type { SqlClient, SqlExecutor } from '../../eventstore/sql/client.ts';
import type { WitnessAddress } from '../../integrations/witnesses/index.ts';
import { addCheckpoint, WitnessError } from '../../integrations/witnesses/index.ts';
import type { LogTables } from '../../projections/log/index.ts';
import { consistencyProof, rootAt, treeSize } from '../../projections/log/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { LogSigner } from './signer.ts';
import { keyIdFor, verifyEd25519 } from './signer.ts';
import { LOG_CHECKPOINTS, LOG_COSIGNATURES, LOG_WITNESSES } from './tables.ts';

export interface LogServices {
  readonly client: SqlClient;
  readonly schema: string;
  readonly tables: LogTables;
  readonly signer: LogSigner;
  readonly origin: string;
  readonly witnesses: readonly WitnessAddress[];
  readonly fetch?: typeof fetch;
}

export interface PublishedCheckpoint extends Checkpoint {
  /** The signed note with the witnesses' cosignatures after the log's signature. */
  readonly note: string;
  /** The note as the log signed it, without cosignatures: what witnesses are sent. */
  readonly signedNote: string;
  readonly publishedAt: string;
}

export class LogInconsistent extends Error {
  override readonly name = 'LogInconsistent';
}

interface CheckpointRow {
  size: unknown;
  note: string;
  published_at: unknown;
  cosignatures: string | null;
}

const SELECT = (s: string) => `SELECT c.size, c.note, c.published_at,
    (SELECT string_agg(w.line, '' ORDER BY w.witness) FROM ${table(s, LOG_COSIGNATURES)} w WHERE w.size = c.size) AS cosignatures
  FROM ${table(s, LOG_CHECKPOINTS)} c`;

const published = (row: CheckpointRow): PublishedCheckpoint => {
  const parsed = parseCheckpoint(parseNote(row.note).text);
  return { ...parsed, note: row.note + (row.cosignatures ?? ''), signedNote: row.note, publishedAt: new Date(row.published_at as string).toISOString() };
};

// Every checkpoint or cosignature this process writes, counted per database and schema: a node's cache of the
// newest checkpoint starts again when the count moves, so its own publisher is never a second behind.
const writes = new WeakMap<object, Map<string, number>>();
const wrote = (db: object, schema: string): void => {
  const counts = writes.get(db) ?? new Map<string, number>();
  counts.set(schema, (counts.get(schema) ?? 0) + 1);
  writes.set(db, counts);
};

/** How many checkpoints and cosignatures this process has written to the schema (for caches to notice). */
export const checkpointWrites = (db: object, schema: string): number => writes.get(db)?.get(schema) ?? 0;

export const latestCheckpoint = async (db: SqlExecutor, schema: string): Promise<PublishedCheckpoint | null> => {
  const [row] = await db.query<CheckpointRow>(`${SELECT(schema)} ORDER BY c.size DESC LIMIT 1`);
  return row ? published(row) : null;
};

export const checkpointOfSize = async (db: SqlExecutor, schema: string, size: number): Promise<PublishedCheckpoint | null> => {
  const [row] = await db.query<CheckpointRow>(`${SELECT(schema)} WHERE c.size = $1`, [size]);
  return row ? published(row) : null;
};

export const checkpointsFrom = async (db: SqlExecutor, schema: string, from: number, limit: number): Promise<PublishedCheckpoint[]> =>
  (await db.query<CheckpointRow>(`${SELECT(schema)} WHERE c.size >= $1 ORDER BY c.size LIMIT $2`, [from, limit])).map(published);

const equal = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Signs a checkpoint of the tree as it is, when it grew; returns it (null when there was nothing new). */
export const publishCheckpoint = async (services: LogServices): Promise<PublishedCheckpoint | null> => {
  const { client, schema, tables, signer, origin } = services;
  const signed = await client.transaction(async (tx) => {
    // One publisher at a time per installation, however many web nodes run one.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`opendimos:log:${schema}`]);
    const last = await latestCheckpoint(tx, schema);
    const size = await treeSize(tx, tables);
    if (last && size <= last.size) return null;
    if (last) {
      const then = await rootAt(tx, tables, last.size);
      if (!equal(then, last.root)) {
        throw new LogInconsistent(`the tree at ${last.size} no longer has the published root: events were changed after they were logged; run "opendimos verify"`);
      }
    }
    const root = await rootAt(tx, tables, size);
    const note = signer.sign(formatCheckpoint({ origin, size, root }));
    await tx.query(`INSERT INTO ${table(schema, LOG_CHECKPOINTS)} (size, root, note) VALUES ($1, decode($2, 'hex'), $3)`, [size, Buffer.from(root).toString('hex'), note]);
    return { size, previous: last?.size ?? null };
  });
  if (!signed) return null;
  wrote(client, schema);
  return checkpointOfSize(client, schema, signed.size);
};

/** Checks a witness's cosignature/v1 lines for this checkpoint; answers the valid ones of its key. */
export const validCosignatures = (witness: WitnessAddress, checkpointText: string, lines: readonly string[]): string[] => {
  const key = parseVerifierKey(witness.verifierKey);
  if (!key || key.type !== SIGNATURE_TYPE.cosignatureV1 || keyIdFor(key.name, key.type, key.publicKey) !== key.keyId) return [];
  return lines.filter((line) => {
    const signature = parseSignatureLine(line);
    if (!signature || signature.name !== key.name || signature.keyId !== key.keyId || signature.signature.length !== 72) return false;
    const timestamp = Number(new DataView(signature.signature.buffer, signature.signature.byteOffset, 8).getBigUint64(0));
    return verifyEd25519(key.publicKey, cosignedMessage(checkpointText, timestamp), signature.signature.subarray(8));
  });
};

/** Sends the checkpoint to one witness from the size it last cosigned; keeps its cosignature. */
export const witnessCheckpoint = async (services: LogServices, witness: WitnessAddress, checkpoint: PublishedCheckpoint): Promise<boolean> => {
  const { client, schema, tables } = services;
  const [held] = await client.query<{ size: unknown }>(`SELECT size FROM ${table(schema, LOG_WITNESSES)} WHERE witness = $1`, [witness.url]);
  let oldSize = held ? Number(held.size) : 0;
  if (oldSize === checkpoint.size) return true;
  const text = parseNote(checkpoint.signedNote).text;
  const body = async (from: number) => addCheckpointBody(from, from === 0 ? [] : await consistencyProof(client, tables, from, checkpoint.size), checkpoint.signedNote);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (oldSize > checkpoint.size) return false;
    const answer = await addCheckpoint(witness, await body(oldSize), { ...(services.fetch ? { fetch: services.fetch } : {}) });
    if (answer.kind === 'conflict') {
      oldSize = answer.size;
      continue;
    }
    const valid = validCosignatures(witness, text, answer.lines);
    if (valid.length === 0) throw new WitnessError(witness.url, 200, 'its cosignature does not verify with its key');
    await client.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${table(schema, LOG_COSIGNATURES)} (size, witness, line) VALUES ($1, $2, $3) ON CONFLICT (size, witness) DO UPDATE SET line = EXCLUDED.line`, [
        checkpoint.size,
        witness.url,
        `${valid[0]}\n`,
      ]);
      await tx.query(
        `INSERT INTO ${table(schema, LOG_WITNESSES)} (witness, size) VALUES ($1, $2) ON CONFLICT (witness) DO UPDATE SET size = EXCLUDED.size, updated_at = now()`,
        [witness.url, checkpoint.size],
      );
    });
    wrote(client, schema);
    return true;
  }
  return false;
};
