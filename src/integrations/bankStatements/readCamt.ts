// The camt.053 / camt.054 reader, the one adapter of the bank-statement port: bytes → text → XML → the
// message's statements (or notifications), their balances, and every booked or pending entry, each with its
// place in the file. A file that is not XML or not camt is refused whole; a bad entry is listed in `refused`
// and the others are still read, so that the import's report names every one.
import type { IngestError } from '../../ingest/errors.ts';
import { isIngestError } from '../../ingest/errors.ts';
import { decodeStatement } from './decode.ts';
import { detectCamt, SHAPES } from './detect.ts';
import type { EntryContext, ReadEntries } from './entries.ts';
import { readEntry } from './entries.ts';
import { camtErrors } from './errors.ts';
import type { Balance, BankEntry, BankStatement, BankStatementFile, BankStatementReader } from './types.ts';
import type { Place } from './values.ts';
import { codeOf, creditDebitOf, dateOf, moneyOf } from './values.ts';
import type { XmlAncestor, XmlElement } from './xml.ts';
import { XmlMalformed, at, child, childrenNamed, lineFinder, parseXml, textAt } from './xml.ts';

/** A statement's own values are the file's: a bad one refuses it. */
const required = <T>(value: T | IngestError): T => {
  if (isIngestError(value)) throw value;
  return value;
};

const balanceOf = (bal: XmlElement, place: Place): Balance => {
  const money = required(moneyOf(child(bal, 'Amt'), place));
  return {
    amount: money.amount,
    currency: money.currency,
    type: codeOf(at(bal, 'Tp', 'CdOrPrtry')) ?? '',
    creditDebit: required(creditDebitOf(textAt(bal, 'CdtDbtInd'), place)),
    date: required(dateOf(child(bal, 'Dt'), 'Dt', place)),
  };
};

/** A statement's own elements (all before its entries, in schema order), read when its first entry closes. */
const contextOf = (report: XmlAncestor, n: number, path: string, lineOf: (offset: number) => number): EntryContext => {
  const place = { line: lineOf(report.start), path };
  const id = textAt(report, 'Id');
  if (id === null) throw camtErrors.OD_CAMT_ELEMENT_MISSING({ ...place, element: 'Id' });
  const account = textAt(report, 'Acct', 'Id', 'IBAN') ?? textAt(report, 'Acct', 'Id', 'Othr', 'Id');
  if (account === null) throw camtErrors.OD_CAMT_ELEMENT_MISSING({ ...place, element: 'Acct/Id' });
  return { statement: n, statementId: id, account, path, lineOf };
};

const statementOf = (report: XmlElement, context: EntryContext, entries: readonly BankEntry[]): BankStatement => {
  const balances = childrenNamed(report, 'Bal').map((bal, i) => balanceOf(bal, { line: context.lineOf(bal.start), path: `${context.path}/Bal[${i + 1}]` }));
  return {
    id: context.statementId,
    createdAt: textAt(report, 'CreDtTm'),
    from: textAt(report, 'FrToDt', 'FrDtTm'),
    to: textAt(report, 'FrToDt', 'ToDtTm'),
    account: { iban: textAt(report, 'Acct', 'Id', 'IBAN'), other: textAt(report, 'Acct', 'Id', 'Othr', 'Id'), currency: textAt(report, 'Acct', 'Ccy') },
    opening: balances.find((b) => b.type === 'OPBD') ?? balances.find((b) => b.type === 'PRCD') ?? null,
    closing: balances.find((b) => b.type === 'CLBD') ?? null,
    entries,
  };
};

interface StatementRead {
  readonly context: EntryContext;
  readonly entries: BankEntry[];
  /** Its entries (Ntry) read so far: the number of the next. */
  ntries: number;
}

const notXml = (error: unknown, lineOf: (offset: number) => number): unknown =>
  error instanceof XmlMalformed ? camtErrors.OD_CAMT_NOT_XML({ line: lineOf(error.offset), reason: error.problem }) : error;

/** Reads a whole camt.053 or camt.054 file; throws its refusal (IngestError) when it is neither. */
export const readCamt = (input: Uint8Array | string): BankStatementFile => {
  const text = decodeStatement(input);
  if (text.trim() === '') throw camtErrors.OD_CAMT_NOT_XML({ line: 1, reason: 'empty' });
  if (!text.trimStart().startsWith('<')) throw camtErrors.OD_CAMT_NOT_XML({ line: 1, reason: 'text' });
  const lineOf = lineFinder(text);
  const out: ReadEntries = { entries: [], refused: [] };
  // Statements by the offset of their element: their context, and the entries read from them.
  const statements = new Map<number, StatementRead>();
  const statementAt = (root: XmlAncestor, body: XmlAncestor, report: XmlAncestor): StatementRead => {
    const known = statements.get(report.start);
    if (known !== undefined) return known;
    const { message } = detectCamt(root, body, 1, lineOf);
    const shape = SHAPES[message];
    // The statements before this one are closed children of the body; this one is still open.
    const n = childrenNamed(body, shape.report).length + 1;
    const found: StatementRead = { context: contextOf(report, n, `/Document/${shape.body}/${shape.report}[${n}]`, lineOf), entries: [], ntries: 0 };
    statements.set(report.start, found);
    return found;
  };
  // Each entry is read as it closes and dropped from the tree (see OnClose).
  const onClose = (element: XmlElement, ancestors: readonly XmlAncestor[]): boolean => {
    const [root, body, report] = ancestors;
    if (element.name !== 'Ntry' || ancestors.length !== 3 || root === undefined || body === undefined || report === undefined || (report.name !== 'Stmt' && report.name !== 'Ntfctn')) return false;
    const statement = statementAt(root, body, report);
    const first = out.entries.length;
    statement.ntries++;
    readEntry(element, statement.ntries, statement.context, out);
    for (let i = first; i < out.entries.length; i++) statement.entries.push(out.entries[i] as BankEntry);
    return true;
  };
  let root: XmlElement;
  try {
    root = parseXml(text, onClose);
  } catch (error) {
    throw notXml(error, lineOf);
  }
  const body = root.children[0];
  const { message, version, namespace } = detectCamt(root, body, root.children.length, lineOf);
  const shape = SHAPES[message];
  const read = childrenNamed(body, shape.report).map((report, i) => {
    const n = i + 1;
    const found = statements.get(report.start) ?? { context: contextOf(report, n, `/Document/${shape.body}/${shape.report}[${n}]`, lineOf), entries: [], ntries: 0 };
    return statementOf(report, found.context, found.entries);
  });
  return { message, version, namespace, messageId: textAt(body, 'GrpHdr', 'MsgId'), createdAt: textAt(body, 'GrpHdr', 'CreDtTm'), statements: read, refused: out.refused };
};

export const camtReader: BankStatementReader = { read: readCamt };

/** The same, from a stream of chunks (an upload). */
export const readCamtFrom = async (chunks: AsyncIterable<Uint8Array>): Promise<BankStatementFile> => {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return readCamt(Buffer.concat(parts));
};

/** What may pay debts: booked credits that reverse nothing, in file order. Debits, pending and reversals are the clerk's to see, not to match. */
export const bookedCredits = (file: BankStatementFile): BankEntry[] =>
  file.statements.flatMap((s) => s.entries.filter((e) => e.booked && e.creditDebit === 'CRDT' && !e.reversal));
