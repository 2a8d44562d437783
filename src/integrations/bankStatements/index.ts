// Bank statements (κινήσεις λογαριασμού): the port the bank-statement import owns, and its one adapter, a
// reader of ISO 20022 camt.053 statements and camt.054 debit/credit notifications (versions 001.02 and later).
// Imported only by the composition root and the import kind (eslint.config.js, od/boundaries).
export type {
  Balance,
  BankEntry,
  BankStatement,
  BankStatementFile,
  BankStatementReader,
  CamtMessage,
  CreditDebit,
  CreditorReference,
  EntryPosition,
  Money,
  RefusedEntry,
} from './types.ts';
export type { NotXmlReason } from './errors.ts';
export { camtErrors } from './errors.ts';
export { bookedCredits, camtReader, readCamt, readCamtFrom } from './readCamt.ts';
