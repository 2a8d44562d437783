// A debt, decided: its state folded from its events, and one small function per command. Amounts are
// compared in decimal.js; each refusal names what was wrong.
import { Decimal } from 'decimal.js';
import type { AdjustmentKind, DebtAdjusted, DebtAssessed, DebtEvent, DebtorKind, DebtPaid, DebtSettled, Instalment, PaymentChannel } from './events.ts';
import { debtsErrors } from './errors.ts';
import { parseKae } from '../shared/codes/kae.ts';

export interface Debt {
  readonly status: 'none' | 'assessed';
  readonly subjectId: string;
  readonly debtorKind: DebtorKind;
  readonly year: number;
  readonly assessment: string;
  readonly kae: string;
  readonly amount: Decimal;
  readonly surcharges: Decimal;
  readonly assessedOn: string;
  readonly dueOn: string;
  readonly contentHash: string;
  readonly reduced: Decimal;
  readonly writtenOff: Decimal;
  /** Decision ΑΔΑ → the content it was recorded with. */
  readonly adjustments: ReadonlyMap<string, string>;
  readonly plan: readonly Instalment[] | null;
  readonly settlement: { readonly ada: string; readonly contentHash: string } | null;
  readonly paid: Decimal;
  /** Payment id → amount: a payment is applied to a debt once. */
  readonly payments: ReadonlyMap<string, string>;
}

const ZERO = new Decimal(0);

export const initialDebt = (): Debt => ({
  status: 'none',
  subjectId: '',
  debtorKind: 'person',
  year: 0,
  assessment: '',
  kae: '',
  amount: ZERO,
  surcharges: ZERO,
  assessedOn: '',
  dueOn: '',
  contentHash: '',
  reduced: ZERO,
  writtenOff: ZERO,
  adjustments: new Map(),
  plan: null,
  settlement: null,
  paid: ZERO,
  payments: new Map(),
});

/** What is still owed: amount and surcharges, less reductions, write-offs and payments. */
export const remainingOf = (debt: Debt): Decimal => debt.amount.plus(debt.surcharges).minus(debt.reduced).minus(debt.writtenOff).minus(debt.paid);

export const evolveDebt = (state: Debt, event: DebtEvent): Debt => {
  switch (event.type) {
    case 'DebtAssessed': {
      const d = event.data;
      return {
        ...state,
        status: 'assessed',
        subjectId: d.subjectId,
        debtorKind: d.debtorKind,
        year: d.year,
        assessment: d.assessment,
        kae: d.kae,
        amount: new Decimal(d.amount),
        surcharges: new Decimal(d.surcharges),
        assessedOn: d.assessedOn,
        dueOn: d.dueOn,
        contentHash: d.contentHash,
        plan: d.instalments && d.instalments > 1 ? planOf(new Decimal(d.amount).plus(d.surcharges), d.instalments, d.dueOn) : null,
      };
    }
    case 'DebtAdjusted': {
      const amount = new Decimal(event.data.amount);
      const adjustments = new Map(state.adjustments).set(event.data.ada, event.data.contentHash);
      return event.data.adjustment === 'write-off'
        ? { ...state, writtenOff: state.writtenOff.plus(amount), adjustments }
        : { ...state, reduced: state.reduced.plus(amount), adjustments };
    }
    case 'DebtSettled':
      return { ...state, plan: event.data.plan, settlement: { ada: event.data.ada, contentHash: event.data.contentHash } };
    case 'DebtPaid':
      return { ...state, paid: state.paid.plus(event.data.amount), payments: new Map(state.payments).set(event.data.paymentId, event.data.amount) };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

const addMonths = (isoDate: string, months: number): string => {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const month = m - 1 + months;
  const year = y + Math.floor(month / 12);
  const mm = (month % 12) + 1;
  // The 31st of a shorter month is its last day, as banks and the revenue office count.
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/** Equal monthly instalments from `firstDue`, the cents that do not divide going to the first. */
export const planOf = (total: Decimal, count: number, firstDue: string): Instalment[] => {
  const share = total.dividedBy(count).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const first = total.minus(share.times(count - 1));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, dueOn: addMonths(firstDue, i), amount: (i === 0 ? first : share).toFixed(2) }));
};

