// Applies a fiscal year event to the state.
//
// The state is updated IN PLACE and returned: copying a year of a million documents for every event would
// make an import quadratic. Whoever folds events owns the state (one aggregate per import or command);
// `decide` only reads it, so a refused row leaves it untouched.
import type {
  BudgetLineAmended,
  BudgetLineEstablished,
  DocumentReversed,
  ExpenseCommitted,
  FiscalYearEvent,
  PaymentMade,
  PaymentOrdered,
  ReversibleType,
  RevenueAssessed,
  RevenueCollected,
} from './events.ts';
import type { BudgetLine } from './budgetLine.ts';
import { MEASURE_OF } from './budgetLine.ts';
import type { FiscalYearState } from './state.ts';
import { fingerprintOf } from '../shared/fingerprint.ts';
import { documentFingerprint } from './recorded.ts';
import { centsOf } from '../shared/money.ts';

export const evolve = (state: FiscalYearState, event: FiscalYearEvent): FiscalYearState => {
  switch (event.type) {
    case 'BudgetLineEstablished':
      return lineEstablished(state, event);
    case 'BudgetLineAmended':
      return lineAmended(state, event);
    case 'ExpenseCommitted':
      return track(state, event, 'commitment', null);
    case 'PaymentOrdered':
      return track(state, event, 'order', event.data.commitment);
    case 'PaymentMade':
      return track(state, event, 'payment', event.data.order);
    case 'RevenueAssessed':
      return track(state, event, 'assessment', null);
    case 'RevenueCollected':
      return track(state, event, 'receipt', event.data.assessment);
    case 'DocumentReversed':
      return reversed(state, event);
    default: {
      const _exhaustive: never = event;
      throw new Error(`Unknown fiscal year event ${JSON.stringify(_exhaustive)}`);
    }
  }
};

/** The type of the document each type follows. */
const FOLLOWS: Readonly<Record<ReversibleType, ReversibleType | null>> = {
  commitment: null,
  order: 'commitment',
  payment: 'order',
  assessment: null,
  receipt: 'assessment',
};

const lineEstablished = (state: FiscalYearState, event: BudgetLineEstablished): FiscalYearState => {
  const { kae, side, title, amount, document } = event.data;
  state.lines.set(kae, { kae, side, title, initial: centsOf(amount), amendments: 0n, committed: 0n, ordered: 0n, paid: 0n, assessed: 0n, collected: 0n });
  state.recorded.budget.set(document, fingerprintOf(event));
  return state;
};

const lineAmended = (state: FiscalYearState, event: BudgetLineAmended): FiscalYearState => {
  lineOf(state, event.data.kae).amendments += centsOf(event.data.amount);
  state.recorded.amendment.set(event.data.document, fingerprintOf(event));
  return state;
};

type TrackedEvent = ExpenseCommitted | PaymentOrdered | PaymentMade | RevenueAssessed | RevenueCollected;

/** Records the document, adds it to its line and to the document it follows (named by `followed`). */
const track = (state: FiscalYearState, event: TrackedEvent, type: ReversibleType, followed: string | null): FiscalYearState => {
  const line = lineOf(state, event.data.kae);
  const amount = centsOf(event.data.amount);
  const parentType = FOLLOWS[type];
  const parent = followed === null || parentType === null ? null : rowOf(state, parentType, followed);
  line[MEASURE_OF[type]] += amount;
  if (parentType !== null && parent !== null) state.tracked[parentType].addFollowed(parent, amount);
  state.tracked[type].add(event.data.document, documentFingerprint(event), line, amount, parent);
  return state;
};

const reversed = (state: FiscalYearState, event: DocumentReversed): FiscalYearState => {
  const { type, document } = event.data.reverses;
  const original = state.tracked[type].at(rowOf(state, type, document));
  const amount = centsOf(event.data.amount);
  const parentType = FOLLOWS[type];
  state.tracked[type].addReversed(original.row, amount);
  original.line[MEASURE_OF[type]] -= amount;
  if (parentType !== null && original.follows !== null) state.tracked[parentType].addFollowed(original.follows, -amount);
  state.recorded.reversal.set(event.data.document, fingerprintOf(event));
  return state;
};

// The events were decided against this state, so what they name exists; if not, the stream is corrupt.
const lineOf = (state: FiscalYearState, kae: string): BudgetLine => {
  const line = state.lines.get(kae);
  if (line === undefined) throw new Error(`Fiscal year ${state.year}: event on unknown line ${kae}`);
  return line;
};

const rowOf = (state: FiscalYearState, type: ReversibleType, document: string): number => {
  const row = state.tracked[type].rowOf(document);
  if (row === undefined) throw new Error(`Fiscal year ${state.year}: event names unknown ${type} ${document}`);
  return row;
};
