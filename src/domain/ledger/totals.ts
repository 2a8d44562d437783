// Read helpers over the state, in Decimal: what a line or a document stands at.
import type { Decimal } from 'decimal.js';
import type { ReversibleType, Side } from './events.ts';
import type { FiscalYearState } from './state.ts';
import { finalAmount, remainder, remainingAppropriation, unreversed } from './balances.ts';
import { parseKae } from '../shared/codes/kae.ts';
import { fromCents } from '../shared/money.ts';

export interface BudgetLineTotals {
  readonly kae: string;
  readonly side: Side;
  readonly title: string;
  readonly initial: Decimal;
  readonly amendments: Decimal;
  /** Initial plus amendments: the final appropriation (expense) or estimate (revenue). */
  readonly final: Decimal;
  readonly committed: Decimal;
  readonly ordered: Decimal;
  readonly paid: Decimal;
  readonly assessed: Decimal;
  readonly collected: Decimal;
  /** Final minus committed: what an expense line can still commit. */
  readonly available: Decimal;
}

export const budgetLineTotals = (state: FiscalYearState, kae: string): BudgetLineTotals | null => {
  const line = state.lines.get(parseKae(kae).kae);
  if (line === undefined) return null;
  return {
    kae: line.kae,
    side: line.side,
    title: line.title,
    initial: fromCents(line.initial),
    amendments: fromCents(line.amendments),
    final: fromCents(finalAmount(line)),
    committed: fromCents(line.committed),
    ordered: fromCents(line.ordered),
    paid: fromCents(line.paid),
    assessed: fromCents(line.assessed),
    collected: fromCents(line.collected),
    available: fromCents(remainingAppropriation(line)),
  };
};

export interface DocumentBalance {
  readonly kae: string;
  readonly amount: Decimal;
  readonly reversed: Decimal;
  readonly unreversed: Decimal;
  /** Ordered from a commitment, paid from an order, collected from an assessment; net of reversals. */
  readonly followed: Decimal;
  readonly remainder: Decimal;
}

export const documentBalance = (state: FiscalYearState, type: ReversibleType, document: string): DocumentBalance | null => {
  const tracked = state.tracked[type].get(document);
  if (tracked === undefined) return null;
  return {
    kae: tracked.line.kae,
    amount: fromCents(tracked.amount),
    reversed: fromCents(tracked.reversed),
    unreversed: fromCents(unreversed(tracked)),
    followed: fromCents(tracked.followed),
    remainder: fromCents(remainder(tracked)),
  };
};

/** Every line of the year, in ΚΑΕ order. */
export const budgetLines = (state: FiscalYearState): BudgetLineTotals[] =>
  [...state.lines.keys()].sort().flatMap((kae) => budgetLineTotals(state, kae) ?? []);
