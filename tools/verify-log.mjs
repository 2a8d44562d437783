#!/usr/bin/env node
// verify-log: checks the public books (δημόσιο βιβλίο) of OpenDimos, or any C2SP tiled transparency log, with
// nothing but Node's standard library (Node ≥ 20). It trusts no server code: it fetches the signed
// checkpoint, every tile and entry bundle, rebuilds the Merkle tree itself and compares.
//
//   node tools/verify-log.mjs https://host/log/ [--key VKEY] [--state FILE] [--find TEXT]... [--witness VKEY]...
//
// --key: the log's verifier key (else the one in the state file, else the one the log serves, on first use).
// --state: a JSON file keeping the tree seen last time; the new tree must extend it. --find: which leaves
// hold a text (a document number, an amount). --witness: a witness (type 0x04 key) that must have cosigned.
//
// Specifications: RFC 6962 / RFC 9162 §2.1 (the tree), c2sp.org/tlog-tiles, tlog-checkpoint, signed-note.
// Each leaf is the UTF-8 RFC 8785 canonical JSON of a public event:
//   {position, id, stream, revision, type, schemaVersion, data, recordedAt, hash}
import { constants } from 'node:buffer';
import crypto from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

// ─── Merkle trees (RFC 6962 §2.1) ────────────────────────────────────────────────────────────────────────
export const HASH_SIZE = 32;
export const TILE_WIDTH = 256;

// Speed: crypto.hash is one call per digest, and its 'latin1' string (one character a byte), compared as a
// string or written into a Buffer we own, costs the garbage collector far less than a new Buffer per hash
// (measured: 600,000 against 240,000 hashes a second). The scratch buffers spare a Buffer.concat per hash.
const digest = crypto.hash ? (bytes) => crypto.hash('sha256', bytes, 'latin1') : (bytes) => crypto.createHash('sha256').update(bytes).digest('latin1');
let leafScratch = Buffer.alloc(1 + 0xffff);
const nodeScratch = Buffer.alloc(1 + 2 * HASH_SIZE, 1);
const rowScratch = Buffer.alloc(TILE_WIDTH * HASH_SIZE);

/** SHA-256(0x00 ‖ entry), as a latin1 string (one character a byte). */
function leafDigest(entry) {
  if (entry.length >= leafScratch.length) leafScratch = Buffer.alloc(entry.length + 1);
  leafScratch.set(entry, 1);
  return digest(leafScratch.subarray(0, entry.length + 1));
}

/** SHA-256(0x00 ‖ entry). */
export const leafHash = (entry) => Buffer.from(leafDigest(entry), 'latin1');

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left, right) {
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return Buffer.from(digest(nodeScratch), 'latin1');
}

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = crypto.createHash('sha256').digest();

const hashAt = (level, i) => level.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);

/** Tree hash of `count` (a power of two, ≤ 256) consecutive hashes of a level, from the `first`, into `out`. */
function hashUpInto(level, first, count, out, offset) {
  level.copy(rowScratch, 0, first * HASH_SIZE, (first + count) * HASH_SIZE);
  // Each pair, side by side in the row, is hashed into the place of its left half: the row halves each round.
  for (let width = count; width > 1; width /= 2) {
    for (let i = 0; i < width; i += 2) {
      rowScratch.copy(nodeScratch, 1, i * HASH_SIZE, (i + 2) * HASH_SIZE);
      rowScratch.write(digest(nodeScratch), (i / 2) * HASH_SIZE, 'latin1');
    }
  }
  rowScratch.copy(out, offset, 0, HASH_SIZE);
}

export function hashUp(level, first, count) {
  const hash = Buffer.alloc(HASH_SIZE);
  hashUpInto(level, first, count, hash, 0);
  return hash;
}

/**
 * The stored levels of a tree, as tlog-tiles lays them out: levels[0] is every leaf hash, levels[L] every
 * hash of tree height 8·L, each the tree hash of 256 consecutive hashes of levels[L-1].
 */
export function tileLevels(leafHashes) {
  const levels = [leafHashes];
  for (let below = leafHashes; below.length >= TILE_WIDTH * HASH_SIZE; ) {
    const level = Buffer.allocUnsafe(Math.floor(below.length / HASH_SIZE / TILE_WIDTH) * HASH_SIZE);
    for (let i = 0; i * HASH_SIZE < level.length; i++) hashUpInto(below, i * TILE_WIDTH, TILE_WIDTH, level, i * HASH_SIZE);
    levels.push(level);
    below = level;
  }
  return levels;
}

