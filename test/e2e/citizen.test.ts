// A citizen in real Chromium: the TaxisNet login against the local GSIS double (real redirects through the
// browser, the real client's token exchange and XML userinfo over HTTP), the account page, the e-mail link
// delivered to a real SMTP server by the dispatcher, language, the download, CSRF refusals, logout, a
// cancelled login, and a name with markup. The citizen's site runs in an app of its own (the whole town
// hall, on a fresh schema) at a public address known before it listens, since TaxisNet redirects to it.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createEmailTransport } from '../../src/integrations/mail/index.ts';
import { createWebhookTransport } from '../../src/integrations/webhooks/index.ts';
import type { Dispatcher } from '../../src/notify/index.ts';
import { startDispatcher } from '../../src/notify/index.ts';
import type { SmtpDouble } from '../support/doubles/smtp/index.ts';
import { startSmtpDouble } from '../support/doubles/smtp/index.ts';
import type { TaxisNetDouble, UserinfoAttributes } from '../support/doubles/taxisnet/index.ts';
import { paddedCitizen, startTaxisNetDouble } from '../support/doubles/taxisnet/index.ts';
import type { CitizenSite } from '../web/identity/citizenSite.ts';
import { startCitizenSite } from '../web/identity/citizenSite.ts';
import { axeViolations, describeViolations } from './support/axe.ts';
import { screenshot, VIEWPORTS, watchPage } from './support/browser.ts';
import { e2e } from './support/context.ts';

const SESSION = '__Host-od_session';
const CLIENT_ID = 'od-lixouri-e2e';
const CLIENT_SECRET = 'e2e:secret&odd=chars';

