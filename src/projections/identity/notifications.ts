// The identity context's messages: a new address for notices gets the link that confirms it. The rule runs
// in the projection runner's transaction (src/notify's projection); the address and the link's token are
// opened there with the subject's key, so after an erasure (key gone) a rebuild sends nothing. A link
// already past its time is not sent again when a rebuild replays old events.
import type { ContactEmailRequested } from '../../domain/index.ts';
import type { Keyring } from '../../eventstore/keyring.ts';
import type { NotificationRule, OutboundMessage } from '../../notify/index.ts';
import { renderEmail } from '../../notify/index.ts';

export const emailVerificationLink = (publicUrl: string, subjectId: string, token: string): string =>
  `${publicUrl}/my/email/verify?s=${encodeURIComponent(subjectId)}&t=${encodeURIComponent(token)}`;

export const identityNotifications =
  (keyring: Keyring, publicUrl: string, now: () => Date = () => new Date()): NotificationRule =>
  async (event, tx): Promise<readonly OutboundMessage[]> => {
    if (event.type !== 'ContactEmailRequested') return [];
    const data = event.data as ContactEmailRequested['data'];
    if (Date.parse(data.expiresAt) <= now().getTime()) return [];
    const opened = await keyring.open<{ email: string; token: string }>(data.subjectId, data.sealed, tx);
    if (!opened) return [];
    const url = emailVerificationLink(publicUrl, data.subjectId, opened.token);
    return [
      {
        // One message per event; the address is not in the key, which the delivery log keeps.
        key: `${event.id}:email:verify`,
        channel: 'email',
        subjectId: data.subjectId,
        to: opened.email,
        email: renderEmail({
          el: {
            subject: 'Επιβεβαίωση e-mail για τις ειδοποιήσεις του Δήμου Ληξουρίου',
            greeting: 'Καλημέρα σας,',
            paragraphs: [
              'Δηλώσατε αυτή τη διεύθυνση στον λογαριασμό σας στην ηλεκτρονική πύλη του Δήμου Ληξουρίου, για να λαμβάνετε ειδοποιήσεις για τις υποθέσεις σας.',
              'Για να την επιβεβαιώσετε, ανοίξτε τον σύνδεσμο μέσα σε 24 ώρες. Αν δεν τη δηλώσατε εσείς, αγνοήστε αυτό το μήνυμα: δεν θα χρησιμοποιηθεί.',
            ],
            action: { label: 'Επιβεβαίωση της διεύθυνσης', url },
            signature: 'Δήμος Ληξουρίου',
          },
          en: {
            subject: 'Confirm your e-mail for notices from the Municipality of Lixouri',
            greeting: 'Hello,',
            paragraphs: [
              "You gave this address in your account on the Municipality of Lixouri's online portal, to receive notices about your cases.",
              'To confirm it, open the link within 24 hours. If it was not you, ignore this message: the address will not be used.',
            ],
            action: { label: 'Confirm the address', url },
            signature: 'Municipality of Lixouri',
          },
        }),
      },
    ];
  };
