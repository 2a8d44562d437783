// Card payments: the port the debts context owns, its one adapter (Viva Smart Checkout) and the
// development stand-in. Imported only by the composition root and the debts routes (eslint.config.js,
// od/boundaries).
export type {
  BrowserReturn,
  CreatedPaymentOrder,
  ExpectedPayment,
  NotificationChallenge,
  NotificationRequest,
  PaymentNotification,
  PaymentOrderRequest,
  PaymentOutcome,
  PaymentProvider,
} from './port.ts';
export type { PaymentsErrorCode } from './errors.ts';
export { PaymentsError, isPaymentsError } from './errors.ts';
export type { VivaHosts, VivaSettings } from './settings.ts';
export { VIVA_DEMO, VIVA_PRODUCTION } from './settings.ts';
export { createVivaProvider } from './vivaProvider.ts';
export type { PaymentsStandInOptions } from './standIn.ts';
export { paymentsStandIn } from './standIn.ts';
export type { VivaAccount } from './vivaSimulator.ts';
export { VivaSimulator } from './vivaSimulator.ts';