const ofDebt = (state: Debt) => ({ year: state.year, assessment: state.assessment });

const requireAssessed = (state: Debt, year: number, assessment: string): void => {
  if (state.status !== 'assessed') throw debtsErrors.OD_DEBT_UNKNOWN({ year, assessment });
};

export interface AssessDebt {
  readonly subjectId: string;
  readonly debtorKind: DebtorKind;
  readonly year: number;
  readonly assessment: string;
  readonly kae: string;
  readonly amount: Decimal;
  readonly surcharges: Decimal;
  readonly assessedOn: string;
  readonly dueOn: string;
  readonly instalments: number | null;
  readonly contentHash: string;
  readonly sealed: string;
}

/** A roll's row: [] when the same row was recorded before; another row under the same number is refused. */
export const assessDebt = (state: Debt, c: AssessDebt): DebtAssessed[] => {
  if (state.status === 'assessed') {
    if (state.contentHash === c.contentHash) return [];
    throw debtsErrors.OD_DEBT_CONFLICT({ year: c.year, assessment: c.assessment });
  }
  if (!c.amount.isPositive() || c.amount.isZero()) throw debtsErrors.OD_DEBT_AMOUNT_NOT_POSITIVE();
  if (c.surcharges.isNegative()) throw debtsErrors.OD_DEBT_SURCHARGES_NEGATIVE();
  if (Number(c.assessedOn.slice(0, 4)) !== c.year) throw debtsErrors.OD_DEBT_YEAR_MISMATCH();
  if (c.dueOn < c.assessedOn) throw debtsErrors.OD_DEBT_DUE_BEFORE_ASSESSED();
  if (c.instalments !== null && !(Number.isInteger(c.instalments) && c.instalments >= 1 && c.instalments <= 120)) throw debtsErrors.OD_DEBT_INSTALMENTS_INVALID();
  if (Number(parseKae(c.kae).klass) > 4) throw debtsErrors.OD_DEBT_KAE_NOT_REVENUE({ kae: c.kae });
  return [
    {
      type: 'DebtAssessed',
      data: {
        subjectId: c.subjectId,
        debtorKind: c.debtorKind,
        year: c.year,
        assessment: c.assessment,
        kae: c.kae,
        amount: c.amount.toFixed(2),
        surcharges: c.surcharges.toFixed(2),
        assessedOn: c.assessedOn,
        dueOn: c.dueOn,
        instalments: c.instalments,
        contentHash: c.contentHash,
        sealed: c.sealed,
      },
    },
  ];
};

export interface AdjustDebt {
  readonly year: number;
  readonly assessment: string;
  readonly adjustment: AdjustmentKind;
  readonly amount: Decimal;
  readonly ada: string;
  readonly decidedOn: string;
  readonly contentHash: string;
  readonly sealed: string;
}

/** A reduction or write-off by decision: once per decision and debt, never below zero. */
export const adjustDebt = (state: Debt, c: AdjustDebt): DebtAdjusted[] => {
  requireAssessed(state, c.year, c.assessment);
  const known = state.adjustments.get(c.ada);
  if (known !== undefined) {
    if (known === c.contentHash) return [];
    throw debtsErrors.OD_DEBT_ADJUSTMENT_CONFLICT({ ada: c.ada });
  }
  if (!c.amount.isPositive() || c.amount.isZero()) throw debtsErrors.OD_DEBT_AMOUNT_NOT_POSITIVE();
  const remaining = remainingOf(state);
  if (c.amount.greaterThan(remaining)) throw debtsErrors.OD_DEBT_ADJUSTMENT_EXCEEDS({ remaining: remaining.toFixed(2) });
  const { year, assessment, adjustment, ada, decidedOn, contentHash, sealed } = c;
  return [{ type: 'DebtAdjusted', data: { subjectId: state.subjectId, year, assessment, adjustment, amount: c.amount.toFixed(2), ada, decidedOn, contentHash, sealed } }];
};

