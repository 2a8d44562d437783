// The line of the XML each problem's path points at, so that a supplier finds it in their editor. The tree
// fast-xml-parser builds has no positions, so the text (already found well formed and without a DTD) is
// scanned once more, tags only: each element's path in the reader's words (cbc:/cac: whatever the sender's
// prefixes), every step indexed, and the line its start tag is on. A problem about something missing points
// at the nearest element that is there (the line, the party, the totals).

// The namespaces of readUbl.ts's UBL_NAMESPACES (not imported: that module imports this one).
const PREFIX_OF = new Map<string, string>([
  ['urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2', 'cac'],
  ['urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2', 'cbc'],
]);

// A tag: its name, then attributes (quoted values may hold '>'), then an optional '/'.
const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/y;
const XMLNS = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Every step with its index: `cac:InvoiceLine/cbc:ID` → `cac:InvoiceLine[1]/cbc:ID[1]`. */
const indexed = (path: string): string =>
  path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (s.endsWith(']') ? s : `${s}[1]`))
    .join('/');

interface Open {
  readonly path: string;
  readonly scope: ReadonlyMap<string, string>;
  readonly counts: Map<string, number>;
}

/** The start line of each element, by its indexed path (the root's children at the top). */
const linesOf = (text: string): Map<string, number> => {
  const lines = new Map<string, number>();
  const stack: Open[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (index: number): number => {
    for (let i = counted; i < index; i++) if (text.charCodeAt(i) === 10) line += 1;
    counted = Math.max(counted, index);
    return line;
  };
  let i = text.indexOf('<');
  while (i !== -1) {
    const skip = text.startsWith('<!--', i) ? '-->' : text.startsWith('<![CDATA[', i) ? ']]>' : text.startsWith('<?', i) ? '?>' : null;
    if (skip) {
      const end = text.indexOf(skip, i);
      if (end === -1) break;
      i = text.indexOf('<', end + skip.length);
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(text);
    if (!m) {
      i = text.indexOf('<', i + 1);
      continue;
    }
    const [, closing, name, attributes, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) stack.pop();
    else {
      const parent = stack[stack.length - 1];
      const scope = new Map(parent?.scope ?? []);
      for (const ns of attributes.matchAll(XMLNS)) scope.set(ns[1] ?? '', ns[2] ?? ns[3] ?? '');
      const colon = name.indexOf(':');
      const uri = scope.get(colon === -1 ? '' : name.slice(0, colon));
      const local = colon === -1 ? name : name.slice(colon + 1);
      const qualified = `${(uri && PREFIX_OF.get(uri)) ?? '?'}:${local}`;
      let path = '';
      if (parent) {
        const n = (parent.counts.get(qualified) ?? 0) + 1;
        parent.counts.set(qualified, n);
        path = parent.path === '' ? `${qualified}[${n}]` : `${parent.path}/${qualified}[${n}]`;
        if (!lines.has(path)) lines.set(path, lineAt(i));
      }
      if (!selfClosing) stack.push({ path, scope, counts: new Map() });
    }
    i = text.indexOf('<', TAG.lastIndex);
  }
  return lines;
};

/** A lookup of the line a problem's path is on, or its nearest present ancestor's; null for the whole file. */
export const lineLocator = (bytes: Uint8Array): ((path: string) => number | null) => {
  let lines: Map<string, number> | null = null;
  return (path) => {
    // Only called on a file the reader decoded as UTF-8.
    lines ??= linesOf(new TextDecoder('utf-8').decode(bytes));
    const steps = indexed(path).split('/').filter((s) => s !== '');
    for (let n = steps.length; n > 0; n--) {
      const found = lines.get(steps.slice(0, n).join('/'));
      if (found !== undefined) return found;
    }
    return null;
  };
};
