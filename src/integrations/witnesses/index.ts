// Witnesses of the log (C2SP tlog-witness): each new checkpoint goes to every witness in OPENDIMOS_WITNESSES
// with a consistency proof from the size it last cosigned; it answers cosignature lines, or 409 with the size
// it holds. The caller verifies the cosignatures against the witness's key; this client only speaks HTTP.
import { isDeadline, readBounded } from '../shared/boundedBody.ts';

export interface WitnessAddress {
  /** The submission prefix; add-checkpoint is under it. */
  readonly url: string;
  /** Its verifier key, `<name>+<hex id>+base64(0x04 ‖ Ed25519 key)`. */
  readonly verifierKey: string;
}

export type WitnessAnswer =
  | { readonly kind: 'cosigned'; readonly lines: readonly string[] }
  /** The witness holds another size than we said: 409 and `text/x.tlog.size`. */
  | { readonly kind: 'conflict'; readonly size: number };

export class WitnessError extends Error {
  override readonly name = 'WitnessError';
  constructor(
    readonly witness: string,
    readonly status: number | null,
    message: string,
  ) {
    super(`witness ${witness}: ${message}`);
  }
}

export const isWitnessError = (error: unknown): error is WitnessError => error instanceof WitnessError;

/** OPENDIMOS_WITNESSES: entries separated by commas, each `<submission URL> <verifier key>`. */
export const parseWitnesses = (setting: string): WitnessAddress[] | string => {
  const entries = setting.split(',').map((e) => e.trim()).filter((e) => e.length > 0);
  const witnesses: WitnessAddress[] = [];
  for (const entry of entries) {
    const [url, verifierKey, ...rest] = entry.split(/\s+/);
    if (!url || !verifierKey || rest.length > 0) return `"${entry}" is not "<URL> <verifier key>"`;
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `${url} is not an http(s) URL`;
    } catch {
      return `${url} is not a URL`;
    }
    witnesses.push({ url: url.replace(/\/+$/, ''), verifierKey });
  }
  return witnesses;
};

const MAX_ANSWER_BYTES = 64 * 1024;

export const addCheckpoint = async (witness: WitnessAddress, body: string, options: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<WitnessAnswer> => {
  const send = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await send(`${witness.url}/add-checkpoint`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new WitnessError(witness.url, null, isDeadline(error) ? 'no answer in time' : `unreachable (${String(error)})`);
  }
  const text = await readBounded(response, MAX_ANSWER_BYTES);
  if (text === null) throw new WitnessError(witness.url, response.status, 'the answer is too large');
  if (response.status === 409) {
    const size = /^(0|[1-9]\d*)\n$/.exec(text);
    if (!size || !(response.headers.get('content-type') ?? '').startsWith('text/x.tlog.size')) throw new WitnessError(witness.url, 409, 'a conflict without a tree size');
    return { kind: 'conflict', size: Number(size[1]) };
  }
  if (response.status !== 200) throw new WitnessError(witness.url, response.status, `refused the checkpoint (${response.status}: ${text.slice(0, 200).trim()})`);
  const lines = text.split('\n').filter((l) => l.length > 0);
  if (lines.length === 0 || !text.endsWith('\n') || lines.some((l) => !l.startsWith('\u2014 '))) throw new WitnessError(witness.url, 200, 'the answer is not signature lines');
  return { kind: 'cosigned', lines };
};
