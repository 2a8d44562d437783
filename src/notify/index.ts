// Notifications (ειδοποιήσεις): the outbox that a projection fills in its transaction, the dispatcher that
// delivers it at least once with back-off, the ports its transports implement (src/integrations/mail,
// src/integrations/webhooks), the admins' list of failures, erasure, and the bilingual e-mail template.
export type { Channel, OutboundMessage } from './message.ts';
export type { EmailContent, EmailToSend, WebhookToSend, DeliveryReceipt, EmailTransport, WebhookTransport } from './transports.ts';
export { DeliveryFailed, isDeliveryFailed } from './transports.ts';
export { InvalidOutboundMessage, isInvalidOutboundMessage } from './errors.ts';
export { notifyMigrations, OUTBOX, ATTEMPTS, outboxChannel } from './outboxTable.ts';
export { enqueueMessages } from './enqueueMessages.ts';
export { assertWebhookUrl } from './validateMessage.ts';
export type { NotificationRule } from './notifyProjection.ts';
export { notifyProjection, NOTIFY_EVENTS } from './notifyProjection.ts';
export type { Transports, DispatchOptions, DispatchCounts } from './dispatch.ts';
export { dispatchPass } from './dispatch.ts';
export type { Dispatcher } from './startDispatcher.ts';
export { startDispatcher } from './startDispatcher.ts';
export type { FailedMessage } from './failedMessages.ts';
export { failedMessages } from './failedMessages.ts';
export { eraseSubjectMessages } from './eraseSubjectMessages.ts';
export type { EmailText } from './renderEmail.ts';
export { renderEmail } from './renderEmail.ts';
export { keyHash, messageIdFor, webhookIdFor } from './identifiers.ts';
export { MAX_ATTEMPTS, retryDelayMs } from './backoff.ts';
