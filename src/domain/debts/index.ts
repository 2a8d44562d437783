// Debts (οφειλές): the revenue department's rolls, reductions and settlements, and payments by card or bank
// transfer. Its streams are personal.
import { domainContext } from '../shared/context.ts';
import type { BankCreditEvent } from './bankCredit.ts';
import type { DebtEvent, PaymentEvent } from './events.ts';

export * from './events.ts';
export * from './debt.ts';
export * from './payment.ts';
export * from './rf.ts';
export * from './bankCredit.ts';
export { debtsErrors } from './errors.ts';

export const debtsDomain = domainContext<DebtEvent | PaymentEvent | BankCreditEvent>({
  name: 'debts',
  personal: true,
  eventSchemas: {
    DebtAssessed: { version: 1 },
    DebtAdjusted: { version: 1 },
    DebtSettled: { version: 1 },
    DebtPaid: { version: 1 },
    PaymentStarted: { version: 1 },
    PaymentConfirmed: { version: 1 },
    PaymentAbandoned: { version: 1 },
    BankCreditUnmatched: { version: 1 },
    BankCreditAssigned: { version: 1 },
    BankCreditApplied: { version: 1 },
  },
});
