// Finding what a row builds on: its budget line, or the document it follows.
import type { DocumentRef } from './commands.ts';
import type { ReversibleType, Side } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { BudgetLine } from './budgetLine.ts';
import type { FiscalYearState } from './state.ts';
import type { TrackedDocument } from './documentTable.ts';
import { ledgerErrors } from './errors.ts';

/** The row's line, which must exist in this year and be on the given side. */
export const lineFor = (state: FiscalYearState, row: DocumentRow, side: Side): BudgetLine => {
  if (row.kae.side !== side) {
    const onLine = { kae: row.kae.kae };
    throw side === 'expense' ? ledgerErrors.OD_KAE_NOT_EXPENSE(onLine) : ledgerErrors.OD_KAE_NOT_REVENUE(onLine);
  }
  return existingLine(state, row);
};

export const existingLine = (state: FiscalYearState, row: DocumentRow): BudgetLine => {
  const line = state.lines.get(row.kae.kae);
  if (line === undefined) throw ledgerErrors.OD_BUDGET_LINE_UNKNOWN({ kae: row.kae.kae, year: state.year });
  return line;
};

/** The row's `ref`, which must name a document of the expected type (checked before any event is built). */
export const requireRef = (row: DocumentRow, expected: ReversibleType): DocumentRef => {
  const { ref } = row;
  if (ref === null) throw ledgerErrors.OD_REF_MISSING({ expected });
  if (ref.type !== expected) throw ledgerErrors.OD_REF_WRONG_TYPE({ expected });
  return ref;
};

const trackedDocument = (state: FiscalYearState, type: ReversibleType, document: string): TrackedDocument => {
  const tracked = state.tracked[type].get(document);
  if (tracked === undefined) throw ledgerErrors.OD_REF_UNKNOWN({ type, document, year: state.year });
  return tracked;
};

const sameLine = (row: DocumentRow, document: TrackedDocument): TrackedDocument => {
  if (document.line.kae !== row.kae.kae) throw ledgerErrors.OD_REF_KAE_MISMATCH({ kae: row.kae.kae, referenced: document.line.kae });
  return document;
};

/** The document a reference names: recorded this year, on the row's ΚΑΕ. */
export const referencedDocument = (state: FiscalYearState, row: DocumentRow, ref: DocumentRef): TrackedDocument =>
  sameLine(row, trackedDocument(state, ref.type, ref.document));