/** The largest power of two strictly below n (n ≥ 2): where RFC 6962 splits a tree. */
const split = (n) => 2 ** Math.ceil(Math.log2(n) - 1);

/** MTH(D[start:end]), from the complete subtrees the levels hold. */
export function treeHash(levels, start, end) {
  const n = end - start;
  if (n === 0) return EMPTY_ROOT;
  const height = Math.log2(n);
  if (Number.isInteger(height) && start % n === 0) {
    const rise = 2 ** (height % 8);
    return hashUp(levels[Math.floor(height / 8)], (start / n) * rise, rise);
  }
  const k = split(n);
  return nodeHash(treeHash(levels, start, start + k), treeHash(levels, start + k, end));
}

/** PATH(index, D[0:size]) of RFC 6962 §2.1.1. */
export function inclusionProof(levels, index, size) {
  const path = (m, start, end) => {
    if (end - start <= 1) return [];
    const k = split(end - start);
    return m < k ? [...path(m, start, start + k), treeHash(levels, start + k, end)] : [...path(m - k, start + k, end), treeHash(levels, start, start + k)];
  };
  return path(index, 0, size);
}

/** PROOF(oldSize, D[0:newSize]) of RFC 6962 §2.1.2. */
export function consistencyProof(levels, oldSize, newSize) {
  const subproof = (m, start, end, whole) => {
    if (m === end - start) return whole ? [] : [treeHash(levels, start, end)];
    const k = split(end - start);
    return m <= k
      ? [...subproof(m, start, start + k, whole), treeHash(levels, start + k, end)]
      : [...subproof(m - k, start + k, end, false), treeHash(levels, start, start + k)];
  };
  return oldSize === 0 || oldSize === newSize ? [] : subproof(oldSize, 0, newSize, true);
}

const half = (n) => Math.floor(n / 2);
const allHashes = (hashes) => hashes.every((h) => h.length === HASH_SIZE);

