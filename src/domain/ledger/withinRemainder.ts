// The one rule behind commit, order, pay, collect and reverse: a row may take up what is left, not a cent more.
import type { DomainError } from '../shared/errors.ts';
import type { DocumentRow } from './documentRow.ts';
import type { Excess } from './errors.ts';

/** Refuses the row, with the refusal of its type, when its amount exceeds `available` (cents); equal is fine. */
export const withinRemainder = (row: DocumentRow, available: bigint, refusal: (excess: Excess) => DomainError): void => {
  if (row.cents > available) throw refusal({ amount: row.fields.amount, remainder: available });
};
