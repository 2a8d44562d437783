// The reporters' e-mails: whoever reported a request — and whoever reported one merged into it, since their
// problem is this one now — is told when it changes stage, gets a public reply or an expected date, or is
// merged into another. The address is opened from the sealed contact with the reporter's key as the message
// is written (in the outbox's transaction), so an erased reporter (key destroyed, rows dropped) gets nothing;
// a citizen with an account who gave none is written to at their verified address. One message per reporter
// and event (the outbox's key), none for events older than a week (a rebuild replays them). A fix says how to
// reopen it within 30 days: from the citizen's own page, or for a reporter without an account through a link
// whose token is a keyed hash of the request and the reporter (no secret is stored to check it against).
import type { Bilingual, ReporterContact, RequestEvent, RequestStage, RequestType } from '../../domain/index.ts';
import { REOPEN_DAYS } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { EmailText, NotificationRule, OutboundMessage } from '../../notify/index.ts';
import { renderEmail } from '../../notify/index.ts';
import { CITIZENS } from '../identity/index.ts';
import { table } from '../shared/tables.ts';
import type { Reporter } from './reporters.ts';
import { reportersToTell } from './reporters.ts';
import { REQUESTS } from './requestsProjection.ts';

const RECENT_DAYS = 7;

/** The reopening link's token: HMAC-SHA-256 under the keyring's key for this purpose, over the request and the reporter. */
export const reopenToken = (keyring: Pick<Keyring, 'lookupHash'>, requestId: string, subjectId: string): string => keyring.lookupHash('request-reopen', `${requestId}\n${subjectId}`);

export const reopenLink = (publicUrl: string, keyring: Pick<Keyring, 'lookupHash'>, requestId: string, subjectId: string, lang: 'el' | 'en' = 'el'): string =>
  `${publicUrl}${lang === 'en' ? '/en' : ''}/requests/${requestId}/reopen?token=${reopenToken(keyring, requestId, subjectId)}`;

/** The stages as a reporter reads them. */
export const STAGE_NAMES: Readonly<Record<RequestStage, Bilingual>> = {
  open: { el: 'Ανοιχτό', en: 'Open' },
  acknowledged: { el: 'Παραλήφθηκε από την υπηρεσία', en: 'Acknowledged by the service' },
  in_progress: { el: 'Σε εξέλιξη', en: 'In progress' },
  fixed: { el: 'Αποκαταστάθηκε', en: 'Fixed' },
  closed: { el: 'Έκλεισε', en: 'Closed' },
  duplicate: { el: 'Διπλή αναφορά', en: 'Duplicate' },
  not_municipal: { el: 'Εκτός αρμοδιότητας του Δήμου', en: 'Not the municipality’s' },
};

const TYPES = new Set(['RequestStatusChanged', 'RequestReplied', 'RequestExpectedDateSet', 'RequestMerged']);

type Told = Extract<RequestEvent, { type: 'RequestStatusChanged' | 'RequestReplied' | 'RequestExpectedDateSet' | 'RequestMerged' }>;

const ATHENS_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Athens', year: 'numeric', month: '2-digit', day: '2-digit' });
/** A day in Greece, «23/11/2026». */
const day = (iso: string): string => ATHENS_DAY.format(new Date(iso));

interface Lines {
  readonly subject: string;
  readonly paragraphs: string[];
}

type Change = { readonly el: Lines; readonly en: Lines };

/** What changed, in both languages; `name` is the request type's. */
const changeOf = (event: Told, name: Bilingual): Change => {
  switch (event.type) {
    case 'RequestStatusChanged': {
      const stage = STAGE_NAMES[event.data.stage];
      const notes = event.data.statusNotes;
      return {
        el: { subject: `Το αίτημά σας «${name.el}»: ${stage.el}`, paragraphs: [`Το αίτημά σας «${name.el}» είναι τώρα: ${stage.el}.`, ...(notes ? [`Η υπηρεσία σημειώνει: ${notes}`] : [])] },
        en: { subject: `Your request "${name.en}": ${stage.en}`, paragraphs: [`Your request "${name.en}" is now: ${stage.en}.`, ...(notes ? [`The service notes: ${notes}`] : [])] },
      };
    }
    case 'RequestReplied':
      return {
        el: { subject: `Απάντηση της υπηρεσίας για το αίτημά σας «${name.el}»`, paragraphs: ['Η υπηρεσία απάντησε δημόσια στο αίτημά σας:', event.data.text] },
        en: { subject: `The service replied to your request "${name.en}"`, paragraphs: ['The service replied in public to your request:', event.data.text] },
      };
    case 'RequestExpectedDateSet': {
      const at = event.data.expectedAt;
      return at === null
        ? {
            el: { subject: `Το αίτημά σας «${name.el}»: χωρίς αναμενόμενη ημερομηνία`, paragraphs: ['Η υπηρεσία απέσυρε την αναμενόμενη ημερομηνία αποκατάστασης.'] },
            en: { subject: `Your request "${name.en}": no expected date`, paragraphs: ['The service withdrew the expected date of the fix.'] },
          }
        : {
            el: { subject: `Το αίτημά σας «${name.el}»: αναμένεται έως ${day(at)}`, paragraphs: [`Η υπηρεσία αναμένει να το αποκαταστήσει έως τις ${day(at)}.`] },
            en: { subject: `Your request "${name.en}": expected by ${day(at)}`, paragraphs: [`The service expects to fix it by ${day(at)}.`] },
          };
    }
    case 'RequestMerged':
      return {
        el: {
          subject: `Το αίτημά σας «${name.el}» συγχωνεύθηκε με άλλο`,
          paragraphs: [`Το ίδιο πρόβλημα είχε ήδη αναφερθεί (αίτημα ${event.data.into}): το αίτημά σας συγχωνεύθηκε με εκείνο και μετρά ως υποστήριξή του. Θα σας ενημερώνουμε για την πορεία του.`],
        },
        en: {
          subject: `Your request "${name.en}" was merged with another`,
          paragraphs: [`The same problem had already been reported (request ${event.data.into}): your request was merged into it and counts as its support. We will tell you of its progress.`],
        },
      };
    default: {
      const _exhaustive: never = event;
      throw new Error('unknown event');
    }
  }
};