/** RFC 9162 §2.1.3.2: does the proof lead from this leaf hash to this root? */
export function verifyInclusion(index, size, leaf, proof, root) {
  if (index >= size || !allHashes([leaf, ...proof])) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = nodeHash(r, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: is the tree of newSize an extension of the tree of oldSize? */
export function verifyConsistency(oldSize, newSize, proof, oldRoot, newRoot) {
  if (oldSize > newSize || !allHashes(proof)) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = Number.isInteger(Math.log2(oldSize)) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

// ─── Tiles and entry bundles (c2sp.org/tlog-tiles) ───────────────────────────────────────────────────────
/** `tile/<L>/<N>[.p/<W>]`, with N in groups of three digits: 1234067 → x001/x234/067; level 'entries' for bundles. */
export function tilePath(level, index, width = TILE_WIDTH) {
  const groups = [];
  for (let n = index; groups.length === 0 || n > 0; n = Math.floor(n / 1000)) groups.unshift(String(n % 1000).padStart(3, '0'));
  return `tile/${level}/${groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/')}${width < TILE_WIDTH ? `.p/${width}` : ''}`;
}

/** The tiles of a tree of `size` leaves: every full tile of each level, then its partial one. */
export function tilesOf(size) {
  const tiles = [];
  for (let level = 0, stored = size; stored > 0; level++, stored = Math.floor(stored / TILE_WIDTH)) {
    for (let index = 0; index * TILE_WIDTH < stored; index++) tiles.push({ level, index, width: Math.min(TILE_WIDTH, stored - index * TILE_WIDTH) });
  }
  return tiles;
}

/** Entry bundles: each entry as a big-endian uint16 length, then its bytes. */
export function entryBundle(entries) {
  return Buffer.concat(entries.flatMap((e) => [Buffer.from([e.length >> 8, e.length & 0xff]), e]));
}

export function readEntryBundle(bundle) {
  const entries = [];
  for (let at = 0; at < bundle.length; ) {
    const length = at + 2 <= bundle.length ? bundle.readUInt16BE(at) : Infinity;
    if (at + 2 + length > bundle.length) return null;
    entries.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}

// ─── Signed notes, verifier keys, checkpoints (c2sp.org/signed-note, tlog-checkpoint) ────────────────────
export class NoteError extends Error {}

const fromBase64 = (text) => {
  const bytes = Buffer.from(text, 'base64');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && bytes.toString('base64') === text ? bytes : null;
};

/** SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4], as a number. */
export const keyId = (name, type, publicKey) => crypto.createHash('sha256').update(`${name}\n`).update(Buffer.from([type])).update(publicKey).digest().readUInt32BE(0);

export const formatVerifierKey = (name, type, publicKey) =>
  `${name}+${keyId(name, type, publicKey).toString(16).padStart(8, '0')}+${Buffer.concat([Buffer.from([type]), publicKey]).toString('base64')}`;

/** `<name>+<hex key ID>+base64(type ‖ public key)`, refused when the ID does not belong to the key. */
export function parseVerifierKey(vkey) {
  const [, name, hexId, material] = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(String(vkey).trim()) ?? [];
  const bytes = material && fromBase64(material);
  if (!bytes || bytes.length < 2) throw new NoteError(`not a verifier key: ${String(vkey).slice(0, 80)}`);
  const key = { name, id: parseInt(hexId, 16), type: bytes[0], publicKey: bytes.subarray(1) };
  if (key.id !== keyId(name, key.type, key.publicKey)) throw new NoteError(`the verifier key ${name} has the key ID ${hexId}, which is not its key's`);
  if ((key.type === 0x01 || key.type === 0x04) && key.publicKey.length !== 32) throw new NoteError(`the Ed25519 key of ${name} is not 32 bytes`);
  return key;
}

export const signatureLine = (name, id, signature) => {
  const bytes = Buffer.alloc(4 + signature.length);
  bytes.writeUInt32BE(id, 0);
  bytes.set(signature, 4);
  return `— ${name} ${bytes.toString('base64')}\n`;
};

/** Splits a note at its last blank line into its text (final newline kept) and signatures. */
export function parseNote(note) {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note) || !note.endsWith('\n')) throw new NoteError('a note is text without control characters, ending in a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('the note has no blank line before its signatures');
  const signatures = note.slice(split + 2, -1).split('\n').map((line) => {
    const [, name, base64] = /^— (\S+) (\S+)$/.exec(line) ?? [];
    const bytes = base64 && fromBase64(base64);
    if (!bytes || bytes.length < 5 || name.includes('+')) throw new NoteError(`not a signature line: ${line.slice(0, 80)}`);
    return { name, id: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
  });
  if (signatures.length > 100) throw new NoteError('the note has more than 100 signatures');
  return { text: note.slice(0, split + 1), signatures };
}

/** Ed25519 (RFC 8032); a key or signature node:crypto cannot even read is a failed verification. */
function ed25519Verify(publicKey, message, signature) {
  try {
    const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
    return crypto.verify(null, Buffer.from(message), key, signature);
  } catch {
    return false;
  }
}

/**
 * Verifies a note with Ed25519 keys (type 0x01). Signatures by other keys are ignored; one by a given key that
 * fails rejects the whole note, and so does no valid signature at all. Returns the text and the keys that signed.
 */
export function verifyNote(note, keys) {
  const { text, signatures } = parseNote(note);
  const signedBy = [];
  for (const s of signatures) {
    const key = keys.find((k) => k.type === 0x01 && k.name === s.name && k.id === s.id);
    if (!key) continue;
    if (!ed25519Verify(key.publicKey, text, s.signature)) throw new NoteError(`the signature of ${key.name} does not verify`);
    signedBy.push(key);
  }
  if (signedBy.length === 0) throw new NoteError(`no signature by ${keys.map((k) => k.name).join(', ')}`);
  return { text, signedBy };
}

/** A cosignature/v1 (type 0x04) line: 8-byte big-endian time ‖ Ed25519 over "cosignature/v1\ntime <t>\n" ‖ text. */
export function verifyCosignature(checkpointText, signature, key) {
  if (key.type !== 0x04 || signature.name !== key.name || signature.id !== key.id || signature.signature.length !== 72) return null;
  const time = signature.signature.readBigUInt64BE(0);
  return ed25519Verify(key.publicKey, `cosignature/v1\ntime ${time}\n${checkpointText}`, signature.signature.subarray(8)) ? Number(time) : null;
}

/** `<origin>\n<size>\n<base64 root>\n[extension lines]`. */
export function parseCheckpoint(text) {
  const [origin, size, root, ...rest] = text.split('\n');
  const rootHash = root && fromBase64(root);
  if (!origin || !/^(0|[1-9]\d*)$/.test(size ?? '') || !Number.isSafeInteger(Number(size))) throw new NoteError('a checkpoint starts with its origin line and its tree size');
  if (!rootHash || rootHash.length !== HASH_SIZE) throw new NoteError('the third line of a checkpoint is the base64 root hash');
  if (rest.at(-1) !== '' || rest.slice(0, -1).some((l) => l === '')) throw new NoteError('checkpoint lines end in a newline, and extension lines are not empty');
  return { origin, size: Number(size), root: rootHash };
}

// ─── The verifier ────────────────────────────────────────────────────────────────────────────────────────
const GREEK = {
  network: 'Ο διακομιστής δεν έδωσε αυτό που ζητήθηκε.',
  checkpoint: 'Το υπογεγραμμένο σημείο ελέγχου (checkpoint) δεν είναι έγκυρο.',
  key: 'Το κλειδί επαλήθευσης δεν είναι έγκυρο ή άλλαξε.',
  signature: 'Η υπογραφή του σημείου ελέγχου δεν επαληθεύεται.',
  leaf: 'Μια εγγραφή του βιβλίου δεν ταιριάζει με το δέντρο Merkle.',
  tile: 'Ένα πλακίδιο του δέντρου δεν ταιριάζει με όσα είναι από κάτω του.',
  root: 'Η ρίζα του δέντρου δεν είναι αυτή που υπέγραψε ο δήμος.',
  consistency: 'Το βιβλίο δεν συνεχίζει αυτό που είδατε την προηγούμενη φορά: η ιστορία του άλλαξε.',
  state: 'Το αρχείο κατάστασης δεν διαβάζεται.',
  witness: 'Ο μάρτυρας δεν έχει συνυπογράψει αυτό το σημείο ελέγχου: ίσως σας δείχνουν άλλο βιβλίο από ό,τι στους άλλους.',
};

export class VerifyError extends Error {
  /** @param {keyof GREEK} step  @param {string} message  @param {{leaf?: number, expected?: string, found?: string}} [detail] */
  constructor(step, message, detail = {}) {
    super(message);
    this.step = step;
    this.greek = GREEK[step];
    Object.assign(this, detail);
  }
}

const b64 = (hash) => hash.toString('base64');

// node:http with keep-alive rather than fetch: a third of the CPU per request (measured over 2,000 tiles), and a
// verification is mostly requests. Entry bundles may come gzipped, as tlog-tiles allows.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

function get(url, what) {
  return new Promise((resolve, reject) => {
    const fail = (message) => reject(new VerifyError('network', message));
    const options = { agent: agents[url.protocol], headers: { 'accept-encoding': 'gzip, identity' }, timeout: 30_000 };
    const request = (url.protocol === 'https:' ? https : http).get(url, options, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', (error) => fail(`${what}: ${url} broke off (${error.message})`));
      response.on('end', () => {
        const moved = response.headers.location ? ` (moved to ${response.headers.location})` : '';
        if (response.statusCode !== 200) return fail(`${what}: ${url} answered HTTP ${response.statusCode}${moved}`);
        try {
          resolve(response.headers['content-encoding'] === 'gzip' ? gunzipSync(Buffer.concat(chunks)) : Buffer.concat(chunks));
        } catch {
          fail(`${what}: ${url} sent a broken gzip body`);
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error('no answer in 30 s')));
    request.on('error', (error) => fail(`cannot fetch ${what} from ${url}: ${error.code ?? error.message}`));
  });
}

/**
 * Runs `work` on every item in order, at most `limit` at a time. After a failure no new item starts, and the
 * failure of the earliest item is the one thrown: the bad leaf reported is the first bad leaf.
 */
async function inParallel(items, limit, work) {
  let next = 0;
  let failed = null;
  const worker = async () => {
    while (next < items.length && !failed) {
      const at = next++;
      await work(items[at]).catch((error) => {
        if (!failed || at < failed.at) failed = { at, error };
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw failed.error;
}

async function readState(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw new VerifyError('state', `cannot read ${path}: ${error.message}`);
  }
  try {
    const state = JSON.parse(text);
    const root = fromBase64(state.root);
    if (typeof state.origin !== 'string' || typeof state.key !== 'string' || !Number.isSafeInteger(state.size) || root?.length !== HASH_SIZE) throw new Error('fields');
    return { ...state, root };
  } catch {
    throw new VerifyError('state', `${path} is not a state file of this tool (JSON with origin, key, size, root)`);
  }
}

/** Written beside, then renamed: a crash never leaves half a state file. */
async function saveState(path, state) {
  try {
    await writeFile(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
    await rename(`${path}.tmp`, path);
  } catch (error) {
    throw new VerifyError('state', `cannot write ${path}: ${error.message}`);
  }
}

/** The key to trust: the one given, else the one seen last time, else (first use) the one the log serves. */
async function chooseKey(base, given, state, say) {
  if (given) {
    if (state && state.key !== given) say(`The key differs from the one in the state file; using the one given with --key.`);
    return given;
  }
  const served = (await get(new URL('key', base), 'the log key')).toString('utf8').trim();
  if (state && served !== state.key) throw new VerifyError('key', `the log now serves the key ${served}, not ${state.key} as last time; if the municipality announced a new key, pass it with --key`);
  if (!state) say(`Trusting the key the log serves, on first use: ${served}\n  Compare it with the key the municipality publishes elsewhere, or pass it with --key.`);
  return served;
}

/** The checkpoint, its signature verified with the key before a line of it is read. */
async function fetchCheckpoint(base, vkey, witnesses) {
  let key;
  try {
    key = parseVerifierKey(vkey);
  } catch (error) {
    throw new VerifyError('key', error.message);
  }
  if (key.type !== 0x01) throw new VerifyError('key', `the key ${key.name} is not an Ed25519 note key (type 0x01)`);
  const note = (await get(new URL('checkpoint', base), 'the checkpoint')).toString('utf8');
  const step = (name, read) => {
    try {
      return read();
    } catch (error) {
      throw new VerifyError(name, error.message);
    }
  };
  const { signatures } = step('checkpoint', () => parseNote(note));
  const { text } = step('signature', () => verifyNote(note, [key]));
  const cosignedBy = witnesses.map((vkey) => checkCosignature(text, signatures, vkey));
  return { ...step('checkpoint', () => parseCheckpoint(text)), cosignedBy };
}

/** A witness given with --witness must have cosigned this very checkpoint: the guard against a split view. */
function checkCosignature(text, signatures, vkey) {
  let key;
  try {
    key = parseVerifierKey(vkey);
  } catch (error) {
    throw new VerifyError('key', error.message);
  }
  if (key.type !== 0x04) throw new VerifyError('key', `the witness key ${key.name} is not a cosignature/v1 key (type 0x04)`);
  const line = signatures.find((s) => s.name === key.name && s.id === key.id);
  if (!line) throw new VerifyError('witness', `the checkpoint carries no cosignature by the witness ${key.name}`);
  const time = verifyCosignature(text, line, key);
  if (time === null) throw new VerifyError('witness', `the cosignature of the witness ${key.name} does not verify`);
  return { name: key.name, time };
}

/** One level-0 tile and its entry bundle: every entry must hash to its leaf hash in the tile. */
async function checkLeafTile(base, { index, width }, leaves, found) {
  const [tile, bundle] = await Promise.all([get(new URL(tilePath(0, index, width), base), 'a tile'), get(new URL(tilePath('entries', index, width), base), 'an entry bundle')]);
  const entries = readEntryBundle(bundle);
  if (!entries || entries.length !== width || tile.length !== width * HASH_SIZE) {
    throw new VerifyError('tile', `${tilePath('entries', index, width)} holds ${entries ? entries.length : 'unreadable'} entries and ${tilePath(0, index, width)} ${tile.length / HASH_SIZE} hashes; both should hold ${width}`);
  }
  // Compared as latin1 strings, and the tile kept as the leaves' hashes once all agree: no Buffer per leaf.
  const expected = tile.toString('latin1');
  for (let i = 0; i < width; i++) {
    const hash = leafDigest(entries[i]);
    if (hash !== expected.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE)) {
      const leaf = index * TILE_WIDTH + i;
      const detail = { leaf, expected: b64(hashAt(tile, i)), found: b64(Buffer.from(hash, 'latin1')) };
      throw new VerifyError('leaf', `leaf ${leaf}: the level-0 tile says its hash is ${detail.expected}, but its entry hashes to ${detail.found}`, detail);
    }
  }
  leaves.set(tile, index * TILE_WIDTH * HASH_SIZE);
  for (const f of found) if (bundle.includes(f.needle)) entries.forEach((e, i) => e.includes(f.needle) && f.leaves.push(describe(index * TILE_WIDTH + i, e)));
}

/** A tile of level 1 or more must hold the tree hashes of the full tiles below, as rebuilt from the leaves. */
function checkUpperTile({ level, index, width }, bytes, levels) {
  const expected = levels[level].subarray(index * TILE_WIDTH * HASH_SIZE, (index * TILE_WIDTH + width) * HASH_SIZE);
  if (expected.equals(bytes)) return;
  const i = Math.max(0, [...Array(width).keys()].findIndex((j) => !hashAt(expected, j).equals(hashAt(bytes, j))));
  const first = (index * TILE_WIDTH + i) * TILE_WIDTH ** level;
  const says = bytes.length === expected.length ? b64(hashAt(bytes, i)) : `${bytes.length} bytes`;
  throw new VerifyError('tile', `${tilePath(level, index, width)}, hash ${i} (leaves ${first}…${first + TILE_WIDTH ** level - 1}): the tiles below give ${b64(hashAt(expected, i))}, the tile says ${says}`);
}

/** Every tile and entry bundle of a tree of `size`, checked; resolves to the tree's levels. */
async function fetchTree(base, size, found, concurrency) {
  if (size * HASH_SIZE > constants.MAX_LENGTH) throw new VerifyError('checkpoint', `a tree of ${size} leaves is more than this tool can hold in memory`);
  const leaves = Buffer.allocUnsafe(size * HASH_SIZE);
  const upper = new Map();
  const tiles = tilesOf(size);
  // The few upper tiles first, then the level-0 tiles in order.
  const work = [...tiles.filter((t) => t.level > 0), ...tiles.filter((t) => t.level === 0)];
  await inParallel(work, concurrency, async (t) => {
    if (t.level === 0) await checkLeafTile(base, t, leaves, found);
    else upper.set(t, await get(new URL(tilePath(t.level, t.index, t.width), base), 'a tile'));
  });
  const levels = tileLevels(leaves);
  for (const [t, bytes] of upper) checkUpperTile(t, bytes, levels);
  return levels;
}

/**
 * Verifies the log at `prefix` (a URL, with or without its trailing slash). Resolves to a summary; rejects with
 * a VerifyError naming the failing step (and, for a bad leaf, its index, the expected and the found hash).
 */
export async function verifyLog(prefix, { key: givenKey, statePath, find = [], witnesses = [], concurrency = 16, say = () => {} } = {}) {
  const started = performance.now();
  const base = new URL(prefix.endsWith('/') ? prefix : `${prefix}/`);
  const state = statePath ? await readState(statePath) : null;
  const vkey = await chooseKey(base, givenKey, state, say);
  const checkpoint = await fetchCheckpoint(base, vkey, witnesses);
  const { origin, size, root } = checkpoint;
  if (state && state.origin !== origin) throw new VerifyError('checkpoint', `the checkpoint is of the log ${origin}, the state file of ${state.origin}`);

  const found = find.map((text) => ({ text, needle: Buffer.from(text), leaves: [] }));
  const levels = await fetchTree(base, size, found, concurrency);
  const computed = treeHash(levels, 0, size);
  if (!computed.equals(root)) throw new VerifyError('root', `the ${size} leaves give the root ${b64(computed)}, the checkpoint says ${b64(root)}`, { expected: b64(root), found: b64(computed) });

  if (state) await checkConsistency(base, state, checkpoint, levels, say);
  if (statePath) await saveState(statePath, { origin, key: vkey, size, root: b64(root) });
  const seconds = (performance.now() - started) / 1000;
  return { origin, size, root: b64(root), key: vkey, cosignedBy: checkpoint.cosignedBy, seconds, leavesPerSecond: size / seconds, found: found.map(({ text, leaves }) => ({ text, leaves })) };
}

function describe(index, entry) {
  try {
    const { type, stream } = JSON.parse(entry.toString('utf8'));
    return { index, type, stream };
  } catch {
    return { index, type: null, stream: null };
  }
}

/** `{"proof": [base64 hashes]}`, or null. */
function readProof(body) {
  try {
    const proof = JSON.parse(body.toString('utf8')).proof.map(fromBase64);
    return proof.every((h) => h?.length === HASH_SIZE) ? proof : null;
  } catch {
    return null;
  }
}

/** The tree seen last time must be a prefix of this one: its root rebuilt from these tiles, and the server's proof. */
async function checkConsistency(base, state, { size, root }, levels, say) {
  if (state.size > size) throw new VerifyError('consistency', `the log had ${state.size} leaves last time and has ${size} now: entries were removed`);
  const oldRoot = treeHash(levels, 0, state.size);
  if (!oldRoot.equals(state.root)) {
    throw new VerifyError('consistency', `the first ${state.size} leaves now give the root ${b64(oldRoot)}, but last time the log signed ${b64(state.root)}: history was rewritten`, { expected: b64(state.root), found: b64(oldRoot) });
  }
  if (state.size === 0 || state.size === size) return;
  const url = new URL(`../api/log/consistency?from=${state.size}&to=${size}`, base);
  let body;
  try {
    body = await get(url, 'the consistency proof');
  } catch (error) {
    say(`The server gave no consistency proof (${error.message}); consistency was checked from the tiles alone.`);
    return;
  }
  const proof = readProof(body);
  if (!proof) throw new VerifyError('consistency', `${url} is not {"proof": [base64 hashes]}`);
  if (!verifyConsistency(state.size, size, proof, state.root, root)) throw new VerifyError('consistency', `the server's consistency proof from ${state.size} to ${size} does not verify (RFC 9162 §2.1.4.2)`);
}

// ─── The command line ────────────────────────────────────────────────────────────────────────────────────
const USAGE = 'usage: node tools/verify-log.mjs https://host/log/ [--key VKEY] [--state FILE] [--find TEXT]... [--witness VKEY]...';

export function parseArguments(argv) {
  const options = { find: [], witnesses: [] };
  let prefix = null;
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (['--key', '--state', '--find', '--witness'].includes(flag)) {
      if (value === undefined) return { error: `${flag} needs a value` };
      if (flag === '--key') options.key = value;
      else if (flag === '--state') options.statePath = value;
      else options[flag === '--find' ? 'find' : 'witnesses'].push(value);
      i++;
    } else if (flag.startsWith('--') || prefix !== null) return { error: `unexpected argument ${flag}` };
    else prefix = flag;
  }
  if (!prefix || !URL.canParse(prefix) || !/^https?:$/.test(new URL(prefix).protocol)) return { error: 'give the log\'s address, e.g. https://host/log/' };
  return { prefix, options };
}

export async function main(argv, out = console.log, err = console.error) {
  const { prefix, options, error } = parseArguments(argv);
  if (error) {
    err(`${error}\n${USAGE}`);
    return 2;
  }
  try {
    const r = await verifyLog(prefix, { ...options, say: err });
    out(`OK / ΕΝΤΑΞΕΙ: ${r.origin}, ${r.size} leaves, root ${r.root}\n  verified in ${r.seconds.toFixed(2)} s (${Math.round(r.leavesPerSecond)} leaves/s)`);
    for (const w of r.cosignedBy) out(`  cosigned by the witness ${w.name} at ${new Date(w.time * 1000).toISOString()}`);
    for (const f of r.found) {
      out(`"${f.text}" is in ${f.leaves.length} leaves${f.leaves.length ? ':' : ''}`);
      for (const hit of f.leaves.slice(0, 50)) out(`  leaf ${hit.index}  ${hit.type}  ${hit.stream}`);
      if (f.leaves.length > 50) out(`  … and ${f.leaves.length - 50} more`);
    }
    return 0;
  } catch (e) {
    err(e instanceof VerifyError ? `FAILED / ΑΠΕΤΥΧΕ (${e.step}): ${e.message}\n  ${e.greek}` : `FAILED / ΑΠΕΤΥΧΕ: ${e.message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