export interface SettleDebt {
  readonly year: number;
  readonly assessment: string;
  readonly ada: string;
  readonly agreedOn: string;
  readonly instalments: number;
  readonly contentHash: string;
}

/** Ρύθμιση: what remains, in equal monthly instalments from a month after the agreement. */
export const settleDebt = (state: Debt, c: SettleDebt): DebtSettled[] => {
  requireAssessed(state, c.year, c.assessment);
  if (state.settlement !== null) {
    if (state.settlement.ada === c.ada && state.settlement.contentHash === c.contentHash) return [];
    throw debtsErrors.OD_DEBT_SETTLED_ALREADY();
  }
  if (!(Number.isInteger(c.instalments) && c.instalments >= 2 && c.instalments <= 120)) throw debtsErrors.OD_DEBT_INSTALMENTS_INVALID();
  const remaining = remainingOf(state);
  if (!remaining.isPositive() || remaining.isZero()) throw debtsErrors.OD_DEBT_ALREADY_PAID(ofDebt(state));
  const plan = planOf(remaining, c.instalments, addMonths(c.agreedOn, 1));
  return [{ type: 'DebtSettled', data: { subjectId: state.subjectId, year: c.year, assessment: c.assessment, ada: c.ada, agreedOn: c.agreedOn, plan, contentHash: c.contentHash } }];
};

export interface PayDebt {
  readonly paymentId: string;
  readonly channel: PaymentChannel;
  readonly amount: Decimal;
  readonly paidAt: string;
  readonly receipt: string;
}

/** Money applied to the debt: once per payment, never more than remains. */
export const payDebt = (state: Debt, c: PayDebt): DebtPaid[] => {
  if (state.status !== 'assessed') throw debtsErrors.OD_DEBT_UNKNOWN({ year: state.year, assessment: state.assessment });
  if (state.payments.has(c.paymentId)) return [];
  if (!c.amount.isPositive() || c.amount.isZero()) throw debtsErrors.OD_DEBT_AMOUNT_NOT_POSITIVE();
  const remaining = remainingOf(state);
  if (remaining.isZero() || remaining.isNegative()) throw debtsErrors.OD_DEBT_ALREADY_PAID(ofDebt(state));
  if (c.amount.greaterThan(remaining)) throw debtsErrors.OD_DEBT_OVERPAID({ remaining: remaining.toFixed(2) });
  return [
    {
      type: 'DebtPaid',
      data: { subjectId: state.subjectId, year: state.year, assessment: state.assessment, paymentId: c.paymentId, channel: c.channel, amount: c.amount.toFixed(2), paidAt: c.paidAt, receipt: c.receipt },
    },
  ];
};

export type DebtStatus = 'due' | 'overdue' | 'instalments' | 'paid' | 'written_off';

/**
 * Where the debt stands on `today` (ISO date): paid off, written off, in instalments (overdue once an
 * instalment fell due unpaid), overdue after its due date, or not yet due.
 */
export const debtStatus = (debt: Debt, today: string): DebtStatus => {
  const remaining = remainingOf(debt);
  if (!remaining.isPositive() || remaining.isZero()) return debt.paid.isZero() && debt.writtenOff.isPositive() ? 'written_off' : 'paid';
  if (debt.plan !== null) {
    const dueSoFar = debt.plan.filter((i) => i.dueOn < today).reduce((sum, i) => sum.plus(i.amount), ZERO);
    const settledSoFar = debt.amount.plus(debt.surcharges).minus(remaining);
    // A settlement counts what was paid before it too: the plan is of what remained at the agreement.
    const before = debt.settlement === null ? ZERO : debt.amount.plus(debt.surcharges).minus(debt.plan.reduce((s, i) => s.plus(i.amount), ZERO));
    return settledSoFar.minus(before).greaterThanOrEqualTo(dueSoFar) ? 'instalments' : 'overdue';
  }
  return debt.dueOn < today ? 'overdue' : 'due';
};
