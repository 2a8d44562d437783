// A tiled log as static files over node:http, built with the verifier's own helpers (independent of src/):
// `/log/checkpoint`, `/log/key`, `/log/tile/…` and `/api/log/consistency`, as the town hall serves them.
// Tests publish a log, then overwrite its files to make the server lie.
import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { consistencyProof, entryBundle, formatVerifierKey, leafHash, parseVerifierKey, signatureLine, tileLevels, tilePath, tilesOf, treeHash } from '../../tools/verify-log.mjs';
import type { VerifierKey } from '../../tools/verify-log.mjs';

export interface NoteSigner {
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly vkey: string;
  readonly key: VerifierKey;
}

/** A fresh Ed25519 key of signature type 0x01 (a log) or 0x04 (a witness's cosignatures). */
export const newSigner = (name: string, type = 0x01): NoteSigner => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const vkey = formatVerifierKey(name, type, Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url'));
  return { name, privateKey, vkey, key: parseVerifierKey(vkey) };
};

export const signNote = (signer: NoteSigner, text: string): string =>
  `${text}\n${signatureLine(signer.name, signer.key.id, sign(null, Buffer.from(text), signer.privateKey))}`;

export interface BuiltLog {
  readonly size: number;
  readonly levels: Buffer[];
  readonly root: Buffer;
  /** The checkpoint's note text, and the signed checkpoint. */
  readonly text: string;
  readonly checkpoint: string;
  /** Every file under the prefix, by its path (`checkpoint`, `key`, `tile/0/000.p/3`, …). */
  readonly files: Map<string, Buffer>;
}

export const buildLog = (signer: NoteSigner, entries: readonly Buffer[], origin = signer.name): BuiltLog => {
  const levels = tileLevels(Buffer.concat(entries.map(leafHash)));
  const root = treeHash(levels, 0, entries.length);
  const text = `${origin}\n${entries.length}\n${root.toString('base64')}\n`;
  const checkpoint = signNote(signer, text);
  const files = new Map<string, Buffer>([
    ['checkpoint', Buffer.from(checkpoint)],
    ['key', Buffer.from(`${signer.vkey}\n`)],
  ]);
  for (const { level, index, width } of tilesOf(entries.length)) {
    const first = index * 256;
    files.set(tilePath(level, index, width), levels[level]!.subarray(first * 32, (first + width) * 32));
    if (level === 0) files.set(tilePath('entries', index, width), entryBundle(entries.slice(first, first + width)));
  }
  return { size: entries.length, levels, root, text, checkpoint, files };
};

export interface StaticLogServer {
  /** The log's prefix, `http://127.0.0.1:<port>/log/`. */
  readonly url: string;
  /** Paths asked for, in order. */
  readonly requests: string[];
  /** What the server serves now (tests may overwrite files). */
  log: BuiltLog;
  close(): Promise<void>;
}

/** With `gzip`, entry bundles are sent with `Content-Encoding: gzip` to clients that accept it. */
export const startStaticLog = async (log: BuiltLog, { gzip = false } = {}): Promise<StaticLogServer> => {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://log');
    requests.push(url.pathname);
    if (url.pathname === '/api/log/consistency') {
      const [from, to] = [Number(url.searchParams.get('from')), Number(url.searchParams.get('to'))];
      if (!(from >= 0 && from <= to && to === served.log.size)) return void response.writeHead(400).end();
      const proof = consistencyProof(served.log.levels, from, to).map((h) => h.toString('base64'));
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ proof }));
    }
    const file = url.pathname.startsWith('/log/') ? served.log.files.get(url.pathname.slice(5)) : undefined;
    if (!file) return void response.writeHead(404).end();
    if (gzip && url.pathname.startsWith('/log/tile/entries/') && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      return void response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' }).end(gzipSync(file));
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const served: StaticLogServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/log/`,
    requests,
    log,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return served;
};

/** A public event's entry as the town hall logs it (RFC 8785 JSON: keys sorted, no spaces). */
export const sampleEntry = (position: number, data: Record<string, string> = { amount: `${position}.50`, document: `ΧΕΠ-${position}` }): Buffer =>
  Buffer.from(JSON.stringify({ data, hash: 'ab'.repeat(32), id: `event-${position}`, position, recordedAt: '2026-12-07T10:00:00.000Z', revision: 1, schemaVersion: 1, stream: `commitment-${position % 7}`, type: 'PaymentMade' }));
