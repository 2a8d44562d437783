// C2SP tlog-checkpoint: the note text `<origin>\n<size>\n<base64 root>\n` (no extension lines: we add none),
// the cosignature/v1 message a witness signs, and the bodies of tlog-witness and tlog-proof@v1.
import type { Hash } from './merkle.ts';
import { base64, fromBase64 } from './note.ts';

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Hash;
}

export class MalformedCheckpoint extends Error {
  override readonly name = 'MalformedCheckpoint';
}

const DECIMAL = /^(0|[1-9]\d*)$/;

export const formatCheckpoint = (c: Checkpoint): string => `${c.origin}\n${c.size}\n${base64(c.root)}\n`;

/** Reads a checkpoint's note text (extension lines are allowed and ignored, as the spec says). */
export const parseCheckpoint = (text: string): Checkpoint => {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.at(-1) !== '') throw new MalformedCheckpoint('a checkpoint has at least three lines, each ending in a newline');
  const [origin, size, root] = lines;
  if (!origin) throw new MalformedCheckpoint('the origin line is empty');
  if (!DECIMAL.test(size!) || !Number.isSafeInteger(Number(size))) throw new MalformedCheckpoint(`the tree size "${size}" is not a decimal number`);
  const rootHash = fromBase64(root!);
  if (!rootHash || rootHash.length !== 32) throw new MalformedCheckpoint('the root hash is not 32 bytes of base64');
  if (lines.slice(3, -1).some((l) => l === '')) throw new MalformedCheckpoint('extension lines must not be empty');
  return { origin: origin, size: Number(size), root: rootHash };
};

/** What an Ed25519 cosignature/v1 signs: header, time, then the checkpoint's note text. */
export const cosignedMessage = (checkpointText: string, timestamp: number): string => `cosignature/v1\ntime ${timestamp}\n${checkpointText}`;

/** tlog-witness add-checkpoint body: `old <size>`, the consistency proof, a blank line, the checkpoint. */
export const addCheckpointBody = (oldSize: number, proof: readonly Hash[], signedCheckpoint: string): string =>
  `old ${oldSize}\n${proof.map((h) => `${base64(h)}\n`).join('')}\n${signedCheckpoint}`;

export const parseAddCheckpointBody = (body: string): { oldSize: number; proof: Hash[]; checkpoint: string } => {
  const blank = body.indexOf('\n\n');
  if (blank < 0) throw new MalformedCheckpoint('no blank line before the checkpoint');
  const [oldLine, ...proofLines] = body.slice(0, blank).split('\n');
  const old = /^old (0|[1-9]\d*)$/.exec(oldLine ?? '');
  if (!old) throw new MalformedCheckpoint('the first line must be "old <size>"');
  if (proofLines.length > 63) throw new MalformedCheckpoint('more than 63 consistency proof lines');
  const proof = proofLines.map((line) => {
    const hash = fromBase64(line);
    if (!hash || hash.length !== 32) throw new MalformedCheckpoint(`not a base64 hash: ${line.slice(0, 60)}`);
    return hash;
  });
  return { oldSize: Number(old[1]), proof, checkpoint: body.slice(blank + 2) };
};

export const PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

/** tlog-proof@v1: header, optional extra, index, the inclusion proof, a blank line, the signed checkpoint. */
export const formatProof = (p: { index: number; proof: readonly Hash[]; signedCheckpoint: string; extra?: Uint8Array }): string =>
  `${PROOF_HEADER}\n${p.extra ? `extra ${base64(p.extra)}\n` : ''}index ${p.index}\n${p.proof.map((h) => `${base64(h)}\n`).join('')}\n${p.signedCheckpoint}`;

export const parseProof = (text: string): { index: number; proof: Hash[]; signedCheckpoint: string; extra: Uint8Array | null } => {
  const blank = text.indexOf('\n\n');
  if (blank < 0) throw new MalformedCheckpoint('no blank line before the checkpoint');
  const lines = text.slice(0, blank).split('\n');
  if (lines.shift() !== PROOF_HEADER) throw new MalformedCheckpoint(`the first line must be ${PROOF_HEADER}`);
  let extra: Uint8Array | null = null;
  if (lines[0]?.startsWith('extra ')) {
    extra = fromBase64(lines.shift()!.slice(6));
    if (!extra) throw new MalformedCheckpoint('the extra line is not base64');
  }
  const index = /^index (0|[1-9]\d*)$/.exec(lines.shift() ?? '');
  if (!index) throw new MalformedCheckpoint('the index line must be "index <n>"');
  const proof = lines.map((line) => {
    const hash = fromBase64(line);
    if (!hash || hash.length !== 32) throw new MalformedCheckpoint(`not a base64 hash: ${line.slice(0, 60)}`);
    return hash;
  });
  return { index: Number(index[1]), proof, signedCheckpoint: text.slice(blank + 2), extra };
};
