// One e-mail in both languages: Greek first, English below, as a text part and an HTML part. Everything
// given is text and is escaped; the HTML is plain, with inline styles only, as mail clients want.
import type { EmailContent } from './transports.ts';

export interface EmailText {
  readonly subject: string;
  /** Opening line, e.g. «Αγαπητή κυρία Παπαδοπούλου,». */
  readonly greeting?: string;
  readonly paragraphs: readonly string[];
  /** A link to act on (verify an e-mail, see a request): http(s) only. */
  readonly action?: { readonly label: string; readonly url: string };
  readonly signature?: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim();

const checkedUrl = (url: string): string => {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`renderEmail: a link must be http(s), not ${parsed.protocol}`);
  return parsed.href;
};

const textPart = (t: EmailText): string =>
  [t.greeting, ...t.paragraphs, t.action ? `${t.action.label}: ${checkedUrl(t.action.url)}` : undefined, t.signature]
    .filter((line): line is string => line !== undefined && line !== '')
    .join('\n\n');

const htmlPart = (t: EmailText, lang: 'el' | 'en'): string => {
  const blocks = [
    t.greeting ? `<p>${escapeHtml(t.greeting)}</p>` : '',
    ...t.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    t.action ? `<p><a href="${escapeHtml(checkedUrl(t.action.url))}" style="color:#0b4f8a">${escapeHtml(t.action.label)}</a></p>` : '',
    t.signature ? `<p>${escapeHtml(t.signature)}</p>` : '',
  ];
  return `<div lang="${lang}">\n${blocks.filter(Boolean).join('\n')}\n</div>`;
};

export const renderEmail = (parts: { el: EmailText; en: EmailText }): EmailContent => {
  const subject = `${oneLine(parts.el.subject)} / ${oneLine(parts.en.subject)}`;
  return {
    subject,
    text: `${textPart(parts.el)}\n\n-- English --\n\n${textPart(parts.en)}\n`,
    html: `<!doctype html>
<html lang="el"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:sans-serif;line-height:1.5;max-width:40em">
${htmlPart(parts.el, 'el')}
<hr style="border:0;border-top:1px solid #ccc;margin:2em 0">
${htmlPart(parts.en, 'en')}
</body></html>
`,
  };
};
