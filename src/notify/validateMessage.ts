// A message is checked whole before anything is written: a bad one is refused with a clear error and the
// batch it came in writes nothing.
import { InvalidOutboundMessage } from './errors.ts';
import type { OutboundMessage, StoredContent } from './message.ts';

// One address, no display name, no line breaks (a header injection); the SMTP server judges the rest.
const EMAIL = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;
const SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;
const EVENT_TYPE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

const refuse = (key: string, el: string, en: string): never => {
  throw new InvalidOutboundMessage(key, el, en);
};

/** Refuses anything but http: and https: (no file:, no data:, no javascript:). */
export const assertWebhookUrl = (url: string, key = ''): URL => {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    refuse(key, `Μη έγκυρη διεύθυνση webhook «${url}»`, `Invalid webhook URL "${url}"`);
  }
  if (parsed!.protocol !== 'http:' && parsed!.protocol !== 'https:') {
    refuse(key, `Το webhook δέχεται μόνο http ή https, όχι «${parsed!.protocol}»`, `A webhook URL must be http or https, not "${parsed!.protocol}"`);
  }
  return parsed!;
};

/** The content to store, or a refusal naming what is wrong. */
export const validateMessage = (m: OutboundMessage): StoredContent => {
  const key = m.key;
  if (typeof key !== 'string' || key.length === 0 || key.length > 500) refuse(String(key), 'Το κλειδί του μηνύματος λείπει ή είναι πολύ μακρύ', 'The message key is missing or longer than 500 characters');
  if (m.subjectId !== null && (typeof m.subjectId !== 'string' || m.subjectId.length === 0)) refuse(key, 'Μη έγκυρο υποκείμενο', 'subjectId must be a non-empty string or null');
  if (m.channel === 'email') {
    if (!EMAIL.test(m.to)) refuse(key, `Μη έγκυρη διεύθυνση e-mail «${m.to}»`, `Invalid e-mail address "${m.to}"`);
    const e = m.email;
    if (!e || typeof e.subject !== 'string' || typeof e.text !== 'string' || typeof e.html !== 'string') {
      return refuse(key, 'Το e-mail χρειάζεται θέμα, κείμενο και HTML', 'An e-mail needs a subject, a text and an HTML part');
    }
    if (/[\r\n]/.test(e.subject) || e.subject.trim() === '') refuse(key, 'Το θέμα πρέπει να είναι μία μη κενή γραμμή', 'The subject must be one non-empty line');
    return { email: { subject: e.subject, text: e.text, html: e.html } };
  }
  if (m.channel === 'webhook') {
    assertWebhookUrl(m.to, key);
    const w = m.webhook;
    if (!w || typeof w.type !== 'string' || !EVENT_TYPE.test(w.type)) {
      return refuse(key, 'Το webhook χρειάζεται τύπο (π.χ. debt.paid)', 'A webhook needs a type such as debt.paid');
    }
    if (typeof w.secret !== 'string' || !SECRET.test(w.secret)) refuse(key, 'Το μυστικό του webhook πρέπει να είναι whsec_ και 24+ bytes base64', 'The webhook secret must be whsec_ followed by 24 or more bytes in base64');
    if (w.payload === undefined) refuse(key, 'Το webhook χρειάζεται περιεχόμενο', 'A webhook needs a payload');
    return { webhook: { type: w.type, payload: w.payload, secret: w.secret } };
  }
  return refuse(key, `Άγνωστο κανάλι «${String(m.channel)}»`, `Unknown channel "${String(m.channel)}"`);
};