/** The request the e-mail links to: the one that stays, after a merge. */
const linkedRequest = (event: Told): string => (event.type === 'RequestMerged' ? event.data.into : event.data.requestId);

const atOf = (event: Told): string => event.data.at;

/** The reporter's address: the contact they gave, or a citizen's verified one; null when erased or none. */
const addressOf = async (keyring: Keyring, schema: string, tx: SqlExecutor, reporter: Reporter): Promise<string | null> => {
  const contact = await keyring.open<ReporterContact>(reporter.subjectId, reporter.sealed, tx);
  if (contact === null) return null;
  if (contact.email) return contact.email;
  if (!reporter.account) return null;
  const [citizen] = await tx.query<{ email: string | null }>(`SELECT email FROM ${table(schema, CITIZENS)} WHERE subject_id = $1`, [reporter.subjectId]);
  return citizen?.email ?? null;
};

export interface RequestsNotifying {
  readonly schema: string;
  readonly keyring: Keyring;
  readonly publicUrl: string;
  readonly types: readonly RequestType[];
  readonly now?: () => Date;
}

export const requestsNotifications =
  (o: RequestsNotifying): NotificationRule =>
  async (projected, tx): Promise<readonly OutboundMessage[]> => {
    if (!TYPES.has(projected.type)) return [];
    const event = { type: projected.type, data: projected.data } as Told;
    const now = (o.now ?? (() => new Date()))();
    if (Date.parse(atOf(event)) < now.getTime() - RECENT_DAYS * 86_400_000) return [];
    const requestId = event.data.requestId;
    const [row] = await tx.query<{ service_code: string }>(`SELECT service_code FROM ${table(o.schema, REQUESTS)} WHERE request_id = $1`, [requestId]);
    if (!row) return [];
    const type = o.types.find((t) => t.code === row.service_code);
    const name = type?.name ?? { el: row.service_code, en: row.service_code };
    const change = changeOf(event, name);
    const shown = linkedRequest(event);
    const fixed = event.type === 'RequestStatusChanged' && event.data.stage === 'fixed';
    const until = fixed ? day(new Date(Date.parse(event.data.at) + REOPEN_DAYS * 86_400_000).toISOString()) : '';
    const messages: OutboundMessage[] = [];
    for (const reporter of await reportersToTell(tx, o.schema, requestId)) {
      const to = await addressOf(o.keyring, o.schema, tx, reporter);
      if (to === null) continue;
      const text = (lang: 'el' | 'en'): EmailText => {
        const lines = change[lang];
        const merged = reporter.requestId !== requestId && event.type !== 'RequestMerged';
        const context = merged
          ? [lang === 'el' ? `Το αίτημά σας συγχωνεύθηκε με αυτό (${requestId}), που αφορά το ίδιο πρόβλημα.` : `Your request was merged into this one (${requestId}), about the same problem.`]
          : [];
        // An account reopens its own request from its page; anyone else (a merged duplicate's reporter too) by the link.
        const own = reporter.account && reporter.requestId === requestId;
        const reopen = fixed
          ? [
              lang === 'el'
                ? `Αν το πρόβλημα δεν λύθηκε, μπορείτε να ξανανοίξετε το αίτημα έως τις ${until} (${REOPEN_DAYS} ημέρες): ${own ? `${o.publicUrl}/my/requests/${requestId}` : reopenLink(o.publicUrl, o.keyring, requestId, reporter.subjectId, 'el')}`
                : `If the problem is not solved, you can reopen the request until ${until} (${REOPEN_DAYS} days): ${own ? `${o.publicUrl}/en/my/requests/${requestId}` : reopenLink(o.publicUrl, o.keyring, requestId, reporter.subjectId, 'en')}`,
            ]
          : [];
        return lang === 'el'
          ? { subject: lines.subject, greeting: 'Καλημέρα σας,', paragraphs: [...context, ...lines.paragraphs, ...reopen], action: { label: 'Η σελίδα του αιτήματος', url: `${o.publicUrl}/requests/${shown}` }, signature: 'Δήμος Ληξουρίου' }
          : { subject: lines.subject, greeting: 'Hello,', paragraphs: [...context, ...lines.paragraphs, ...reopen], action: { label: 'The request’s page', url: `${o.publicUrl}/en/requests/${shown}` }, signature: 'Municipality of Lixouri' };
      };
      messages.push({
        // Once per reporter and event; the subject, not the address, names the recipient in the key.
        key: `${projected.id}:email:reporter:${reporter.subjectId}`,
        channel: 'email',
        subjectId: reporter.subjectId,
        to,
        email: renderEmail({ el: text('el'), en: text('en') }),
      });
    }
    return messages;
  };
