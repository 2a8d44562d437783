// The instant services' rules, over data the municipality holds: the applicant's debts. A rule answers
// either the facts the certificate states, or the reason it cannot be issued (with a link to the statement).
import { Decimal } from 'decimal.js';
import type { DecisionRule, RejectionCode } from '../../domain/index.ts';
import type { DebtRecord } from '../../projections/debts/index.ts';
import { debtsOf } from '../../projections/debts/index.ts';
import { todayOf } from '../debts/index.ts';
import type { DebtsServices } from '../debts/index.ts';
import type { DocumentContent } from './documentContent.ts';

export type RuleAnswer =
  | { readonly granted: true; readonly facts: DocumentContent['facts'] }
  | { readonly granted: false; readonly code: RejectionCode; readonly reason: { readonly el: string; readonly en: string } };

const euros = (amount: Decimal): string => `${amount.toFixed(2).replace('.', ',')} €`;

const debtLabel = (d: Pick<DebtRecord, 'assessment' | 'year'>): string => `${d.assessment}/${d.year}`;

/** Δημοτική ενημερότητα: refused while any debt is overdue; debts not yet due, or kept to a settlement, do not stand in the way. */
const noDebt = (debts: readonly DebtRecord[], today: string): RuleAnswer => {
  const overdue = debts.filter((d) => d.status === 'overdue');
  if (overdue.length > 0) {
    const sum = overdue.reduce((s, d) => s.plus(d.remaining), new Decimal(0));
    return {
      granted: false,
      code: 'debt-outstanding',
      reason: {
        el: `Υπάρχουν ληξιπρόθεσμες οφειλές ${euros(sum)} (${overdue.map(debtLabel).join(', ')}). Δείτε την κατάστασή σας στο /my/debts και εξοφλήστε τες για να εκδοθεί η βεβαίωση.`,
        en: `There are overdue debts of ${euros(sum)} (${overdue.map(debtLabel).join(', ')}). See your statement at /en/my/debts and pay them to get the certificate.`,
      },
    };
  }
  const pending = debts.filter((d) => d.remaining.isPositive());
  const pendingSum = pending.reduce((s, d) => s.plus(d.remaining), new Decimal(0));
  return {
    granted: true,
    facts: [
      { label: { el: 'Ληξιπρόθεσμες οφειλές', en: 'Overdue debts' }, value: euros(new Decimal(0)) },
      ...(pending.length > 0 ? [{ label: { el: 'Οφειλές μη ληξιπρόθεσμες ή σε ρύθμιση', en: 'Debts not yet due or in instalments' }, value: euros(pendingSum) }] : []),
      { label: { el: 'Ημερομηνία ελέγχου', en: 'Checked on' }, value: today },
    ],
  };
};

/** Βεβαίωση εξόφλησης: the debt named in the form is the applicant's and nothing remains of it. */
const debtPaid = (debts: readonly DebtRecord[], values: Readonly<Record<string, string>>): RuleAnswer => {
  const named = values.debt ?? '';
  const debt = debts.find((d) => `${d.year}-${d.assessment}` === named);
  if (!debt) {
    return {
      granted: false,
      code: 'debt-unknown',
      reason: { el: 'Δεν βρέθηκε οφειλή σας με αυτόν τον αριθμό βεβαίωσης.', en: 'No debt of yours has this assessment number.' },
    };
  }
  if (debt.remaining.isPositive()) {
    return {
      granted: false,
      code: 'debt-not-paid',
      reason: {
        el: `Η οφειλή ${debtLabel(debt)} δεν έχει εξοφληθεί: απομένουν ${euros(debt.remaining)}. Δείτε την κατάστασή σας στο /my/debts.`,
        en: `Debt ${debtLabel(debt)} is not paid off: ${euros(debt.remaining)} remains. See your statement at /en/my/debts.`,
      },
    };
  }
  return {
    granted: true,
    facts: [
      { label: { el: 'Αριθμός βεβαίωσης', en: 'Assessment number' }, value: debtLabel(debt) },
      { label: { el: 'Αιτία', en: 'Reason' }, value: debt.reason },
      { label: { el: 'Ποσό', en: 'Amount' }, value: euros(debt.amount.plus(debt.surcharges)) },
      { label: { el: 'Καταβλήθηκε', en: 'Paid' }, value: euros(debt.paid) },
      ...(debt.reduced.plus(debt.writtenOff).isPositive() ? [{ label: { el: 'Μειώσεις / διαγραφές', en: 'Reductions / write-offs' }, value: euros(debt.reduced.plus(debt.writtenOff)) }] : []),
    ],
  };
};

export const applyRule = async (debtsServices: DebtsServices, rule: DecisionRule, subjectId: string, values: Readonly<Record<string, string>>): Promise<RuleAnswer> => {
  const today = todayOf(debtsServices);
  const debts = await debtsOf(debtsServices.client, debtsServices.schema, subjectId, today);
  switch (rule) {
    case 'no-debt':
      return noDebt(debts, today);
    case 'debt-paid':
      return debtPaid(debts, values);
    default: {
      const _exhaustive: never = rule;
      throw new Error(`unknown rule ${String(rule)}`);
    }
  }
};
