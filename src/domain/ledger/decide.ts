// The fiscal year's decider: one row of the finance department's export in, its event (or none) out.
import type { FiscalYearCommand, RecordDocument } from './commands.ts';
import type { FiscalYearEvent } from './events.ts';
import type { FiscalYearState } from './state.ts';
import { documentRow } from './documentRow.ts';
import { establishLine } from './establishLine.ts';
import { amendLine } from './amendLine.ts';
import { commit } from './commit.ts';
import { orderPayment } from './orderPayment.ts';
import { pay } from './pay.ts';
import { assess } from './assess.ts';
import { collect } from './collect.ts';
import { reverse } from './reverse.ts';

/** Pure: reads the state, never changes it. Returns [] for a document already recorded with the same content. */
export const decide = (command: FiscalYearCommand, state: FiscalYearState): FiscalYearEvent[] => {
  switch (command.type) {
    case 'RecordDocument':
      return recordDocument(command, state);
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`Unknown fiscal year command ${String(_exhaustive)}`);
    }
  }
};

const recordDocument = (command: RecordDocument, state: FiscalYearState): FiscalYearEvent[] => {
  const row = documentRow(command.data, state.year);
  switch (row.documentType) {
    case 'budget':
      return establishLine(row, state);
    case 'amendment':
      return amendLine(row, state);
    case 'commitment':
      return commit(row, state);
    case 'order':
      return orderPayment(row, state);
    case 'payment':
      return pay(row, state);
    case 'assessment':
      return assess(row, state);
    case 'receipt':
      return collect(row, state);
    case 'reversal':
      return reverse(row, state);
    default: {
      const _exhaustive: never = row.documentType;
      throw new Error(`Unknown document type ${String(_exhaustive)}`);
    }
  }
};
