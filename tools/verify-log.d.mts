// The types of tools/verify-log.mjs, for the TypeScript tests and doubles that import it. The tool itself
// stays one plain JavaScript file that anyone can run and read without a build.

export declare const HASH_SIZE: 32;
export declare const TILE_WIDTH: 256;
export declare const EMPTY_ROOT: Buffer;

export declare function leafHash(entry: Uint8Array): Buffer;
export declare function nodeHash(left: Uint8Array, right: Uint8Array): Buffer;
export declare function hashUp(level: Buffer, first: number, count: number): Buffer;
/** levels[0]: every leaf hash; levels[L]: the hashes of tree height 8·L, as tlog-tiles stores them. */
export declare function tileLevels(leafHashes: Buffer): Buffer[];
export declare function treeHash(levels: readonly Buffer[], start: number, end: number): Buffer;
export declare function inclusionProof(levels: readonly Buffer[], index: number, size: number): Buffer[];
export declare function consistencyProof(levels: readonly Buffer[], oldSize: number, newSize: number): Buffer[];
export declare function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean;
export declare function verifyConsistency(oldSize: number, newSize: number, proof: readonly Uint8Array[], oldRoot: Buffer, newRoot: Buffer): boolean;

export interface TileRef {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}
export declare function tilePath(level: number | 'entries', index: number, width?: number): string;
export declare function tilesOf(size: number): TileRef[];
export declare function entryBundle(entries: readonly Uint8Array[]): Buffer;
export declare function readEntryBundle(bundle: Buffer): Buffer[] | null;

export declare class NoteError extends Error {}
export interface VerifierKey {
  readonly name: string;
  readonly id: number;
  readonly type: number;
  readonly publicKey: Buffer;
}
export interface NoteSignature {
  readonly name: string;
  readonly id: number;
  readonly signature: Buffer;
}
export declare function keyId(name: string, type: number, publicKey: Uint8Array): number;
export declare function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string;
export declare function parseVerifierKey(vkey: string): VerifierKey;
export declare function signatureLine(name: string, id: number, signature: Uint8Array): string;
export declare function parseNote(note: string): { text: string; signatures: NoteSignature[] };
export declare function verifyNote(note: string, keys: readonly VerifierKey[]): { text: string; signedBy: VerifierKey[] };
/** The cosignature's timestamp when it verifies, else null. */
export declare function verifyCosignature(checkpointText: string, signature: NoteSignature, key: VerifierKey): number | null;

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
}
export declare function parseCheckpoint(text: string): Checkpoint;

export type VerifyStep = 'network' | 'checkpoint' | 'key' | 'signature' | 'witness' | 'leaf' | 'tile' | 'root' | 'consistency' | 'state';
export declare class VerifyError extends Error {
  readonly step: VerifyStep;
  readonly greek: string;
  readonly leaf?: number;
  readonly expected?: string;
  readonly found?: string;
}
export interface VerifyOptions {
  key?: string;
  statePath?: string;
  find?: readonly string[];
  /** Witness verifier keys (type 0x04) whose cosignature/v1 the checkpoint must carry. */
  witnesses?: readonly string[];
  concurrency?: number;
  say?: (line: string) => void;
}
export interface FoundLeaf {
  readonly index: number;
  readonly type: string | null;
  readonly stream: string | null;
}
export interface VerifyResult {
  readonly origin: string;
  readonly size: number;
  readonly root: string;
  readonly key: string;
  readonly cosignedBy: readonly { readonly name: string; readonly time: number }[];
  readonly seconds: number;
  readonly leavesPerSecond: number;
  readonly found: readonly { readonly text: string; readonly leaves: readonly FoundLeaf[] }[];
}
export declare function verifyLog(prefix: string, options?: VerifyOptions): Promise<VerifyResult>;
export declare function parseArguments(argv: readonly string[]): { prefix: string; options: VerifyOptions; error?: undefined } | { error: string };
export declare function main(argv: readonly string[], out?: (line: string) => void, err?: (line: string) => void): Promise<number>;
