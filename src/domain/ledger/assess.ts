// An `assessment` row (βεβαίωση) records revenue the municipality is owed, on a revenue line.
import type { RevenueAssessed } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { lineFor } from './references.ts';
import { unlessRecorded } from './recorded.ts';

export const assess = (row: DocumentRow, state: FiscalYearState): RevenueAssessed[] => {
  const event: RevenueAssessed = { type: 'RevenueAssessed', data: { ...row.fields, counterparty: row.counterparty } };
  return unlessRecorded(state, row, event, () => lineFor(state, row, 'revenue'));
};
