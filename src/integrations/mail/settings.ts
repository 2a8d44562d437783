// The mail settings, checked at start-up with a message that names the setting: OPENDIMOS_SMTP_URL
// (`smtp://user:pass@host:587`, STARTTLS when the server offers it; `smtps://host:465`, TLS from the
// first byte; `?maxConnections=N`, the pool's size) and OPENDIMOS_MAIL_FROM (the sender, e.g.
// `Δήμος Ληξουρίου <noreply@lixouri.gr>`).

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (smtps:); otherwise plain until STARTTLS, which is used whenever offered. */
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly pass: string } | null;
  /** Connections kept open to the server, messages sent over them one after another (`?maxConnections=`). */
  readonly maxConnections: number;
}

/** Enough for the dispatcher's lanes to keep 200+ messages a second moving to a local relay (bench/suppliers). */
export const DEFAULT_SMTP_CONNECTIONS = 5;
/** More than a relay usually allows one client (Postfix's default is 50 per client). */
const MAX_SMTP_CONNECTIONS = 50;

export class MailSettingsInvalid extends Error {
  readonly code = 'OD_MAIL_SETTINGS_INVALID';
  constructor(el: string, en: string) {
    super(`${el} / ${en}`);
    this.name = 'MailSettingsInvalid';
  }
}
export const isMailSettingsInvalid = (e: unknown): e is MailSettingsInvalid => e instanceof MailSettingsInvalid;

export const parseSmtpUrl = (smtpUrl: string): SmtpSettings => {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new MailSettingsInvalid('Το OPENDIMOS_SMTP_URL δεν είναι έγκυρη διεύθυνση', 'OPENDIMOS_SMTP_URL is not a valid URL (smtp://user:pass@host:587 or smtps://host:465)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new MailSettingsInvalid(`Το OPENDIMOS_SMTP_URL πρέπει να αρχίζει με smtp:// ή smtps://, όχι ${url.protocol}`, `OPENDIMOS_SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}`);
  }
  if (!url.hostname) throw new MailSettingsInvalid('Το OPENDIMOS_SMTP_URL δεν ορίζει διακομιστή', 'OPENDIMOS_SMTP_URL names no host');
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  const connections = url.searchParams.get('maxConnections');
  const maxConnections = connections === null ? DEFAULT_SMTP_CONNECTIONS : Number(connections);
  if (!Number.isInteger(maxConnections) || maxConnections < 1 || maxConnections > MAX_SMTP_CONNECTIONS) {
    throw new MailSettingsInvalid(
      `Το maxConnections του OPENDIMOS_SMTP_URL πρέπει να είναι ακέραιος από 1 έως ${MAX_SMTP_CONNECTIONS}, όχι «${connections}»`,
      `maxConnections in OPENDIMOS_SMTP_URL must be a whole number from 1 to ${MAX_SMTP_CONNECTIONS}, not "${connections}"`,
    );
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: user ? { user, pass: decodeURIComponent(url.password) } : null,
    maxConnections,
  };
};

/** A sender's domain: a name with a top-level domain, or localhost (development); not an IP address. */
const MAIL_DOMAIN = /^(?:[A-Za-z0-9.-]+\.[A-Za-z]{2,}|localhost)$/;
export const isMailDomain = (domain: string): boolean => MAIL_DOMAIN.test(domain);

/** The address part of OPENDIMOS_MAIL_FROM and its domain (the Message-ID's right-hand side). */
export const parseFrom = (from: string): { readonly from: string; readonly domain: string } => {
  const address = /<([^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  const match = /^[^\s@<>]+@([^\s@<>]+)$/.exec(address);
  if (!match || !isMailDomain(match[1]!) || /[\r\n]/.test(from)) {
    throw new MailSettingsInvalid(`Το OPENDIMOS_MAIL_FROM «${from}» δεν είναι διεύθυνση e-mail`, `OPENDIMOS_MAIL_FROM "${from}" is not an e-mail address (e.g. "Δήμος Ληξουρίου <noreply@lixouri.gr>")`);
  }
  return { from: from.trim(), domain: match[1]!.toLowerCase() };
};
