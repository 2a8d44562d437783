// Is this XML a camt.053 or camt.054 message? Its root is Document in the namespace of the message definition
// (urn:iso:std:iso:20022:tech:xsd:camt.053.001.02 … .001.13 and later), holding BkToCstmrStmt or
// BkToCstmrDbtCdtNtfctn. Versions 02 to 08 are those banks send today; later ones keep the elements read here.
import { camtErrors } from './errors.ts';
import type { CamtMessage } from './types.ts';
import type { XmlAncestor } from './xml.ts';

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05[34])\.(001\.(\d{2}))$/;

interface MessageShape {
  /** The element under Document. */
  readonly body: string;
  /** The repeated report in it: a statement or a notification. */
  readonly report: string;
}

export const SHAPES: Readonly<Record<CamtMessage, MessageShape>> = {
  'camt.053': { body: 'BkToCstmrStmt', report: 'Stmt' },
  'camt.054': { body: 'BkToCstmrDbtCdtNtfctn', report: 'Ntfctn' },
};

export interface Detected {
  readonly message: CamtMessage;
  readonly version: string;
  readonly namespace: string;
}

const isMessage = (name: string): name is CamtMessage => name === 'camt.053' || name === 'camt.054';

/**
 * The message, or OD_CAMT_NOT_CAMT saying what was found instead. `body` is the root's one child (still
 * open, while the entries are read), `children` how many the root has.
 */
export const detectCamt = (root: XmlAncestor, body: XmlAncestor | undefined, children: number, lineOf: (offset: number) => number): Detected => {
  const namespace = root.attributes[root.prefix === '' ? 'xmlns' : `xmlns:${root.prefix}`] ?? '';
  const notCamt = (found: string): never => {
    throw camtErrors.OD_CAMT_NOT_CAMT({ line: lineOf(root.start), found });
  };
  if (root.name !== 'Document') return notCamt(`<${root.name}>`);
  const match = NAMESPACE.exec(namespace);
  const message = match?.[1] ?? '';
  // 001.01 was never a message banks sent: the definitions start at 02.
  if (!match || !isMessage(message) || Number(match[3]) < 2) return notCamt(namespace === '' ? '<Document> χωρίς namespace / without a namespace' : namespace);
  if (children !== 1 || body === undefined || body.name !== SHAPES[message].body) return notCamt(`${namespace} <${body?.name ?? ''}>`);
  return { message, version: match[2] ?? '', namespace };
};
