// What every client of an outside system does with an answer: reads its body up to a bound (an answer
// larger than the system ever sends is not one of its answers), and tells a deadline from other failures.
// Each client turns these into its own typed errors.

/** The error AbortSignal.timeout raises (or an abort), as against a network failure. */
export const isDeadline = (error: unknown): boolean => error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

/** The body as UTF-8 text; null when it passes `maxBytes`, whose reading is then cancelled. */
export const readBounded = async (response: Response, maxBytes: number): Promise<string | null> => {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
};
