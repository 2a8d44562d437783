// Given/when/then for the fiscal year: rows built with sensible defaults, a state built by recording rows.
import { Decimal } from 'decimal.js';
import type { DocumentRef, RecordDocument } from '../../../src/domain/ledger/commands.ts';
import type { Counterparty, DocumentType, FiscalYearEvent } from '../../../src/domain/ledger/events.ts';
import type { FiscalYearState } from '../../../src/domain/ledger/state.ts';
import { decideFiscalYear as decide, evolveFiscalYear as evolve, initialFiscalYear } from '../../../src/domain/ledger/index.ts';

export const YEAR = 2026;
export const EXPENSE_KAE = '20-6011';
export const REVENUE_KAE = '0311';
/** A real supplier ΑΦΜ shape (valid check digit). */
export const SUPPLIER: Counterparty = { naturalPerson: false, afm: '090000045', name: 'ΔΕΗ Α.Ε.' };

type RowData = RecordDocument['data'];
type Amount = string | Decimal;
type Overrides = Partial<Omit<RowData, 'amount'>> & { amount?: Amount };

export const row = (documentType: DocumentType, document: string, overrides: Overrides = {}): RecordDocument => {
  const { amount = '100.00', ...rest } = overrides;
  return {
    type: 'RecordDocument',
    data: {
      documentType,
      date: `${YEAR}-03-15`,
      kae: EXPENSE_KAE,
      document,
      ref: null,
      counterparty: null,
      ada: null,
      title: null,
      description: null,
      ...rest,
      amount: typeof amount === 'string' ? new Decimal(amount) : amount,
    },
  };
};

const ref = (type: DocumentRef['type'], document: string): DocumentRef => ({ type, document });

export const budget = (kae: string, amount: Amount, overrides: Overrides = {}) =>
  row('budget', `Π-${kae}`, { kae, amount, title: 'Τακτικές αποδοχές', ...overrides });
export const amendment = (document: string, kae: string, amount: Amount, overrides: Overrides = {}) =>
  row('amendment', document, { kae, amount, ada: 'ΩΧΜ9469ΗΖΞ-7Γ4', ...overrides });
export const commitment = (document: string, amount: Amount, overrides: Overrides = {}) =>
  row('commitment', document, { amount, counterparty: SUPPLIER, ...overrides });
export const order = (document: string, commitmentDocument: string, amount: Amount, overrides: Overrides = {}) =>
  row('order', document, { amount, ref: ref('commitment', commitmentDocument), counterparty: SUPPLIER, ...overrides });
export const payment = (document: string, orderDocument: string, amount: Amount, overrides: Overrides = {}) =>
  row('payment', document, { amount, ref: ref('order', orderDocument), counterparty: SUPPLIER, ...overrides });
export const assessment = (document: string, amount: Amount, overrides: Overrides = {}) =>
  row('assessment', document, { kae: REVENUE_KAE, amount, ...overrides });
export const receipt = (document: string, amount: Amount, assessmentDocument: string | null, overrides: Overrides = {}) =>
  row('receipt', document, {
    kae: REVENUE_KAE,
    amount,
    ref: assessmentDocument === null ? null : ref('assessment', assessmentDocument),
    ...overrides,
  });
export const reversal = (document: string, type: DocumentRef['type'], original: string, amount: Amount, overrides: Overrides = {}) =>
  row('reversal', document, { amount, ref: ref(type, original), ...overrides });

/** Given these rows were recorded (each decided, then its events applied). */
export const given = (...rows: RecordDocument[]): FiscalYearState => rows.reduce(record, initialFiscalYear(YEAR));

export const record = (state: FiscalYearState, command: RecordDocument): FiscalYearState =>
  decide(command, state).reduce(evolve, state);

/** When a row is decided: its single event (the test fails if there is not exactly one). */
export const onlyEvent = (events: FiscalYearEvent[]): FiscalYearEvent => {
  if (events.length !== 1 || events[0] === undefined) throw new Error(`expected one event, got ${events.length}`);
  return events[0];
};
