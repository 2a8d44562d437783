// The bilingual template: Greek first, English below, in both parts; everything given is escaped in the
// HTML; a link must be http(s); a subject is one line.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { renderEmail } from '../../src/notify/index.ts';

const test = suite('notify: renderEmail');

test('Greek first, English below, in the text and the HTML; the subject names both', () => {
  const mail = renderEmail({
    el: { subject: 'Επιβεβαίωση e-mail', paragraphs: ['Πατήστε τον σύνδεσμο.'], action: { label: 'Επιβεβαίωση', url: 'https://lixouri.gr/my/verify?t=a&b=c' } },
    en: { subject: 'Confirm your e-mail', paragraphs: ['Follow the link.'], action: { label: 'Confirm', url: 'https://lixouri.gr/en/my/verify?t=a&b=c' } },
  });
  assert.is(mail.subject, 'Επιβεβαίωση e-mail / Confirm your e-mail');
  assert.ok(mail.text.indexOf('Πατήστε') < mail.text.indexOf('Follow'));
  assert.ok(mail.text.includes('Επιβεβαίωση: https://lixouri.gr/my/verify?t=a&b=c'));
  assert.ok(mail.html.indexOf('lang="el"') < mail.html.indexOf('<div lang="en">'));
  assert.ok(mail.html.includes('href="https://lixouri.gr/my/verify?t=a&amp;b=c"'));
});

test('names and text are escaped in the HTML (no markup from a citizen gets through)', () => {
  const name = '<script>alert("x")</script> & «Ο\'Νιλ»';
  const mail = renderEmail({ el: { subject: 'Θέμα', greeting: `Αγαπητέ ${name},`, paragraphs: [name] }, en: { subject: 'Subject', paragraphs: [name] } });
  assert.not.ok(mail.html.includes('<script>'));
  assert.ok(mail.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Ο&#39;Νιλ»'));
  assert.ok(mail.text.includes(name), 'the text part keeps the text as it is');
});

test('a link that is not http(s) is refused; a subject with a line break becomes one line', () => {
  assert.throws(() => renderEmail({ el: { subject: 'α', paragraphs: [], action: { label: 'x', url: 'javascript:alert(1)' } }, en: { subject: 'a', paragraphs: [] } }), /http/);
  assert.is(renderEmail({ el: { subject: 'α\r\nBcc: x@y.gr', paragraphs: [] }, en: { subject: 'a', paragraphs: [] } }).subject, 'α Bcc: x@y.gr / a');
});

test.run();
