// The live lists of a citizen's own pages (live-list.js, shared by «Τα αιτήματά μου» and «Οι αιτήσεις
// μου»), in Chromium: the table as the pages draw it, the JSON it polls answered by the test; time moved by
// Playwright's clock, not waited for. A changed state is written in the server's words and announced; an
// application's fee line stays beside its new status; an issued document's link and code appear; polling
// stops once every row is final, and goes on while one is not.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { e2e } from './support/context.ts';

const ORIGIN = 'http://live-list.test';
const SCRIPT = await readFile(new URL('../../src/web/static/live-list.js', import.meta.url), 'utf8');

const live = suite('live-list.js: a citizen’s own list follows the office');

interface Served {
  page: Page;
  polls: number;
  answer: Record<string, unknown>;
}

/** A page of `table` at ORIGIN, its JSON at /poll answering `served.answer`, the script loaded. */
const open = async (table: string): Promise<Served> => {
  const page = await e2e().browser.newPage();
  await page.clock.install();
  const served: Served = { page, polls: 0, answer: {} };
  await page.route(`${ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/poll') {
      served.polls += 1;
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify(served.answer) });
    }
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="el"><body>${table}<p aria-live="polite" data-announcer></p></body></html>` });
  });
  await page.goto(`${ORIGIN}/`);
  await page.addScriptTag({ content: SCRIPT, type: 'module' });
  return served;
};

const text = (page: Page, selector: string) => page.locator(selector).innerText();

live('a request’s stage changes in words, is announced, and polling stops when it is final', async () => {
  const words = JSON.stringify({ open: 'Ανοιχτό', acknowledged: 'Παραλήφθηκε', fixed: 'Επιδιορθώθηκε' }).replaceAll('"', '&quot;');
  const final = JSON.stringify(['fixed', 'closed', 'duplicate', 'not_municipal']).replaceAll('"', '&quot;');
  const served = await open(`<table data-poll="/poll" data-list="requests" data-field="stage" data-words="${words}" data-final="${final}">
<tr data-id="r-1" data-state="open"><th>Λακκούβα</th><td data-state-text>Ανοιχτό</td></tr>
<tr data-id="r-2" data-state="open"><th>Φανοστάτης</th><td data-state-text>Ανοιχτό</td></tr></table>`);
  const { page } = served;
  try {
    served.answer = { requests: [{ id: 'r-1', stage: 'acknowledged' }, { id: 'r-2', stage: 'open' }] };
    await page.clock.runFor(5_100);
    await page.waitForFunction(() => document.querySelector('tr[data-id="r-1"] td')?.textContent === 'Παραλήφθηκε');
    assert.is(await text(page, '[data-announcer]'), 'Λακκούβα: Παραλήφθηκε');
    assert.is(await text(page, 'tr[data-id="r-2"] td'), 'Ανοιχτό');

    served.answer = { requests: [{ id: 'r-1', stage: 'fixed' }, { id: 'r-2', stage: 'fixed' }] };
    await page.clock.runFor(5_100);
    await page.waitForFunction(() => document.querySelector('tr[data-id="r-2"] td')?.textContent === 'Επιδιορθώθηκε');
    const polls = served.polls;
    await page.clock.runFor(30_000);
    assert.is(served.polls, polls, 'every request final: no more polling');
  } finally {
    await page.close();
  }
});

live('an application: the fee line stays beside its new status; the issued document’s link and code appear', async () => {
  const words = JSON.stringify({ submitted: 'Υποβλήθηκε', issued: 'Εκδόθηκε' }).replaceAll('"', '&quot;');
  const final = JSON.stringify(['rejected', 'issued', 'withdrawn']).replaceAll('"', '&quot;');
  const served = await open(`<table data-poll="/poll" data-list="applications" data-field="status" data-words="${words}" data-final="${final}" data-download="Λήψη" data-code="Κωδικός" data-prefix="/my/applications/">
<tr data-id="a 1" data-state="submitted"><th>Βεβαίωση μόνιμης κατοικίας</th><td data-state-text>Υποβλήθηκε<br><a href="/my/debts">Τέλος 2,00 €</a></td><td data-document></td></tr></table>`);
  const { page } = served;
  try {
    served.answer = { applications: [{ id: 'a 1', status: 'issued', document: { verificationCode: 'LX-7Q2M-9KD4' } }] };
    await page.clock.runFor(5_100);
    await page.waitForFunction(() => document.querySelector('[data-document] a') !== null);
    assert.is(await page.locator('[data-state-text]').evaluate((cell) => cell.firstChild?.textContent), 'Εκδόθηκε');
    assert.is(await text(page, '[data-state-text] a'), 'Τέλος 2,00 €', 'the fee line is kept');
    assert.is(await page.locator('[data-document] a').getAttribute('href'), '/my/applications/a%201/document.pdf');
    assert.is(await page.locator('[data-document] a').getAttribute('download'), '');
    assert.is(await text(page, '[data-document] code'), 'LX-7Q2M-9KD4');
    assert.match(await text(page, '[data-document]'), 'Κωδικός: LX-7Q2M-9KD4');
  } finally {
    await page.close();
  }
});

live('a failed poll is tried again; a row the JSON does not name is left alone', async () => {
  const words = JSON.stringify({ open: 'Ανοιχτό', in_progress: 'Σε εξέλιξη' }).replaceAll('"', '&quot;');
  const served = await open(`<table data-poll="/poll" data-list="requests" data-field="stage" data-words="${words}" data-final="[]">
<tr data-id="r-1" data-state="open"><th>Λακκούβα</th><td data-state-text>Ανοιχτό</td></tr></table>`);
  const { page } = served;
  try {
    await page.route(`${ORIGIN}/poll`, (route) => route.fulfill({ status: 503, body: '' }), { times: 1 });
    served.answer = { requests: [{ id: 'other', stage: 'in_progress' }] };
    await page.clock.runFor(5_100);
    await page.clock.runFor(5_100);
    assert.is(await text(page, 'td'), 'Ανοιχτό');
    served.answer = { requests: [{ id: 'r-1', stage: 'in_progress' }] };
    await page.clock.runFor(5_100);
    await page.waitForFunction(() => document.querySelector('td')?.textContent === 'Σε εξέλιξη');
    // The 503 is not counted (its route answers first); the row moved, so a poll came after the failure.
    // How many did depends on when each answer lands against the mocked clock, so only that one did.
    assert.ok(served.polls >= 1, `polls after a failure: ${served.polls}`);
  } finally {
    await page.close();
  }
});

live.run();
