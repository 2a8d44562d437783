// What a notification rule produces: one message, to one recipient, on one channel.
import type { EmailContent } from './transports.ts';

export type Channel = 'email' | 'webhook';

export interface OutboundMessage {
  /** Idempotency key: one per (event, recipient, channel), e.g. `${eventId}:${channel}:${recipient}`. */
  readonly key: string;
  readonly channel: Channel;
  /** The personal subject it concerns (erasure deletes its messages by it); null for none. */
  readonly subjectId: string | null;
  /** An e-mail address, or a webhook endpoint's URL. */
  readonly to: string;
  readonly email?: EmailContent;
  readonly webhook?: { readonly type: string; readonly payload: unknown; readonly secret: string };
}

/** What is kept of a message's content until it is delivered (then dropped: the log keeps no bodies). */
export type StoredContent =
  | { readonly email: EmailContent }
  | { readonly webhook: { readonly type: string; readonly payload: unknown; readonly secret: string } };
