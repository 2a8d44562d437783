// An uploaded XML document made into a tree of namespaced elements, or refused with the reason. Refused
// before any parsing: more than 5 MB, not UTF-8, a DTD (UBL never has one; refusing it keeps entity expansion,
// "billion laughs", and external entities out: fast-xml-parser expands none but the five named and numeric
// references then), nesting deeper than any invoice needs. Then fast-xml-parser checks well-formedness and
// reads it in document order; namespaces are resolved here, since a sender may choose its own prefixes.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const MAX_XML_BYTES = 5 * 1024 * 1024;
/** A Peppol invoice nests about eight deep; forty leaves room and keeps a crafted file from exhausting the stack. */
export const MAX_XML_DEPTH = 40;

export interface XmlNode {
  readonly ns: string | null;
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  readonly text: string;
}

export type XmlRefusal =
  | { readonly kind: 'too-large' }
  | { readonly kind: 'not-utf8' }
  | { readonly kind: 'doctype' }
  | { readonly kind: 'too-deep' }
  | { readonly kind: 'malformed'; readonly line: number; readonly column: number; readonly message: string };

export type XmlTreeResult = { readonly ok: true; readonly root: XmlNode } | { readonly ok: false; readonly refusal: XmlRefusal };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

/** The deepest nesting of elements, counted over the text without building anything (comments and CDATA skipped). */
const depthOf = (text: string, limit: number): number => {
  let depth = 0;
  let deepest = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    if (text.startsWith('<!--', i)) i = text.indexOf('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = text.indexOf(']]>', i + 9);
    else if (text.startsWith('<?', i)) i = text.indexOf('?>', i + 2);
    else if (text[i + 1] === '/') depth -= 1;
    else {
      const end = text.indexOf('>', i);
      if (end === -1) return deepest;
      if (text[end - 1] !== '/') depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
      i = end;
    }
    if (i === -1) return deepest;
    i = text.indexOf('<', i + 1);
  }
  return deepest;
};

type Ordered = Record<string, unknown>;

const toNode = (entry: Ordered, scope: ReadonlyMap<string, string>): XmlNode | null => {
  const name = Object.keys(entry).find((k) => k !== ':@');
  if (name === undefined || name === '#text') return null;
  const raw = (entry[':@'] ?? {}) as Record<string, string>;
  const own = new Map(scope);
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'xmlns') own.set('', value);
    else if (key.startsWith('xmlns:')) own.set(key.slice(6), value);
    else attributes[key.includes(':') ? key.slice(key.indexOf(':') + 1) : key] = value;
  }
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const list = (entry[name] ?? []) as Ordered[];
  const children: XmlNode[] = [];
  let text = '';
  for (const child of list) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const node = toNode(child, own);
      if (node) children.push(node);
    }
  }
  return { ns: own.get(prefix) ?? null, local: colon === -1 ? name : name.slice(colon + 1), attributes, children, text: text.trim() };
};

export const readXmlTree = (bytes: Uint8Array): XmlTreeResult => {
  if (bytes.length > MAX_XML_BYTES) return { ok: false, refusal: { kind: 'too-large' } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, refusal: { kind: 'not-utf8' } };
  }
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) return { ok: false, refusal: { kind: 'doctype' } };
  if (depthOf(text, MAX_XML_DEPTH) > MAX_XML_DEPTH) return { ok: false, refusal: { kind: 'too-deep' } };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, refusal: { kind: 'malformed', line: valid.err.line, column: valid.err.col, message: valid.err.msg } };
  const document = parser.parse(text) as Ordered[];
  const roots = document.map((entry) => toNode(entry, new Map())).filter((n): n is XmlNode => n !== null);
  const [root] = roots;
  if (root === undefined || roots.length !== 1) return { ok: false, refusal: { kind: 'malformed', line: 1, column: 1, message: 'one root element expected' } };
  return { ok: true, root };
};
