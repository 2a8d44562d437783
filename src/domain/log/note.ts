// C2SP signed-note: a text ending in a newline, a blank line, then signature lines
// `— <key name> base64(key ID ‖ signature)`. Verifier keys are `<name>+<hex key ID>+base64(type ‖ key)`.
// Key IDs are SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]; the hash comes from the caller.

export const SIGNATURE_TYPE = { ed25519: 0x01, cosignatureV1: 0x04 } as const;

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the key ID. */
  readonly signature: Uint8Array;
}

export interface Note {
  /** The signed text, its final newline included. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export class MalformedNote extends Error {
  override readonly name = 'MalformedNote';
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard base64 (RFC 4648 §4), refused when not canonical. */
export const fromBase64 = (text: string): Uint8Array | null => {
  if (!BASE64.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : null;
};

export const base64 = toBase64;

/** Key names: non-empty, no Unicode space, no plus. */
export const isKeyName = (name: string): boolean => name.length > 0 && !/[\s+\u2000-\u200b\u2028\u2029\u3000]/u.test(name);

/** The bytes hashed for a key ID. */
export const keyIdInput = (name: string, type: number, publicKey: Uint8Array): Uint8Array =>
  new Uint8Array([...Buffer.from(`${name}\n`, 'utf8'), type, ...publicKey]);

export const keyIdOf = (digest: Uint8Array): number => new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0);

export const keyIdHex = (keyId: number): string => keyId.toString(16).padStart(8, '0');

export const signatureLine = (s: NoteSignature): string => {
  const bytes = new Uint8Array(4 + s.signature.length);
  new DataView(bytes.buffer).setUint32(0, s.keyId);
  bytes.set(s.signature, 4);
  return `\u2014 ${s.name} ${toBase64(bytes)}\n`;
};

export const formatNote = (note: Note): string => `${note.text}\n${note.signatures.map(signatureLine).join('')}`;

/** Parses one signature line (without its newline); null when it is not one. */
export const parseSignatureLine = (line: string): NoteSignature | null => {
  const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
  if (!match || !isKeyName(match[1]!)) return null;
  const bytes = fromBase64(match[2]!);
  if (!bytes || bytes.length < 5) return null;
  return { name: match[1]!, keyId: keyIdOf(bytes), signature: bytes.subarray(4) };
};

export const MAX_NOTE_SIGNATURES = 100;

/** Splits a note at its last blank line; throws MalformedNote with the reason. */
export const parseNote = (note: string): Note => {
  // Control characters other than newline are not allowed anywhere, nor lone surrogates (not UTF-8).
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(note)) throw new MalformedNote('the note contains control characters');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(note)) throw new MalformedNote('the note is not valid UTF-8');
  if (!note.endsWith('\n')) throw new MalformedNote('the note does not end in a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new MalformedNote('the note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length === 0 || lines[0] === '') throw new MalformedNote('the note has no signature');
  if (lines.length > MAX_NOTE_SIGNATURES) throw new MalformedNote('the note has too many signatures');
  const signatures = lines.map((line) => {
    const signature = parseSignatureLine(line);
    if (!signature) throw new MalformedNote(`not a signature line: ${line.slice(0, 80)}`);
    return signature;
  });
  return { text, signatures };
};

export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly publicKey: Uint8Array;
}

export const formatVerifierKey = (key: VerifierKey): string => `${key.name}+${keyIdHex(key.keyId)}+${toBase64(new Uint8Array([key.type, ...key.publicKey]))}`;

/** Reads `<name>+<hex id>+<base64(type ‖ key)>`; the caller checks that the ID matches the key. */
export const parseVerifierKey = (text: string): VerifierKey | null => {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) return null;
  const bytes = fromBase64(match[3]!);
  if (!bytes || bytes.length < 2) return null;
  return { name: match[1]!, keyId: parseInt(match[2]!, 16), type: bytes[0]!, publicKey: bytes.subarray(1) };
};

/** The private key format of Go's note package: `PRIVATE+KEY+<name>+<hex id>+base64(type ‖ seed)`. */
export const formatPrivateKey = (key: VerifierKey & { readonly seed: Uint8Array }): string =>
  `PRIVATE+KEY+${key.name}+${keyIdHex(key.keyId)}+${toBase64(new Uint8Array([key.type, ...key.seed]))}`;

export const parsePrivateKey = (text: string): { name: string; keyId: number; type: number; seed: Uint8Array } | null => {
  const match = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) return null;
  const bytes = fromBase64(match[3]!);
  if (!bytes || bytes.length !== 33) return null;
  return { name: match[1]!, keyId: parseInt(match[2]!, 16), type: bytes[0]!, seed: bytes.subarray(1) };
};