/** Other citizens the double can be told to answer with (valid ΑΦΜ check digits), padded as GSIS pads. */
const eleni: UserinfoAttributes = {
  userid: 'ekosmetatou    ',
  taxid: '047312951',
  lastname: 'ΚΟΣΜΕΤΑΤΟΥ                    ',
  firstname: 'ΕΛΕΝΗ                         ',
  fathername: 'ΣΠΥΡΙΔΩΝ',
  mothername: 'ΑΙΚΑΤΕΡΙΝΗ',
  birthyear: '1985',
};
const andreas: UserinfoAttributes = { userid: 'ametaxas', taxid: '051296746', lastname: 'ΜΕΤΑΞΑΣ', firstname: 'ΑΝΔΡΕΑΣ', fathername: 'ΓΕΡΑΣΙΜΟΣ', birthyear: '1971' };
const marked: UserinfoAttributes = {
  userid: 'atzannetatou',
  taxid: '077632109',
  lastname: 'ΤΖΑΝΝΕΤΑΤΟΥ <img src=x onerror="document.title=\'pwned\'">',
  firstname: 'ΑΓΓΕΛΙΚΗ <script>document.title="pwned"</script> & ΜΑΡΙΑ',
  fathername: 'ΝΙΚΟΛΑΟΣ "ΝΙΚΟΣ"',
  mothername: 'ΕΥΑΝΘΙΑ',
  birthyear: '1999',
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const citizen = suite('a citizen in Chromium: TaxisNet login, the account, logout');
let publicUrl: string;
let taxisNet: TaxisNetDouble;
let smtp: SmtpDouble;
let site: CitizenSite;
let dispatcher: Dispatcher;

citizen.before(async () => {
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  taxisNet = await startTaxisNetDouble({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${publicUrl}/auth/taxisnet/callback` });
  smtp = await startSmtpDouble();
  site = await startCitizenSite({ publicUrl, taxisNet: { mode: 'taxisnet', baseUrl: taxisNet.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
  await site.app.listen({ port, host: '127.0.0.1' });
  dispatcher = startDispatcher({
    client: site.db.client,
    schema: site.db.schema,
    transports: { email: createEmailTransport({ smtpUrl: smtp.url, from: 'Δήμος Ληξουρίου <noreply@lixouri.gr>', dataDir: tmpdir() }), webhook: createWebhookTransport() },
    pollMs: 500,
  });
});
citizen.before.each(() => {
  taxisNet.behave({ authorize: 'consent', token: 'ok', userinfo: 'ok' });
  taxisNet.setUser(paddedCitizen);
});
citizen.after(async () => {
  await dispatcher.stop();
  await site.close();
  await smtp.close();
  await taxisNet.close();
});

const newContext = (): Promise<BrowserContext> => e2e().browser.newContext({ viewport: VIEWPORTS.desktop });

const sessionCookie = async (context: BrowserContext) => (await context.cookies(publicUrl)).find((c) => c.name === SESSION);

/**
 * Clicks and waits for the page the click ends on to load. Redirects (to TaxisNet and back, a POST's 303)
 * commit no document, so the next main-frame navigation is that page, even when its address is the same.
 */
const clickThrough = async (page: Page, selector: string): Promise<void> => {
  await Promise.all([page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }), page.click(selector)]);
  await page.waitForLoadState('load');
};

/** From the account page's login button through TaxisNet's redirects back to the account. */
const logIn = async (page: Page): Promise<void> => {
  await page.goto(`${publicUrl}/my/`);
  await clickThrough(page, 'main a[href^="/auth/taxisnet"]');
};

/** Submits a form of the page by its button and hands back the answer to its POST. */
const submit = async (page: Page, action: string): Promise<Response> => {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    clickThrough(page, `form[action="${action}"] button[type="submit"]`),
  ]);
  return answer;
};

const waitForMail = async (to: string, timeoutMs = 15_000) => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mail = smtp.received.find((m) => m.to.includes(to));
    if (mail) return mail;
    if (Date.now() > until) throw new Error(`no mail to ${to} within ${timeoutMs} ms (received: ${smtp.received.length})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

citizen('the TaxisNet login lands on /my/ with the name and ΑΦΜ, a Secure HttpOnly Lax session, and no WCAG violation', async () => {
  const context = await newContext();
  try {
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${publicUrl}/my/`);
    assert.is(await sessionCookie(context), undefined, 'no session before the login');
    taxisNet.requests.length = 0;
    await logIn(page);
    assert.is(page.url(), `${publicUrl}/my/`);
    assert.match((await page.textContent('h1')) ?? '', 'ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΑΤΟΣ');
    assert.match((await page.textContent('main table.facts')) ?? '', '012481630');
    // The browser went to TaxisNet's authorize endpoint, and the app exchanged the code with its secret and PKCE.
    const token = taxisNet.requests.find((r) => r.path === '/oauth2server/oauth/token');
    assert.ok(token, 'the code was exchanged at the token endpoint');
    assert.is(token.form.client_secret, CLIENT_SECRET);
    assert.match(token.form.code_verifier ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.ok(taxisNet.requests.some((r) => r.path === '/oauth2server/userinfo' && r.query.format === 'xml'));
    const cookie = await sessionCookie(context);
    assert.ok(cookie, 'Chromium kept the __Host- session cookie');
    assert.is(cookie.secure, true);
    assert.is(cookie.httpOnly, true);
    assert.is(cookie.sameSite, 'Lax');
    assert.is(cookie.path, '/');
    assert.is(await page.evaluate(() => document.cookie.includes('od_session')), false, 'scripts cannot read the session cookie');
    for (const viewport of ['desktop', 'phone'] as const) {
      await page.setViewportSize(VIEWPORTS[viewport]);
      const violations = await axeViolations(page);
      assert.is(violations.length, 0, `/my/ at ${viewport} width:\n${describeViolations(violations)}`);
      await screenshot(page, 'my-account-el', viewport);
    }
    assert.equal(problems, [], problems.join('\n'));
  } finally {
    await context.close();
  }
});

citizen('an e-mail for notices: the link reaches the SMTP server, following it and confirming verifies the address', async () => {
  taxisNet.setUser(eleni);
  const context = await newContext();
  try {
    const page = await context.newPage();
    await logIn(page);
    const address = `eleni.${Date.now()}@example.gr`;
    await page.fill('#email', address);
    const sent = await submit(page, '/my/email');
    assert.is(sent.status(), 303);
    assert.is(new URL(page.url()).search, '?done=email');
    assert.match((await page.textContent('main [role="status"]')) ?? '', 'Στείλαμε σύνδεσμο');
    assert.match((await page.textContent('main')) ?? '', address, 'the address waits for its link');
    assert.not.match((await page.textContent('main')) ?? '', 'επιβεβαιωμένο');

    const mail = await waitForMail(address);
    const text = mail.parsed.text ?? '';
    assert.ok(text.includes('Καλημέρα σας') && text.indexOf('Καλημέρα σας') < text.indexOf('Hello,'), `Greek first, English below:\n${text}`);
    const link = new RegExp(`${publicUrl.replace(/[.:/]/g, '\\$&')}/my/email/verify\\?[^\\s<>"\\]]+`).exec(text)?.[0];
    assert.ok(link, `a link to this site in the mail:\n${text}`);
    await page.goto(link);
    assert.match((await page.textContent('h1')) ?? '', 'Επιβεβαίωση e-mail');
    const confirmed = await submit(page, '/my/email/verify');
    assert.is(confirmed.status(), 200);
    assert.match((await page.textContent('main')) ?? '', 'Η διεύθυνση επιβεβαιώθηκε');

    await page.goto(`${publicUrl}/my/`);
    assert.match((await page.textContent('main')) ?? '', `${address} (επιβεβαιωμένο)`);
    const my = await page.request.get(`${publicUrl}/api/my`);
    assert.is((await my.json() as { email: string | null }).email, address);
    // The link is good once: confirming it again is refused.
    await page.goto(link);
    const again = await submit(page, '/my/email/verify');
    assert.is(again.status(), 400);
  } finally {
    await context.close();
  }
});

citizen('language: English chosen and kept; /en/my/ is in English; the download holds the person and their choices', async () => {
  taxisNet.setUser(andreas);
  const context = await newContext();
  try {
    const page = await context.newPage();
    await logIn(page);
    await page.check('input[name="language"][value="en"]');
    const saved = await submit(page, '/my/language');
    assert.is(saved.status(), 303);
    assert.match((await page.textContent('main [role="status"]')) ?? '', 'Οι αλλαγές αποθηκεύτηκαν');
    await page.reload();
    assert.is(await page.isChecked('input[name="language"][value="en"]'), true, 'the choice is kept');

    await page.goto(`${publicUrl}/en/my/`);
    assert.is(await page.getAttribute('html', 'lang'), 'en');
    assert.match((await page.textContent('h1')) ?? '', 'My account: ΑΝΔΡΕΑΣ ΜΕΤΑΞΑΣ');
    assert.match((await page.textContent('main')) ?? '', 'What the Municipality holds');
    assert.is(await page.getAttribute('form[action="/en/my/language"]', 'method'), 'post');
    const violations = await axeViolations(page);
    assert.is(violations.length, 0, `/en/my/:\n${describeViolations(violations)}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('main a[href="/en/my/data.json"]')]);
    assert.match(download.suggestedFilename(), /^opendimos-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      subject: Record<string, unknown>;
      contact: { language: string; email: string | null };
      history: { type: string }[];
    };
    assert.equal(data.subject, { kind: 'person', taxid: '051296746', userId: 'ametaxas', lastName: 'ΜΕΤΑΞΑΣ', firstName: 'ΑΝΔΡΕΑΣ', fatherName: 'ΓΕΡΑΣΙΜΟΣ', motherName: '', birthYear: 1971 });
    assert.is(data.contact.language, 'en');
    assert.is(data.contact.email, null);
    assert.equal(data.history.map((h) => h.type), ['CitizenRegistered', 'CitizenLoggedIn', 'LanguageChosen']);
  } finally {
    await context.close();
  }
});

citizen('a form without its CSRF token, with a wrong one, or from another origin is refused with 403 in Greek and English; nothing changes', async () => {
  taxisNet.setUser(eleni);
  const context = await newContext();
  try {
    const page = await context.newPage();
    await logIn(page);
    const phoneBefore = await page.inputValue('#phone');
    const refusals: { url: string; status: number; body: string }[] = [];
    // A redirect (the change accepted) has no body to read; its status alone fails the test.
    const keep = async (answer: Response) =>
      refusals.push({ url: answer.url(), status: answer.status(), body: answer.status() >= 300 && answer.status() < 400 ? '' : await answer.text() });

    // The page's own phone form, its token altered, then taken out.
    await page.fill('#phone', '6912345678');
    await page.$eval('form[action="/my/phone"] input[name="_csrf"]', (input) => ((input as HTMLInputElement).value = 'not-the-session-token'));
    await keep(await submit(page, '/my/phone'));
    await page.goto(`${publicUrl}/my/`);
    await page.fill('#phone', '6912345678');
    await page.$eval('form[action="/my/phone"] input[name="_csrf"]', (input) => input.remove());
    await keep(await submit(page, '/my/phone'));

    // A page of another origin on the same site (another port of this host), so the Lax cookie goes along.
    const attacker = `http://127.0.0.1:${new URL(taxisNet.baseUrl).port}/prize.html`;
    await page.route(attacker, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="el"><title>Δώρο</title><form method="post" action="${publicUrl}/my/language"><input type="hidden" name="language" value="en"><input type="hidden" name="_csrf" value="guessed"><button type="submit">Κερδίστε</button></form></html>`,
      }),
    );
    await page.goto(attacker);
    const [crossSite] = await Promise.all([page.waitForResponse((r) => r.url() === `${publicUrl}/my/language`), clickThrough(page, 'button')]);
    await keep(crossSite);

    for (const refusal of refusals) {
      assert.is(refusal.status, 403, refusal.url);
      const { body } = refusal;
      assert.match(body, 'Η φόρμα έληξε');
      assert.match(body, 'Τίποτα δεν άλλαξε');
      assert.match(body, 'The form expired');
      assert.match(body, 'Nothing was changed');
      assert.ok(body.indexOf('Η φόρμα έληξε') < body.indexOf('The form expired'), 'Greek first');
    }
    assert.match((await page.textContent('h1')) ?? '', 'Η φόρμα έληξε', 'the browser shows the refusal page');

    await page.goto(`${publicUrl}/my/`);
    assert.is(await page.inputValue('#phone'), phoneBefore, 'the phone is unchanged');
    assert.is(await page.isChecked('input[name="language"][value="el"]'), true, 'the language is unchanged');
    const my = (await (await page.request.get(`${publicUrl}/api/my`)).json()) as { language: string; taxid: string };
    assert.equal([my.taxid, my.language], ['047312951', 'el'], 'still logged in, nothing changed');
  } finally {
    await context.close();
  }
});

citizen('logout ends the session here and at TaxisNet: back and reload of /my/ ask for a login, the old cookie opens nothing', async () => {
  const context = await newContext();
  try {
    const page = await context.newPage();
    const problems = watchPage(page);
    await logIn(page);
    const before = await sessionCookie(context);
    assert.ok(before);
    taxisNet.requests.length = 0;
    await Promise.all([page.waitForURL(`${publicUrl}/`), page.click('form[action="/auth/logout"] button')]);
    assert.ok(
      taxisNet.requests.some((r) => r.path === `/oauth2server/logout/${CLIENT_ID}/` && r.query.url === `${publicUrl}/`),
      'the browser went through TaxisNet logout and came back home',
    );
    assert.is(await sessionCookie(context), undefined, 'the cookie is gone');

    await page.goBack();
    assert.is(new URL(page.url()).pathname, '/my/');
    assert.ok(await page.isVisible('main a[href^="/auth/taxisnet"]'), 'back to /my/ shows the login, not the account');
    assert.not.match((await page.textContent('main')) ?? '', '012481630');
    await page.reload();
    assert.ok(await page.isVisible('main a[href^="/auth/taxisnet"]'), 'a reload of /my/ shows the login');
    assert.not.match((await page.textContent('main')) ?? '', 'ΠΑΠΑΔΑΤΟΣ');

    // The cookie as it was before logout, put back (a stolen copy): the server has forgotten it.
    await context.addCookies([{ name: SESSION, value: before.value, domain: '127.0.0.1', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }]);
    assert.is((await sessionCookie(context))?.value, before.value, 'the old cookie is back in the browser');
    assert.is((await page.request.get(`${publicUrl}/api/my`)).status(), 401);
    await page.goto(`${publicUrl}/my/`);
    assert.ok(await page.isVisible('main a[href^="/auth/taxisnet"]'));
    assert.equal(problems, [], problems.join('\n'));
  } finally {
    await context.close();
  }
});

citizen('a login cancelled at TaxisNet shows the clear page with a way to try again, and leaves no session', async () => {
  taxisNet.behave({ authorize: 'deny' });
  const context = await newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${publicUrl}/my/`);
    const [callback] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/taxisnet/callback'),
      clickThrough(page, 'main a[href^="/auth/taxisnet"]'),
    ]);
    assert.is(callback.status(), 200);
    assert.is(new URL(page.url()).searchParams.get('error'), 'access_denied');
    assert.match((await page.textContent('h1')) ?? '', 'Η σύνδεση δεν ολοκληρώθηκε');
    assert.match((await page.textContent('main')) ?? '', 'Ακυρώσατε τη σύνδεση στο TaxisNet. Δεν συνδεθήκατε.');
    assert.ok(await page.isVisible('main a[href="/auth/taxisnet?next=%2Fmy%2F"]'), 'a link to try again');
    assert.is(await sessionCookie(context), undefined, 'no session cookie');
    assert.is((await page.request.get(`${publicUrl}/api/my`)).status(), 401);
  } finally {
    await context.close();
  }
});

citizen('a name with markup from TaxisNet is shown as text: no element made, no script run', async () => {
  taxisNet.setUser(marked);
  const context = await newContext();
  try {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await logIn(page);
    assert.is(new URL(page.url()).pathname, '/my/');
    const heading = (await page.textContent('h1')) ?? '';
    assert.match(heading, 'ΑΓΓΕΛΙΚΗ <script>document.title="pwned"</script> & ΜΑΡΙΑ');
    assert.match(heading, 'ΤΖΑΝΝΕΤΑΤΟΥ <img src=x onerror="document.title=\'pwned\'">');
    assert.is(await page.locator('main img, main script').count(), 0, 'the markup made no element');
    assert.not.match(await page.title(), 'pwned');
    assert.equal(dialogs, []);
    await page.goto(`${publicUrl}/en/my/`);
    assert.is(await page.locator('main img, main script').count(), 0);
    assert.not.match(await page.title(), 'pwned');
  } finally {
    await context.close();
  }
});

citizen.run();
