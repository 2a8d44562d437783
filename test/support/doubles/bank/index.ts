// The bank's side of the statement import: valid ISO 20022 camt.053 (Bank-to-Customer Statement) and
// camt.054 (Debit/Credit Notification) documents, as a bank's e-banking export gives them, in two layouts:
// version 001.02 (still the most common: `<Sts>BOOK</Sts>`, `<Dbtr><Nm>`, a transaction's amount in
// AmtDtls/TxAmt) and 001.08 (`<Sts><Cd>BOOK</Cd></Sts>`, `<Dbtr><Pty><Nm>`, TxDtls/Amt). Elements come in
// the order of the message definitions (camt.053.001.08.xsd: AccountStatement9, ReportEntry10,
// EntryTransaction10; their 001.02 predecessors), so a schema-validating reader would accept them too.

export type CamtMessage = 'camt.053' | 'camt.054';
export type CamtVersion = '02' | '08';

/** One transaction: a whole entry, or one of a batch entry's TxDtls. */
export interface CamtTransaction {
  /** As the bank writes it: "45.00", "1234.5", "0.01". */
  readonly amount: string;
  readonly currency?: string;
  readonly creditDebit?: 'CRDT' | 'DBIT';
  readonly accountServicerRef?: string;
  readonly endToEndId?: string;
  readonly debtorName?: string;
  readonly debtorIban?: string;
  /** RmtInf/Strd/CdtrRefInf/Ref. */
  readonly creditorRef?: string;
  /** Whether CdtrRefInf/Tp says SCOR (issuer ISO): an ISO 11649 reference. Default true. */
  readonly scor?: boolean;
  /** RmtInf/Ustrd lines. */
  readonly unstructured?: readonly string[];
}

export interface CamtEntry extends CamtTransaction {
  readonly entryRef?: string;
  /** BOOK (default), PDNG, INFO. */
  readonly status?: string;
  readonly reversal?: boolean;
  /** YYYY-MM-DD, or a date and time. */
  readonly bookingDate?: string;
  readonly valueDate?: string;
  /** A batch entry: its transactions, each its own TxDtls; an entry amount of '' is their sum. */
  readonly batch?: readonly CamtTransaction[];
  /** Leave out the entry's Amt, as a broken export does. */
  readonly withoutAmount?: boolean;
}

export interface CamtBalance {
  readonly amount: string;
  readonly creditDebit?: 'CRDT' | 'DBIT';
  readonly date: string;
}

export interface CamtStatement {
  readonly id: string;
  readonly iban: string;
  readonly currency?: string;
  readonly ownerName?: string;
  readonly createdAt?: string;
  readonly from?: string;
  readonly to?: string;
  /** camt.053 only: OPBD and CLBD. */
  readonly opening?: CamtBalance;
  readonly closing?: CamtBalance;
  readonly entries: readonly CamtEntry[];
}

