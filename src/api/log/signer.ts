// The log's signing key (Ed25519, node:crypto) in the note formats of C2SP signed-note: the private key as
// `PRIVATE+KEY+<name>+<hex id>+base64(0x01 ‖ seed)`, the verifier key as `<name>+<hex id>+base64(0x01 ‖ key)`.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Note } from '../../domain/log/index.ts';
import { formatNote, formatPrivateKey, formatVerifierKey, isKeyName, keyIdInput, keyIdOf, parsePrivateKey, SIGNATURE_TYPE } from '../../domain/log/index.ts';
import { sha256 } from '../../projections/log/index.ts';

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export interface LogSigner {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  /** The verifier key, as /log/key serves it. */
  readonly verifierKey: string;
  /** The note `text` signed by this key. */
  readonly sign: (text: string) => string;
}

export class LogKeyError extends Error {
  override readonly name = 'LogKeyError';
}

export const keyIdFor = (name: string, type: number, publicKey: Uint8Array): number => keyIdOf(sha256(keyIdInput(name, type, publicKey)));

export const ed25519PublicKey = (raw: Uint8Array): KeyObject => createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });

export const verifyEd25519 = (raw: Uint8Array, message: string | Uint8Array, signature: Uint8Array): boolean => {
  try {
    return verify(null, typeof message === 'string' ? Buffer.from(message, 'utf8') : message, ed25519PublicKey(raw), signature);
  } catch {
    return false;
  }
};

const signerOf = (name: string, seed: Uint8Array): LogSigner => {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = new Uint8Array(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length));
  const keyId = keyIdFor(name, SIGNATURE_TYPE.ed25519, publicKey);
  return {
    name,
    keyId,
    publicKey,
    verifierKey: formatVerifierKey({ name, keyId, type: SIGNATURE_TYPE.ed25519, publicKey }),
    sign: (text) => {
      const note: Note = { text, signatures: [{ name, keyId, signature: new Uint8Array(sign(null, Buffer.from(text, 'utf8'), privateKey)) }] };
      return formatNote(note);
    },
  };
};

/** Reads OPENDIMOS_LOG_KEY (or the key file); a wrong ID for the key is refused, as a typo would be. */
export const signerFromPrivateKey = (text: string): LogSigner => {
  const parsed = parsePrivateKey(text);
  if (!parsed) throw new LogKeyError('the log key is not in the form PRIVATE+KEY+<name>+<hex id>+<base64(0x01 ‖ seed)>');
  if (parsed.type !== SIGNATURE_TYPE.ed25519) throw new LogKeyError(`the log key's type is 0x${parsed.type.toString(16)}, not Ed25519 (0x01)`);
  if (!isKeyName(parsed.name)) throw new LogKeyError('the log key name must have no spaces and no "+"');
  const signer = signerOf(parsed.name, parsed.seed);
  if (signer.keyId !== parsed.keyId) throw new LogKeyError(`the log key's ID ${parsed.keyId.toString(16).padStart(8, '0')} does not match its key (${signer.keyId.toString(16).padStart(8, '0')})`);
  return signer;
};

/** A new key for `name`, in the private key format. */
export const newLogKey = (name: string): string => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519.length));
  const signer = signerOf(name, seed);
  return formatPrivateKey({ name, keyId: signer.keyId, type: SIGNATURE_TYPE.ed25519, publicKey: signer.publicKey, seed });
};
