// E-mail (ηλεκτρονικό ταχυδρομείο), the notify room's EmailTransport: SMTP when OPENDIMOS_SMTP_URL is set,
// otherwise .eml files under the data directory. Settings are checked here, at start-up.
import type { ConnectionOptions } from 'node:tls';
import type { EmailTransport } from '../../notify/index.ts';
import { createEmlTransport } from './emlTransport.ts';
import { parseFrom, parseSmtpUrl } from './settings.ts';
import { createSmtpTransport } from './smtpTransport.ts';

export { MailSettingsInvalid, isMailDomain, isMailSettingsInvalid, parseSmtpUrl, parseFrom } from './settings.ts';
export type { SmtpSettings } from './settings.ts';

export interface EmailTransportOptions {
  readonly smtpUrl: string | null;
  readonly from: string;
  readonly dataDir: string;
  /** TLS options for the SMTP connection (e.g. a private CA); the system's trust store otherwise. */
  readonly tls?: ConnectionOptions;
}

export const createEmailTransport = (o: EmailTransportOptions): EmailTransport => {
  const sender = parseFrom(o.from);
  return o.smtpUrl ? createSmtpTransport(parseSmtpUrl(o.smtpUrl), sender, o.tls) : createEmlTransport(o.dataDir, sender);
};
