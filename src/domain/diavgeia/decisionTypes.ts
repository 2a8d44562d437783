// Which Diavgeia decision types fit which stage of the ledger (codes from Diavgeia's /types, recorded in
// ../shared/data/diavgeia/all_types.json). A commitment (ανάληψη υποχρέωσης) is posted as Β.1.3, or cites the
// expenditure approval Β.2.1 (έγκριση δαπάνης) that goes with it; a payment order (χρηματικό ένταλμα, «ΧΕΠ») and
// its payment as Β.2.2 (οριστικοποίηση πληρωμής), an order also as Β.1.2 (επιτροπικό ένταλμα); an amendment
// (αναμόρφωση) and the budget by the council's regulatory act Α.2 or the budget's approval Β.1.1.

export type CheckedStage = 'budget' | 'amendment' | 'commitment' | 'order' | 'payment';

export const CHECKED_STAGES: readonly CheckedStage[] = ['budget', 'amendment', 'commitment', 'order', 'payment'];

export const STAGE_DECISION_TYPES: Readonly<Record<CheckedStage, readonly string[]>> = {
  budget: ['Β.1.1', 'Α.2'],
  amendment: ['Α.2', 'Β.1.1'],
  commitment: ['Β.1.3', 'Β.2.1'],
  order: ['Β.2.2', 'Β.1.2'],
  payment: ['Β.2.2'],
};

/**
 * Spending decisions: each should have its movement in the ledger (`notInLedger` when none has). Β.2.1 is not
 * among them: an approval precedes the commitment, which the ledger cites by its own Β.1.3.
 */
export const SPENDING_DECISION_TYPES: readonly string[] = ['Β.1.3', 'Β.2.2'];

/**
 * Stages that must cite a decision (`withoutAda` when they do not): the commitment, the payment order and the
 * amendment are each posted; a payment follows its order's posting (Β.2.2 is the order's «ΧΕΠ») and need not.
 */
export const STAGES_NEEDING_ADA: readonly CheckedStage[] = ['amendment', 'commitment', 'order'];

export const fitsStage = (stage: CheckedStage, decisionTypeId: string): boolean => STAGE_DECISION_TYPES[stage].includes(decisionTypeId);
