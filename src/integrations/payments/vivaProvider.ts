// The one real adapter: Viva Smart Checkout, used by Greek public bodies. Each step is in its own file, with
// the part of Viva's documentation it follows: accessToken.ts, createOrder.ts, checkOrder.ts, notification.ts.
import { tokenSource } from './accessToken.ts';
import { confirmation, readReturn } from './checkOrder.ts';
import { createOrder } from './createOrder.ts';
import { notifications } from './notification.ts';
import type { PaymentProvider } from './port.ts';
import type { VivaSettings } from './settings.ts';
import { checkVivaSettings } from './settings.ts';

/** Throws a RangeError naming the wrong setting, at start-up rather than at a citizen's first payment. */
export const createVivaProvider = (settings: VivaSettings, fetchImpl: typeof fetch = fetch, name = 'viva'): PaymentProvider => {
  const checked = checkVivaSettings(settings);
  const tokens = tokenSource(checked, fetchImpl);
  const confirm = confirmation(checked, fetchImpl, tokens);
  const webhooks = notifications(checked, fetchImpl);
  return {
    name,
    createOrder: (order) => createOrder(checked, fetchImpl, tokens, order),
    checkOrder: (expected) => confirm.checkOrder(expected),
    parseNotification: (request) => webhooks.parse(request),
    readReturn,
  };
};
