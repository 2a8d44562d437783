// The delimiter of a file, from its header line: Greek exports use ';' (the comma is the decimal mark),
// others ','. Header names never contain either, so the more frequent one outside quotes is the delimiter.

export type Delimiter = ';' | ',';

export const detectDelimiter = (headerLine: string): Delimiter => {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
};
