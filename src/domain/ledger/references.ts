// Finding what a row builds on: its budget line, or the document it follows.
import type { DocumentRef } from './commands.ts';
import type { ReversibleType, Side } from './events.ts';
import type { DocumentRow } from './documentRow.ts';
import type { BudgetLine } from './budgetLine.ts';
import type { FiscalYearState } from './state.ts';
import type { TrackedDocument } from './documentTable.ts';
import { documentTypeNames } from './documentTypes.ts';
import { DomainError } from '../shared/errors.ts';

/** The row's line, which must exist in this year and be on the given side. */
export const lineFor = (state: FiscalYearState, row: DocumentRow, side: Side): BudgetLine => {
  if (row.kae.side !== side) {
    throw side === 'expense'
      ? new DomainError('OD_KAE_NOT_EXPENSE', `Ο ΚΑΕ ${row.kae.kae} είναι κωδικός εσόδων, όχι εξόδων`, `ΚΑΕ ${row.kae.kae} is a revenue code, not an expense code`, 'kae')
      : new DomainError('OD_KAE_NOT_REVENUE', `Ο ΚΑΕ ${row.kae.kae} είναι κωδικός εξόδων, όχι εσόδων`, `ΚΑΕ ${row.kae.kae} is an expense code, not a revenue code`, 'kae');
  }
  return existingLine(state, row);
};

export const existingLine = (state: FiscalYearState, row: DocumentRow): BudgetLine => {
  const line = state.lines.get(row.kae.kae);
  if (line === undefined) {
    throw new DomainError(
      'OD_BUDGET_LINE_UNKNOWN',
      `Δεν υπάρχει γραμμή προϋπολογισμού ${row.kae.kae} στο έτος ${state.year}`,
      `There is no budget line ${row.kae.kae} in ${state.year}`,
      'kae',
    );
  }
  return line;
};

/** The row's `ref`, which must name a document of the expected type (checked before any event is built). */
export const requireRef = (row: DocumentRow, expected: ReversibleType): DocumentRef => {
  const { ref } = row;
  const name = documentTypeNames[expected];
  if (ref === null) {
    throw new DomainError('OD_REF_MISSING', `Λείπει το σχετικό παραστατικό (${name.el})`, `The referenced document (${name.en}) is missing`, 'ref');
  }
  if (ref.type !== expected) {
    throw new DomainError('OD_REF_WRONG_TYPE', `Το σχετικό παραστατικό πρέπει να είναι ${name.el}`, `The referenced document must be a ${name.en}`, 'ref');
  }
  return ref;
};

const trackedDocument = (state: FiscalYearState, type: ReversibleType, document: string): TrackedDocument => {
  const tracked = state.tracked[type].get(document);
  if (tracked === undefined) {
    const name = documentTypeNames[type];
    throw new DomainError(
      'OD_REF_UNKNOWN',
      `Δεν βρέθηκε ${name.el} ${document} στο έτος ${state.year}`,
      `No ${name.en} ${document} in ${state.year}`,
      'ref',
    );
  }
  return tracked;
};

const sameLine = (row: DocumentRow, document: TrackedDocument): TrackedDocument => {
  if (document.line.kae !== row.kae.kae) {
    throw new DomainError(
      'OD_REF_KAE_MISMATCH',
      `Ο ΚΑΕ ${row.kae.kae} διαφέρει από τον ΚΑΕ ${document.line.kae} του σχετικού παραστατικού`,
      `ΚΑΕ ${row.kae.kae} differs from ΚΑΕ ${document.line.kae} of the referenced document`,
      'kae',
    );
  }
  return document;
};

/** The document a reference names: recorded this year, on the row's ΚΑΕ. */
export const referencedDocument = (state: FiscalYearState, row: DocumentRow, ref: DocumentRef): TrackedDocument =>
  sameLine(row, trackedDocument(state, ref.type, ref.document));
