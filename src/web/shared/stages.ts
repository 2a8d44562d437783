// The stages of budget execution a citizen follows, in the order money moves through them.
import type { SideName, Totals } from '../../projections/ledger/index.ts';

export type Stage = keyof Totals;

export const STAGES_OF: Readonly<Record<SideName, readonly Stage[]>> = {
  EXPENSE: ['initial', 'final', 'committed', 'ordered', 'paid'],
  REVENUE: ['initial', 'final', 'assessed', 'collected'],
};

/** What the site calls "executed" on each side: paid out, or collected. */
export const EXECUTED: Readonly<Record<SideName, Stage>> = { EXPENSE: 'paid', REVENUE: 'collected' };
