// A transparency-log witness (c2sp.org/tlog-witness) over node:http. It checks every add-checkpoint itself,
// with the note and Merkle functions of tools/verify-log.mjs (independent of src/), and answers Ed25519
// cosignature/v1 lines (c2sp.org/tlog-cosignature). Knobs: answer the next requests with a status (500),
// hold them unanswered (a timeout), or lie (a cosignature that does not verify).
import { createHash, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMPTY_ROOT, NoteError, parseCheckpoint, parseNote, parseVerifierKey, signatureLine, verifyConsistency, verifyNote } from '../../../../tools/verify-log.mjs';
import type { VerifierKey } from '../../../../tools/verify-log.mjs';
import { newSigner } from '../../staticLog.ts';

export interface WitnessRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly status: number;
}

/** The latest checkpoint the witness cosigned for one log. */
export interface WitnessRecord {
  readonly size: number;
  readonly root: Buffer;
  /** The log's signed checkpoint with the witness's cosignature added. */
  readonly checkpoint: string;
}

export interface WitnessDouble {
  /** Submission and monitoring prefix at once: `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly name: string;
  /** The cosigner's verifier key, signature type 0x04. */
  readonly vkey: string;
  readonly received: WitnessRequest[];
  /** By log origin. */
  readonly state: Map<string, WitnessRecord>;
  /** Trust a log: its origin and its Ed25519 verifier key (more than one key per origin is allowed). */
  trust(origin: string, vkey: string): void;
  answerNext(count: number, status: number): void;
  holdNext(count: number): void;
  /** The next `count` cosignatures are signed over the wrong message. */
  lieNext(count: number): void;
  close(): Promise<void>;
}

type Answer = { status: number; body?: string; type?: string };

const MALFORMED: Answer = { status: 400, body: 'malformed add-checkpoint body\n' };

const originHash = (origin: string): string => createHash('sha256').update(origin).digest('hex');

export const startWitnessDouble = async (name = 'witness.example/w1', now = (): number => Math.floor(Date.now() / 1000)): Promise<WitnessDouble> => {
  const signer = newSigner(name, 0x04);
  const logs = new Map<string, VerifierKey[]>();
  const state = new Map<string, WitnessRecord>();
  const received: WitnessRequest[] = [];
  const knobs = { status: 0, statusCount: 0, holds: 0, lies: 0 };
  const held = new Set<() => void>();

  const cosign = (text: string): string => {
    const time = now();
    const lie = knobs.lies > 0;
    if (lie) knobs.lies--;
    const message = `cosignature/v1\ntime ${time}\n${lie ? 'a lie\n' : text}`;
    const signature = Buffer.alloc(8 + 64);
    signature.writeBigUInt64BE(BigInt(time), 0);
    signature.set(sign(null, Buffer.from(message), signer.privateKey), 8);
    return signatureLine(name, signer.key.id, signature);
  };

  // Every check and the update run in one synchronous turn: no other request can come between (the race the
  // spec warns of).
  const addCheckpoint = (body: string): Answer => {
    const blank = body.indexOf('\n\n');
    const [oldLine = '', ...proofLines] = blank < 0 ? [] : body.slice(0, blank).split('\n');
    const old = /^old (0|[1-9]\d*)$/.exec(oldLine);
    const proof = proofLines.map((line) => Buffer.from(line, 'base64'));
    if (!old || proof.length > 63 || proof.some((h, i) => h.length !== 32 || h.toString('base64') !== proofLines[i])) return MALFORMED;
    const note = body.slice(blank + 2);
    let text: string;
    let checkpoint: ReturnType<typeof parseCheckpoint>;
    try {
      text = parseNote(note).text;
      checkpoint = parseCheckpoint(text);
    } catch {
      return MALFORMED;
    }
    const keys = logs.get(checkpoint.origin);
    if (!keys) return { status: 404, body: 'unknown log\n' };
    try {
      verifyNote(note, keys);
    } catch (error) {
      if (error instanceof NoteError) return { status: 403, body: `${error.message}\n` };
      throw error;
    }
    const oldSize = Number(old[1]);
    if (oldSize > checkpoint.size) return { status: 400, body: 'old size is larger than the checkpoint\n' };
    const latest = state.get(checkpoint.origin);
    if (oldSize !== (latest?.size ?? 0)) return { status: 409, body: `${latest?.size ?? 0}\n`, type: 'text/x.tlog.size' };
    if (checkpoint.size === 0 && !checkpoint.root.equals(EMPTY_ROOT)) return { status: 422, body: 'a tree of size 0 has the empty root\n' };
    if (oldSize === 0 && proof.length > 0) return { status: 422, body: 'no proof is needed from size 0\n' };
    if (latest && oldSize === checkpoint.size && !latest.root.equals(checkpoint.root)) return { status: 422, body: 'same size, different root\n' };
    if (latest && !verifyConsistency(oldSize, checkpoint.size, proof, latest.root, checkpoint.root)) return { status: 422, body: 'the consistency proof does not verify\n' };
    const line = cosign(text);
    state.set(checkpoint.origin, { size: checkpoint.size, root: checkpoint.root, checkpoint: `${note}${line}` });
    return { status: 200, body: line };
  };

  const route = (method: string, path: string, body: string): Answer => {
    if (method === 'POST' && path === '/add-checkpoint') return addCheckpoint(body);
    const monitored = /^\/([0-9a-f]{64})\/checkpoint$/.exec(path);
    if (method === 'GET' && monitored) {
      const record = [...state.entries()].find(([origin]) => originHash(origin) === monitored[1])?.[1];
      return record ? { status: 200, body: record.checkpoint } : { status: 404 };
    }
    return { status: 404 };
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(request.url ?? '/', 'http://witness').pathname;
      const record = (status: number) => received.push({ method: request.method ?? '', path, body, status });
      if (knobs.holds > 0) {
        knobs.holds--;
        record(0);
        held.add(() => response.destroy());
        return;
      }
      const forced = knobs.statusCount > 0;
      if (forced) knobs.statusCount--;
      let answer: Answer;
      try {
        answer = forced ? { status: knobs.status } : route(request.method ?? '', path, body);
      } catch (error) {
        answer = { status: 500, body: `${error instanceof Error ? error.message : String(error)}\n` };
      }
      record(answer.status);
      response.writeHead(answer.status, { 'content-type': answer.type ?? 'text/plain; charset=utf-8' }).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    name,
    vkey: signer.vkey,
    received,
    state,
    trust(origin, vkey) {
      logs.set(origin, [...(logs.get(origin) ?? []), parseVerifierKey(vkey)]);
    },
    answerNext(count, status) {
      Object.assign(knobs, { status, statusCount: count });
    },
    holdNext(count) {
      knobs.holds = count;
    },
    lieNext(count) {
      knobs.lies = count;
    },
    close: async () => {
      for (const release of held) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
