// Names derived from a message's idempotency key, the same on every attempt and in every process: the
// Message-ID of an e-mail, the `webhook-id` of a webhook and the file name of an .eml. The key itself
// holds the recipient's address, so only its hash ever leaves the database.
import { createHash } from 'node:crypto';

/** SHA-256 of the key, hex, first 32 digits (128 bits): a name, not a secret. */
export const keyHash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32);

/** RFC 5322 Message-ID under the sender's domain: a resend carries the same one, so mail clients fold it. */
export const messageIdFor = (key: string, domain: string): string => `<od.${keyHash(key)}@${domain}>`;

/**
 * The Standard Webhooks `webhook-id`. The spec forbids `.` in it (it is the first field of the signed
 * `id.timestamp.body`), and a key holds the endpoint's URL, so the id is the key's hash, stable per key.
 */
export const webhookIdFor = (key: string): string => `msg_${keyHash(key)}`;
