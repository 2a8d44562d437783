// One public row per budget or movement event. Natural persons are never here by name or ΑΦΜ: the events
// themselves do not carry them (see domain/ledger/events.ts), and the row only says «φυσικό πρόσωπο».
import type { Counterparty, DocumentType, FiscalYearEvent } from '../../domain/index.ts';
import { parseKae } from '../../domain/index.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import { searchDocument } from '../shared/searchText.ts';

export interface TransactionRow {
  readonly position: number;
  readonly id: string;
  readonly year: number;
  readonly date: string;
  readonly type: DocumentType;
  readonly kae: string;
  /** The budget line without the municipality's sub-code ("20-6011" for "20-6011.001"): filters match on it. */
  readonly line: string;
  readonly side: 'revenue' | 'expense';
  readonly amount: string;
  readonly document: string;
  readonly ref: string | null;
  readonly counterparty: Counterparty | null;
  readonly ada: string | null;
  readonly description: string | null;
}

const FISCAL_YEAR_TYPES: ReadonlySet<string> = new Set<FiscalYearEvent['type']>([
  'BudgetLineEstablished',
  'BudgetLineAmended',
  'ExpenseCommitted',
  'PaymentOrdered',
  'PaymentMade',
  'RevenueAssessed',
  'RevenueCollected',
  'DocumentReversed',
]);

export const isFiscalYearEvent = (event: ProjectedEvent): event is ProjectedEvent<FiscalYearEvent['data']> & { type: FiscalYearEvent['type'] } =>
  FISCAL_YEAR_TYPES.has(event.type);

const documentTypeOf = (event: FiscalYearEvent): { type: DocumentType; ref: string | null; counterparty: Counterparty | null } => {
  switch (event.type) {
    case 'BudgetLineEstablished':
      return { type: 'budget', ref: null, counterparty: null };
    case 'BudgetLineAmended':
      return { type: 'amendment', ref: null, counterparty: null };
    case 'ExpenseCommitted':
      return { type: 'commitment', ref: null, counterparty: event.data.counterparty };
    case 'PaymentOrdered':
      return { type: 'order', ref: event.data.commitment, counterparty: event.data.counterparty };
    case 'PaymentMade':
      return { type: 'payment', ref: event.data.order, counterparty: event.data.counterparty };
    case 'RevenueAssessed':
      return { type: 'assessment', ref: null, counterparty: event.data.counterparty };
    case 'RevenueCollected':
      return { type: 'receipt', ref: event.data.assessment, counterparty: event.data.counterparty };
    case 'DocumentReversed':
      return { type: 'reversal', ref: `${event.data.reverses.type}:${event.data.reverses.document}`, counterparty: null };
    default: {
      const _exhaustive: never = event;
      throw new Error(`unknown fiscal-year event ${String(_exhaustive)}`);
    }
  }
};

export const toTransactionRow = (recorded: ProjectedEvent): TransactionRow => {
  const event = { type: recorded.type, data: recorded.data } as FiscalYearEvent;
  const { type, ref, counterparty } = documentTypeOf(event);
  const data = event.data;
  const kae = parseKae(data.kae);
  return {
    position: recorded.position,
    id: recorded.id,
    year: data.year,
    date: data.date,
    type,
    kae: data.kae,
    line: kae.service === null ? kae.code : `${kae.service}-${kae.code}`,
    side: kae.side,
    amount: data.amount,
    document: data.document,
    ref,
    counterparty,
    ada: data.ada,
    description: data.description,
  };
};

export const transactionSearchText = (row: TransactionRow): string =>
  searchDocument(row.description, row.counterparty?.name, row.document, row.ada, row.kae, row.ref);
