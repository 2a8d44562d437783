// JSON with every number kept as its text. Viva's order codes are 16-digit integers, beyond the 2^53 a
// float holds exactly (PHP clients read them with JSON_BIGINT_AS_STRING for this reason), and its amounts
// are euros with decimals; JSON.parse would round the one and turn the other into a float. So numbers
// outside strings are quoted before parsing: "orderCode": 9123456789012345678 reads as "9123456789012345678".

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

const quoteNumbers = (text: string): string => {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) throw new SyntaxError(`not a JSON number at ${i}`);
      out += `"${match[0]}"`;
      i += match[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
};

export type JsonObject = Readonly<Record<string, unknown>>;

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON text parsed, numbers as strings; throws a SyntaxError when it is not JSON. */
export const parseJsonKeepingNumbers = (text: string): unknown => JSON.parse(quoteNumbers(text));

/** A value that may be a number's text or (from an already parsed body) a number, as text; else null. */
export const numberText = (value: unknown): string | null => {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
  // A parsed number prints as the shortest text that reads back to it: the original for amounts with two
  // decimals; an integer beyond 2^53 may already be wrong, so it is refused.
  if (typeof value === 'number' && Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value))) return String(value);
  return null;
};
