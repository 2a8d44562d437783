// Debts in the API: the statement as JSON (GET /api/my/debts), card payments and the bank's credits, all on
// the session's own subject.
import type { ApiContext } from '../shared/apiContext.ts';
import { debtsRoutes } from './routes.ts';
import type { DebtsServices } from './services.ts';

export type { DebtsPayments, DebtsServices, PaymentAccount } from './services.ts';
export { athensDateOf, lixouriPayments, todayOf } from './services.ts';
export { debtsMigrations, RF_SELECTIONS } from './tables.ts';
export type { Statement, StatementDebt } from './statement.ts';
export { debtId, debtsErasureObstacle, rfOf, statementJson, statementOf } from './statement.ts';
export type { Selected, Settled } from './payments.ts';
export { isOwnPayment, paymentIdOfOrder, recordSelection, settlePayment, startCardPayment, sweepExpiredPayments } from './payments.ts';
export type { Applied, Collecting, DebtToPay, Known, Loaded, PaidDebt, Received } from './collect.ts';
export { applyReceived, applyReceivedTo, collectionYearOf, loadDebt, loadDebts, revenueLineKey, revenueLinesOf } from './collect.ts';
export { NOTIFICATION_PATH } from './routes.ts';

export const debtsApi = (services: DebtsServices): ApiContext => ({
  name: 'debts',
  sdl: '',
  resolvers: () => ({ resolvers: {} }),
  routes: debtsRoutes(services),
  prefixes: ['/payments/'],
});
