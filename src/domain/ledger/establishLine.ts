// A `budget` row (προϋπολογισμός) establishes a line: the initial appropriation of an expense line or the
// estimate of a revenue line, with its title.
import type { BudgetLineEstablished } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { FiscalYearState } from './state.ts';
import { unlessRecorded } from './recorded.ts';
import { ledgerErrors } from './errors.ts';

export const establishLine = (row: DocumentRow, state: FiscalYearState): BudgetLineEstablished[] => {
  const event: BudgetLineEstablished = {
    type: 'BudgetLineEstablished',
    data: { ...row.fields, side: row.kae.side, title: titleOf(row) },
  };
  return unlessRecorded(state, row, event, () => {
    if (state.lines.has(row.kae.kae)) throw ledgerErrors.OD_BUDGET_LINE_EXISTS({ kae: row.kae.kae, year: state.year });
  });
};

/** The row's own title; the import fills a missing one from the classification (see withLineTitle.ts). */
const titleOf = (row: DocumentRow): string => {
  if (row.title === null) throw ledgerErrors.OD_BUDGET_TITLE_MISSING({ kae: row.kae.kae });
  return row.title;
};
