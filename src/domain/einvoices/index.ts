// E-invoices (EN 16931 UBL, Peppol BIS Billing 3.0) and the suppliers' line to the finance department: both
// personal streams of the supplying company.
import { domainContext } from '../shared/context.ts';
import type { InvoiceEvent, ThreadEvent } from './events.ts';

export * from './events.ts';
export * from './invoice.ts';
export * from './check.ts';
export * from './thread.ts';
export { einvoicesErrors, MAX_THREAD_FILES, MAX_THREAD_TEXT } from './errors.ts';

export const einvoicesDomain = domainContext<InvoiceEvent>({
  name: 'einvoices',
  personal: true,
  eventSchemas: { InvoiceReceived: { version: 1 } },
});

export const supplierThreadsDomain = domainContext<ThreadEvent>({
  name: 'supplierThreads',
  personal: true,
  eventSchemas: { ThreadOpened: { version: 1 }, ThreadMessagePosted: { version: 1 }, ThreadClosed: { version: 1 }, ThreadReopened: { version: 1 } },
});
