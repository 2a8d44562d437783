// The notify room's refusals: a message that cannot be enqueued as given. Nothing is written.

export class InvalidOutboundMessage extends Error {
  readonly code = 'OD_NOTIFY_INVALID_MESSAGE';
  readonly status = 400;
  constructor(
    readonly key: string,
    readonly el: string,
    readonly en: string,
  ) {
    super(`${el} / ${en}`);
    this.name = 'InvalidOutboundMessage';
  }
}
export const isInvalidOutboundMessage = (e: unknown): e is InvalidOutboundMessage => e instanceof InvalidOutboundMessage;
