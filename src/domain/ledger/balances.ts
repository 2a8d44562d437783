// What is left on a line or a document, in cents, net of reversals.
import type { BudgetLine } from './budgetLine.ts';
import type { TrackedDocument } from './documentTable.ts';

/** Final appropriation (τελική πίστωση) or final estimate: initial plus amendments. */
export const finalAmount = (line: BudgetLine): bigint => line.initial + line.amendments;

/** What an expense line can still commit (διαθέσιμο υπόλοιπο). */
export const remainingAppropriation = (line: BudgetLine): bigint => finalAmount(line) - line.committed;

export const unreversed = (document: TrackedDocument): bigint => document.amount - document.reversed;

/** What can still follow a document: ordered from a commitment, paid from an order, collected from an assessment. */
export const remainder = (document: TrackedDocument): bigint => unreversed(document) - document.followed;
