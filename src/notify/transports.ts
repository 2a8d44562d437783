// The ports of delivery (the notify room owns them; src/integrations/mail and webhooks implement them):
// what the dispatcher hands a transport, what a transport answers, and how it says a send failed.

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** One e-mail as the dispatcher hands it over: the same key, Message-ID and Date on every attempt. */
export interface EmailToSend {
  /** The transport derives the Message-ID from it (messageIdFor), so a resend is recognisable. */
  readonly key: string;
  readonly to: string;
  readonly content: EmailContent;
  /** When the message was enqueued: its Date header, and the day folder of an .eml file. */
  readonly createdAt: Date;
}

export interface WebhookToSend {
  readonly key: string;
  /** The `webhook-id` header, derived from the key (webhookIdFor): the receiver's idempotency key. */
  readonly webhookId: string;
  readonly url: string;
  readonly type: string;
  readonly payload: unknown;
  /** The endpoint's `whsec_…` secret (Standard Webhooks, symmetric). */
  readonly secret: string;
  /** When the message was enqueued: the payload's `timestamp` (the event's time, not the attempt's). */
  readonly createdAt: Date;
}

/** What the far side said when it accepted a message (SMTP reply, file path, HTTP status); kept in the delivery log. */
export interface DeliveryReceipt {
  readonly detail: string;
}

export interface EmailTransport {
  send(message: EmailToSend): Promise<DeliveryReceipt>;
  close(): Promise<void>;
}

export interface WebhookTransport {
  send(message: WebhookToSend): Promise<DeliveryReceipt>;
  close(): Promise<void>;
}

/**
 * A send that did not go through. `permanent`: trying again cannot help (a recipient refused with 5xx, an
 * endpoint answering 410 Gone, a URL we refuse), so the message is marked failed at once.
 */
export class DeliveryFailed extends Error {
  readonly code = 'OD_DELIVERY_FAILED';
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryFailed';
  }
}
export const isDeliveryFailed = (e: unknown): e is DeliveryFailed => e instanceof DeliveryFailed;
