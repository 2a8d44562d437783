// Webhooks, the notify room's WebhookTransport: a JSON POST signed per Standard Webhooks (`webhook-id`,
// `webhook-timestamp`, `webhook-signature`) by the spec's reference library, `standardwebhooks`, with the
// endpoint's own secret. 2xx is delivered; 410 Gone means the endpoint wants no more (failed, at once);
// anything else, a redirect included (never followed; the spec: update the URL instead), a timeout or a
// refused connection is tried again later. Only http: and https: URLs are called; in production only
// https: to public addresses (publicAddress.ts).
import { Webhook } from 'standardwebhooks';
import type { DeliveryReceipt, WebhookToSend, WebhookTransport } from '../../notify/index.ts';
import { assertWebhookUrl, DeliveryFailed, isInvalidOutboundMessage } from '../../notify/index.ts';
import type { Resolve } from './publicAddress.ts';
import { publicEndpointRefusal } from './publicAddress.ts';

export type { EndpointRefusal, Resolve } from './publicAddress.ts';
export { isNonPublicAddress, publicEndpointRefusal } from './publicAddress.ts';

/** Production sends webhooks to public https endpoints only (publicAddress.ts); development anywhere. */
export const publicEndpointsOnly = (): boolean => (process.env.NODE_ENV ?? '').trim() === 'production';

export interface WebhookTransportOptions {
  /** How long an endpoint may take to answer; 10 s by default. */
  readonly timeoutMs?: number;
  /** Refuse all but https to public addresses, resolved before each send (SSRF); production's default. */
  readonly publicOnly?: boolean;
  readonly resolve?: Resolve;
}

/** The body: the spec's envelope, with the event's time (the attempt's time is in the header). */
export const webhookBody = (m: Pick<WebhookToSend, 'type' | 'payload' | 'createdAt'>): string =>
  JSON.stringify({ type: m.type, timestamp: m.createdAt.toISOString(), data: m.payload });

export const createWebhookTransport = (o: WebhookTransportOptions = {}): WebhookTransport => {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const publicOnly = o.publicOnly ?? publicEndpointsOnly();
  return {
    async send(m: WebhookToSend): Promise<DeliveryReceipt> {
      try {
        assertWebhookUrl(m.url, m.key);
      } catch (error) {
        if (isInvalidOutboundMessage(error)) throw new DeliveryFailed(error.en, true, { cause: error });
        throw error;
      }
      const refusal = publicOnly ? await publicEndpointRefusal(m.url, o.resolve) : null;
      // Permanent (but for a name that did not resolve): the same URL is refused next time too.
      if (refusal) throw new DeliveryFailed(`endpoint refused: ${refusal.en} / ${refusal.el}`, refusal.temporary !== true);
      const body = webhookBody(m);
      const sentAt = new Date();
      let signature: string;
      try {
        signature = new Webhook(m.secret).sign(m.webhookId, sentAt, body);
      } catch (error) {
        throw new DeliveryFailed(`webhook secret unusable: ${error instanceof Error ? error.message : String(error)}`, true, { cause: error });
      }
      let response: Response;
      try {
        response = await fetch(m.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'OpenDimos-Webhooks/1',
            'webhook-id': m.webhookId,
            'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
            'webhook-signature': signature,
          },
          body,
        });
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        throw new DeliveryFailed(timedOut ? `no answer within ${timeoutMs} ms` : `cannot reach the endpoint${cause ? ` (${cause})` : ''}`, false, { cause: error });
      }
      // The answer's body is not ours to read; dropping it frees the connection.
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { detail: `HTTP ${response.status}` };
      if (response.status === 410) throw new DeliveryFailed('HTTP 410 Gone: the endpoint asks for no more webhooks / το σημείο δεν δέχεται πλέον webhooks', true);
      throw new DeliveryFailed(`HTTP ${response.status}`, false);
    },
    async close() {},
  };
};
