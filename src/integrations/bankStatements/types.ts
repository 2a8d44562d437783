// The port the bank-statement import owns: what a camt.053 statement or camt.054 notification says, as the
// import needs it to pay debts. Money is Decimal, exact as the bank wrote it. Names and accounts of payers
// are personal data: the import keeps them out of logs, metrics and public read models.
import type { Decimal } from 'decimal.js';
import type { IngestError } from '../../ingest/errors.ts';

/** camt.053: Bank-to-Customer Statement (κίνηση λογαριασμού); camt.054: Debit/Credit Notification. */
export type CamtMessage = 'camt.053' | 'camt.054';

export type CreditDebit = 'CRDT' | 'DBIT';

/** Where an entry is in the file, for a report that names a bad one. */
export interface EntryPosition {
  /** 1-based: the statement (Stmt or Ntfctn) of the file. */
  readonly statement: number;
  /** 1-based: the Ntry of its statement. */
  readonly entry: number;
  /** 1-based: the TxDtls of a batch entry; null for an entry reported whole. */
  readonly transaction: number | null;
  /** The line of the file where its element (TxDtls, or Ntry) starts. */
  readonly line: number;
  /** XPath-like: /Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]. */
  readonly path: string;
}

export interface Money {
  readonly amount: Decimal;
  /** ISO 4217, as the Ccy attribute gives it. */
  readonly currency: string;
}

/** The structured creditor reference, RmtInf/Strd/CdtrRefInf. */
export interface CreditorReference {
  readonly ref: string;
  /** Tp/CdOrPrtry/Cd (SCOR: an ISO 11649 RF) or Prtry, null when absent. */
  readonly type: string | null;
}

/** One credit or debit: an entry (Ntry), or one transaction (TxDtls) of a batch entry. */
export interface BankEntry extends Money {
  /** Stable across re-deliveries of the same booking, for idempotency (see entryId.ts). */
  readonly id: string;
  readonly position: EntryPosition;
  readonly creditDebit: CreditDebit;
  /** BOOK, PDNG, INFO… (Sts or Sts/Cd or Sts/Prtry). */
  readonly status: string;
  /** Only booked entries count; pending ones are reported. */
  readonly booked: boolean;
  /** RvslInd: the entry reverses an earlier one. */
  readonly reversal: boolean;
  /** YYYY-MM-DD (the date part of a DtTm). */
  readonly bookingDate: string | null;
  readonly valueDate: string | null;
  /** The bank's reference of the entry (the transaction's own in a batch, when it has one). */
  readonly accountServicerRef: string | null;
  readonly entryRef: string | null;
  readonly endToEndId: string | null;
  /** Personal data: the payer. */
  readonly debtor: { readonly name: string | null; readonly iban: string | null };
  readonly creditorReference: CreditorReference | null;
  /** RmtInf/Ustrd lines, where Greek banks often put the RF. */
  readonly unstructured: readonly string[];
  /** The first valid ISO 11649 RF: the structured reference if it is one, else one found in the Ustrd text. */
  readonly rf: string | null;
}

export interface Balance extends Money {
  /** OPBD, CLBD, PRCD, ITBD… */
  readonly type: string;
  readonly creditDebit: CreditDebit;
  readonly date: string | null;
}

/** One Stmt (camt.053) or Ntfctn (camt.054). */
export interface BankStatement {
  readonly id: string;
  readonly createdAt: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly account: { readonly iban: string | null; readonly other: string | null; readonly currency: string | null };
  /** OPBD (or PRCD) and CLBD; a notification has none. */
  readonly opening: Balance | null;
  readonly closing: Balance | null;
  readonly entries: readonly BankEntry[];
}

/** An entry the reader could not take, with why: the import reports it and, all or nothing, refuses the file. */
export interface RefusedEntry {
  readonly position: EntryPosition;
  readonly refusal: IngestError;
}

export interface BankStatementFile {
  readonly message: CamtMessage;
  /** The message definition's version, "001.08". */
  readonly version: string;
  readonly namespace: string;
  /** GrpHdr/MsgId. */
  readonly messageId: string | null;
  readonly createdAt: string | null;
  readonly statements: readonly BankStatement[];
  readonly refused: readonly RefusedEntry[];
}

/** The port: a file's bytes (or text) → its statements, or a refusal of the whole file (IngestError). */
export interface BankStatementReader {
  readonly read: (input: Uint8Array | string) => BankStatementFile;
}
