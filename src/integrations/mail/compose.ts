// The nodemailer message for one outbox e-mail: the same Message-ID and Date on every attempt, so a resend
// is the same message to the recipient's client, not a new one.
import type { SendMailOptions } from 'nodemailer';
import type { EmailToSend } from '../../notify/index.ts';
import { messageIdFor } from '../../notify/index.ts';

export const composeMail = (message: EmailToSend, from: string, domain: string): SendMailOptions => ({
  from,
  to: message.to,
  subject: message.content.subject,
  text: message.content.text,
  html: message.content.html,
  messageId: messageIdFor(message.key, domain),
  date: message.createdAt,
  textEncoding: 'quoted-printable',
});