export interface CamtDocumentOptions {
  readonly message: CamtMessage;
  readonly version?: CamtVersion;
  readonly messageId?: string;
  readonly createdAt?: string;
  readonly statements: readonly CamtStatement[];
  /** Pretty-printed with one element per line (default), or all on one line. */
  readonly indent?: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** An element tree, written out with or without indentation. */
type Node = readonly [name: string, content: string | readonly (Node | null)[], attributes?: Readonly<Record<string, string>>];

const el = (name: string, content: string | readonly (Node | null)[], attributes?: Readonly<Record<string, string>>): Node =>
  attributes === undefined ? [name, content] : [name, content, attributes];

const write = (node: Node, indent: boolean, depth: number, out: string[]): void => {
  const [name, content, attributes] = node;
  const pad = indent ? '  '.repeat(depth) : '';
  const attrs = attributes === undefined ? '' : Object.entries(attributes).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  if (typeof content === 'string') {
    out.push(`${pad}<${name}${attrs}>${escape(content)}</${name}>`);
    return;
  }
  out.push(`${pad}<${name}${attrs}>`);
  for (const child of content) if (child !== null) write(child, indent, depth + 1, out);
  out.push(`${pad}</${name}>`);
};

const when = <T>(value: T | undefined, make: (value: T) => Node): Node | null => (value === undefined ? null : make(value));

const ROOTS: Readonly<Record<CamtMessage, { readonly root: string; readonly report: string }>> = {
  'camt.053': { root: 'BkToCstmrStmt', report: 'Stmt' },
  'camt.054': { root: 'BkToCstmrDbtCdtNtfctn', report: 'Ntfctn' },
};

export const camtNamespace = (message: CamtMessage, version: CamtVersion): string => `urn:iso:std:iso:20022:tech:xsd:${message}.001.${version}`;

const dateChoice = (name: string, date: string): Node => el(name, [el(date.length > 10 ? 'DtTm' : 'Dt', date)]);

const amount = (value: string, currency: string): Node => el('Amt', value, { Ccy: currency });

// ExternalBankTransactionDomain/Family/SubFamily: payments, received or issued credit transfers, SEPA.
const bankTransactionCode = (creditDebit: 'CRDT' | 'DBIT'): Node =>
  el('BkTxCd', [el('Domn', [el('Cd', 'PMNT'), el('Fmly', [el('Cd', creditDebit === 'CRDT' ? 'RCDT' : 'ICDT'), el('SubFmlyCd', 'ESCT')])])]);

const party = (version: CamtVersion, name: string): readonly Node[] => (version === '02' ? [el('Nm', name)] : [el('Pty', [el('Nm', name)])]);

const remittance = (t: CamtTransaction): Node | null => {
  if (t.creditorRef === undefined && t.unstructured === undefined) return null;
  const type = t.scor === false ? null : el('Tp', [el('CdOrPrtry', [el('Cd', 'SCOR')]), el('Issr', 'ISO')]);
  return el('RmtInf', [
    ...(t.unstructured ?? []).map((line) => el('Ustrd', line)),
    when(t.creditorRef, (ref) => el('Strd', [el('CdtrRefInf', [type, el('Ref', ref)])])),
  ]);
};

const transactionDetails = (version: CamtVersion, t: CamtTransaction, entry: CamtEntry, currency: string): Node => {
  const creditDebit = t.creditDebit ?? entry.creditDebit ?? 'CRDT';
  const refs =
    t.accountServicerRef === undefined && t.endToEndId === undefined
      ? null
      : el('Refs', [when(t.accountServicerRef, (r) => el('AcctSvcrRef', r)), when(t.endToEndId, (r) => el('EndToEndId', r))]);
  const parties =
    t.debtorName === undefined && t.debtorIban === undefined
      ? null
      : el('RltdPties', [when(t.debtorName, (n) => el('Dbtr', party(version, n))), when(t.debtorIban, (iban) => el('DbtrAcct', [el('Id', [el('IBAN', iban)])]))]);
  const txCurrency = t.currency ?? currency;
  // 001.02 has no TxDtls/Amt: the transaction's amount is AmtDtls/TxAmt/Amt.
  const amounts =
    version === '02'
      ? [el('AmtDtls', [el('TxAmt', [amount(t.amount, txCurrency)])])]
      : [amount(t.amount, txCurrency), el('CdtDbtInd', creditDebit)];
  return el('TxDtls', [refs, ...amounts, bankTransactionCode(creditDebit), parties, remittance(t)]);
};

const sum = (values: readonly string[]): string => {
  // Cents as integers: the generator must not round what it adds up.
  const cents = values.reduce((total, v) => {
    const [whole = '0', fraction = ''] = v.split('.');
    return total + BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  }, 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
};

const entryNode = (version: CamtVersion, entry: CamtEntry, currency: string): Node => {
  const creditDebit = entry.creditDebit ?? 'CRDT';
  const status = entry.status ?? 'BOOK';
  const total = entry.batch !== undefined && entry.amount === '' ? sum(entry.batch.map((t) => t.amount)) : entry.amount;
  const transactions = entry.batch ?? [entry];
  const batchInfo = entry.batch === undefined ? null : el('Btch', [el('NbOfTxs', String(entry.batch.length)), el('TtlAmt', total, { Ccy: currency }), el('CdtDbtInd', creditDebit)]);
  return el('Ntry', [
    when(entry.entryRef, (r) => el('NtryRef', r)),
    entry.withoutAmount === true ? null : amount(total, entry.currency ?? currency),
    el('CdtDbtInd', creditDebit),
    entry.reversal === true ? el('RvslInd', 'true') : null,
    version === '02' ? el('Sts', status) : el('Sts', [el('Cd', status)]),
    when(entry.bookingDate, (d) => dateChoice('BookgDt', d)),
    when(entry.valueDate ?? entry.bookingDate, (d) => dateChoice('ValDt', d)),
    when(entry.accountServicerRef, (r) => el('AcctSvcrRef', r)),
    bankTransactionCode(creditDebit),
    el('NtryDtls', [batchInfo, ...transactions.map((t) => transactionDetails(version, entry.batch === undefined ? { ...t, accountServicerRef: undefined } : t, entry, currency))]),
  ]);
};

const balance = (type: 'OPBD' | 'CLBD', b: CamtBalance, currency: string): Node =>
  el('Bal', [el('Tp', [el('CdOrPrtry', [el('Cd', type)])]), amount(b.amount, currency), el('CdtDbtInd', b.creditDebit ?? 'CRDT'), el('Dt', [el('Dt', b.date)])]);

const statementNode = (message: CamtMessage, version: CamtVersion, s: CamtStatement, createdAt: string): Node => {
  const currency = s.currency ?? 'EUR';
  const period = s.from === undefined || s.to === undefined ? null : el('FrToDt', [el('FrDtTm', `${s.from}T00:00:00`), el('ToDtTm', `${s.to}T23:59:59`)]);
  const account = el('Acct', [el('Id', [el('IBAN', s.iban)]), el('Ccy', currency), when(s.ownerName, (n) => el('Ownr', [el('Nm', n)]))]);
  const balances =
    message === 'camt.053'
      ? [balance('OPBD', s.opening ?? { amount: '0.00', date: s.from ?? createdAt.slice(0, 10) }, currency), balance('CLBD', s.closing ?? { amount: '0.00', date: s.to ?? createdAt.slice(0, 10) }, currency)]
      : [];
  return el(ROOTS[message].report, [el('Id', s.id), el('CreDtTm', s.createdAt ?? createdAt), period, account, ...balances, ...s.entries.map((e) => entryNode(version, e, currency))]);
};

/** A whole camt document, with its XML declaration. */
export const camtDocument = (o: CamtDocumentOptions): string => {
  const version = o.version ?? '08';
  const createdAt = o.createdAt ?? '2025-10-03T08:00:00';
  const { root } = ROOTS[o.message];
  const header = el('GrpHdr', [el('MsgId', o.messageId ?? `MSG-${o.statements[0]?.id ?? 'EMPTY'}`), el('CreDtTm', createdAt)]);
  const document = el('Document', [el(root, [header, ...o.statements.map((s) => statementNode(o.message, version, s, createdAt))])], {
    xmlns: camtNamespace(o.message, version),
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  });
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(document, o.indent ?? true, 0, out);
  return out.join(o.indent === false ? '' : '\n') + '\n';
};

/** `count` booked credits of one statement, each with its own RF (made by `rfOf`), for benches and volume tests. */
export const manyCredits = (count: number, rfOf: (i: number) => string, version: CamtVersion = '08'): string =>
  camtDocument({
    message: 'camt.053',
    version,
    statements: [
      {
        id: `STMT-BULK-${count}`,
        iban: 'GR1601101250000000012300695',
        from: '2025-10-01',
        to: '2025-10-31',
        entries: Array.from({ length: count }, (_, i) => ({
          amount: `${10 + (i % 500)}.${String(i % 100).padStart(2, '0')}`,
          bookingDate: '2025-10-02',
          accountServicerRef: `BULK${String(i).padStart(8, '0')}`,
          endToEndId: `E2E-${i}`,
          debtorName: `Οφειλέτης ${i}`,
          debtorIban: 'GR1601101250000000012300695',
          creditorRef: rfOf(i),
        })),
      },
    ],
  });
