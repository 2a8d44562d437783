// The debt statement and its card payment end to end (issue 15): a roll imported for two citizens, each
// logged in through the TaxisNet stand-in; GET /api/my/debts, /my/debts and /en/my/debts show the session's
// own debts only; a card payment goes to the Viva double and back, and is settled only by asking the
// provider: the debt paid and a collection (είσπραξη) of a natural person in the fiscal year when its ΚΑΕ is a
// revenue line there, once, whatever returns and notifications follow, and the finance export of the same
// receipt is a duplicate. Another's debt or order is not found, a forged return or a wrong amount records
// nothing, an unpaid order expires, and unpaid debts keep an account from erasure.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DebtsServices } from '../../../src/api/debts/index.ts';
import { lixouriPayments, NOTIFICATION_PATH, sweepExpiredPayments } from '../../../src/api/debts/index.ts';
import { subjectOf } from '../../../src/api/identity/index.ts';
import type { RevenueCollected } from '../../../src/domain/index.ts';
import { streams } from '../../../src/domain/index.ts';
import { isValidRf } from '../../../src/domain/shared/codes/rf.ts';
import type { RecordedEvent } from '../../../src/eventstore/port.ts';
import type { PaymentProvider } from '../../../src/integrations/payments/index.ts';
import { createVivaProvider } from '../../../src/integrations/payments/index.ts';
import type { ImportReport } from '../../../src/ingest/importFile.ts';
import { importBytes } from '../../ingest/harness.ts';
import type { PaymentsDouble } from '../../support/doubles/payments/index.ts';
import { startPaymentsDouble } from '../../support/doubles/payments/index.ts';
import type { CitizenSite } from '../identity/citizenSite.ts';
import { Browser, csrfOf, logInAs, PUBLIC_URL, startCitizenSite } from '../identity/citizenSite.ts';
import { A, B, caughtUp, csv, LAST, ROLL_HEADER, YEAR } from './debtsSite.ts';


/** This year's budget: the water and traffic-fine revenue lines; no line for the ΤΑΠ (0441.002). */
const BUDGET = csv(
  'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία',
  `02/01/${YEAR};προϋπολογισμός;0351.001;50.000,00;ΠΥ-1;;;;;;Λοιπά έσοδα από ανταποδοτικά τέλη και δικαιώματα;`,
  `02/01/${YEAR};προϋπολογισμός;1512.001;8.000,00;ΠΥ-2;;;;;;Πρόστιμα για μη εφαρμογή Κ.Ο.Κ.;`,
  `02/01/${YEAR};προϋπολογισμός;20-6641;10.000,00;ΠΥ-3;;;;;;Προμήθεια καυσίμων;`,
);

const ROLL = csv(
  ROLL_HEADER,
  `${A};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000301;${YEAR};0351.001;Τέλη ύδρευσης Α΄ εξαμήνου ${YEAR};84,20;10/01/${YEAR};31/03/${YEAR};;;φυσικό πρόσωπο`,
  `${A};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000302;${YEAR};1512.001;Πρόστιμο ΚΟΚ;80,00;10/01/${YEAR};31/12/${YEAR + 1};;;φυσικό πρόσωπο`,
  `${A};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000303;${LAST};0441.002;ΤΑΠ ${LAST};25,50;10/01/${LAST};30/06/${LAST};;;φυσικό πρόσωπο`,
  `${A};ΠΑΠΑΔΑΤΟΣ ΓΕΩΡΓΙΟΣ;000304;${YEAR};0351.001;Τέλη ύδρευσης Β΄ εξαμήνου ${YEAR};40,00;10/01/${YEAR};31/12/${YEAR + 1};;;φυσικό πρόσωπο`,
  `${B};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000401;${YEAR};0351.001;Τέλη ύδρευσης οικίας Κοσμετάτου;61,35;10/01/${YEAR};31/03/${YEAR};;;φυσικό πρόσωπο`,
  `${B};ΚΟΣΜΕΤΑΤΟΥ ΕΛΕΝΗ;000402;${YEAR};1512.001;Πρόστιμο στάθμευσης Κοσμετάτου;47,90;10/01/${YEAR};31/03/${YEAR};;;φυσικό πρόσωπο`,
);

interface Context {
  double: PaymentsDouble;
  provider: PaymentProvider;
  site: CitizenSite;
  debts: DebtsServices;
  a: Browser;
  b: Browser;
}

const test = suite<Context>('web/debts: the statement and the card payment, end to end', {} as Context);

const events = async (site: CitizenSite, stream: string, type?: string): Promise<RecordedEvent[]> =>
  (await site.store.readStream(stream)).filter((e) => type === undefined || e.type === type);

const allOfType = async (site: CitizenSite, type: string): Promise<RecordedEvent[]> =>
  (await site.store.readAll()).filter((e) => e.type === type);

const collections = async (site: CitizenSite): Promise<RevenueCollected['data'][]> =>
  (await events(site, streams.fiscalYear(YEAR), 'RevenueCollected')).map((e) => e.data as RevenueCollected['data']);

interface DebtJson {
  assessment: string;
  year: number;
  kae: string;
  reason: string;
  amount: string;
  paid: string;
  remaining: string;
  dueOn: string;
  status: string;
  rf: string;
}

const statement = async (browser: Browser): Promise<{ debts: DebtJson[]; total: string }> => {
  const answer = await browser.get('/api/my/debts');
  assert.is(answer.statusCode, 200, answer.body);
  return answer.json<{ debts: DebtJson[]; total: string }>();
};

const debtOf = async (browser: Browser, year: number, assessment: string): Promise<DebtJson> => {
  const found = (await statement(browser)).debts.find((d) => d.year === year && d.assessment === assessment);
  if (!found) throw new Error(`no debt ${year}-${assessment} in the statement`);
  return found;
};

/** POST /my/debts/pay with the page's CSRF token (unless told otherwise), as the statement's form does. */
const pay = async (site: CitizenSite, browser: Browser, debts: readonly string[], csrf: 'page' | 'none' = 'page') => {
  const page = await browser.get('/my/debts');
  const form = new URLSearchParams(csrf === 'page' ? { _csrf: csrfOf(page.body) } : {});
  for (const d of debts) form.append('debt', d);
  return site.app.inject({
    method: 'POST',
    url: '/my/debts/pay',
    headers: { cookie: browser.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
};

/** The citizen at the provider's page: opens it and presses a button; where the provider sends the browser. */
const atProvider = async (redirectUrl: string, action: 'pay' | 'decline' | 'cancel'): Promise<URL> => {
  const page = await fetch(redirectUrl);
  assert.is(page.status, 200, 'the provider shows its checkout page');
  await page.arrayBuffer();
  const ref = new URL(redirectUrl).searchParams.get('ref') ?? '';
  const response = await fetch(new URL('/web/checkout', redirectUrl), { method: 'POST', body: new URLSearchParams({ ref, action }), redirect: 'manual' });
  assert.is(response.status, 303);
  await response.arrayBuffer();
  return new URL(response.headers.get('location') ?? '');
};

/** Starts a card payment of these debts; the provider's page address and the order's code. */
const start = async (site: CitizenSite, browser: Browser, debts: readonly string[]): Promise<{ redirectUrl: string; orderCode: string }> => {
  const answer = await pay(site, browser, debts);
  assert.is(answer.statusCode, 303, answer.body.slice(0, 500));
  const redirectUrl = String(answer.headers.location);
  assert.ok(redirectUrl.startsWith(`${double().baseUrl}/web/checkout?ref=`), `sent to the provider: ${redirectUrl}`);
  // The citizen takes a while at the provider's page; by their return the payments read model has the order
  // (on PostgreSQL the change feed brings it a moment later; a return before it would be answered 404).
  await caughtUp(site);
  return { redirectUrl, orderCode: new URL(redirectUrl).searchParams.get('ref') ?? '' };
};

let current: PaymentsDouble | null = null;
const double = (): PaymentsDouble => {
  if (!current) throw new Error('no payments double');
  return current;
};

const PAID_EL = 'Η πληρωμή ολοκληρώθηκε';

const debtPaidCount = async (site: CitizenSite, year: number, assessment: string): Promise<number> => (await events(site, streams.debt(year, assessment), 'DebtPaid')).length;

const notify = async (site: CitizenSite, body: string): Promise<number> =>
  (await site.app.inject({ method: 'POST', url: NOTIFICATION_PATH, headers: { 'content-type': 'application/json; charset=utf-8' }, payload: body })).statusCode;

const transactionOf = (location: URL): string => location.searchParams.get('t') ?? '';

test.before(async (context) => {
  context.double = await startPaymentsDouble({ successUrl: `${PUBLIC_URL}/my/debts/payment/success`, failureUrl: `${PUBLIC_URL}/my/debts/payment/failure` });
  current = context.double;
  // The provider's clock is the double's, now: orders expire when the test moves it on.
  context.double.clock.now = Date.now();
  context.provider = createVivaProvider({
    apiUrl: context.double.baseUrl,
    accountsUrl: `${context.double.baseUrl}/`,
    checkoutUrl: context.double.baseUrl,
    clientId: context.double.account.clientId,
    clientSecret: context.double.account.clientSecret,
    sourceCode: context.double.account.sourceCode,
    merchantId: context.double.account.merchantId,
    apiKey: context.double.account.apiKey,
    now: () => context.double.clock.now,
  });
  const paying = { ...lixouriPayments, payments: context.provider };
  const site = await startCitizenSite({ paying });
  context.site = site;
  context.debts = { ...paying, store: site.store, client: site.db.client, schema: site.db.schema, keyring: site.keyring, now: () => new Date(context.double.clock.now) };
  const budget = await importBytes(site.store, BUDGET, { fileName: `budget-${YEAR}.csv` });
  assert.ok(budget.accepted, JSON.stringify(budget.errors));
  const personal = { keyring: site.keyring, subjectOf: (taxid: string) => subjectOf(site.services, taxid) };
  const roll = await importBytes(site.store, ROLL, { kind: 'debts', fileName: 'debts.csv', actor: 'εσόδων', personal });
  assert.equal([roll.accepted, roll.imported, roll.errors], [true, 6, []]);
  await caughtUp(site);
  context.a = new Browser(site.app);
  context.b = new Browser(site.app);
  assert.is((await logInAs(context.a, A)).statusCode, 303);
  assert.is((await logInAs(context.b, B)).statusCode, 303);
});

test.after(async (context) => {
  await context.site?.close();
  await context.double?.close();
  current = null;
});

const MONEY = /^\d+\.\d{2}$/;

test('GET /api/my/debts: exactly the session\'s own debts, money as decimal strings, valid RF codes, total what remains', async ({ a, b }) => {
  const mine = await statement(a);
  assert.ok(Array.isArray(mine.debts));
  const picked = mine.debts
    .map(({ assessment, year, kae, reason, amount, paid, remaining, dueOn, status, rf }) => ({ assessment, year, kae, reason, amount, paid, remaining, dueOn, status, rf: isValidRf(rf) }))
    .sort((x, y) => x.assessment.localeCompare(y.assessment));
  assert.equal(picked, [
    { assessment: '000301', year: YEAR, kae: '0351.001', reason: `Τέλη ύδρευσης Α΄ εξαμήνου ${YEAR}`, amount: '84.20', paid: '0.00', remaining: '84.20', dueOn: `${YEAR}-03-31`, status: 'overdue', rf: true },
    { assessment: '000302', year: YEAR, kae: '1512.001', reason: 'Πρόστιμο ΚΟΚ', amount: '80.00', paid: '0.00', remaining: '80.00', dueOn: `${YEAR + 1}-12-31`, status: 'due', rf: true },
    { assessment: '000303', year: LAST, kae: '0441.002', reason: `ΤΑΠ ${LAST}`, amount: '25.50', paid: '0.00', remaining: '25.50', dueOn: `${LAST}-06-30`, status: 'overdue', rf: true },
    { assessment: '000304', year: YEAR, kae: '0351.001', reason: `Τέλη ύδρευσης Β΄ εξαμήνου ${YEAR}`, amount: '40.00', paid: '0.00', remaining: '40.00', dueOn: `${YEAR + 1}-12-31`, status: 'due', rf: true },
  ]);
  assert.is(mine.total, '229.70');
  assert.is(new Set(mine.debts.map((d) => d.rf)).size, 4, 'one RF per debt');
  const theirs = await statement(b);
  assert.equal(theirs.debts.map((d) => d.assessment).sort(), ['000401', '000402']);
  assert.is(theirs.total, '109.25');
  for (const d of [...mine.debts, ...theirs.debts]) for (const money of [d.amount, d.paid, d.remaining]) assert.match(money, MONEY);
  assert.not.ok(JSON.stringify(mine).includes('Κοσμετάτου'), "none of B's debts in A's statement");
});

test('/my/debts and /en/my/debts show A\'s debts and never B\'s; without a session: 401 and the login page', async ({ site, a }) => {
  for (const path of ['/my/debts', '/en/my/debts']) {
    const page = await a.get(path);
    assert.is(page.statusCode, 200, path);
    for (const seen of [`Τέλη ύδρευσης Α΄ εξαμήνου ${YEAR}`, 'Πρόστιμο ΚΟΚ', `ΤΑΠ ${LAST}`, '84,20', '229,70']) assert.ok(page.body.includes(seen), `${path} shows ${seen}`);
    for (const hidden of ['Κοσμετάτου', '61,35', '47,90', '109,25', '000401']) assert.not.ok(page.body.includes(hidden), `${path} shows B's ${hidden}`);
  }
  assert.ok((await a.get('/en/my/debts')).body.includes('My debts'));
  const nobody = new Browser(site.app);
  const api = await nobody.get('/api/my/debts');
  assert.is(api.statusCode, 401);
  assert.not.ok(api.body.includes('000301'));
  for (const path of ['/my/debts', '/en/my/debts']) {
    const page = await nobody.get(path);
    assert.is(page.statusCode, 401, path);
    assert.ok(page.body.includes('/auth/taxisnet?next='), `${path} offers the login`);
    assert.not.ok(page.body.includes('000301') || page.body.includes('84,20'), `${path} shows no debt`);
  }
  const started = (await allOfType(site, 'PaymentStarted')).length;
  const form = await nobody.get('/my/debts');
  const anonymous = await pay(site, nobody, [`${YEAR}-000301`], 'none');
  assert.is.not(anonymous.statusCode, 303, 'nobody is sent to the provider');
  assert.is((await allOfType(site, 'PaymentStarted')).length, started, 'nothing started without a session');
  assert.is(form.statusCode, 401);
});

test('security: A posting B\'s debt gets 404 and nothing starts; without CSRF 403 and nothing starts', async ({ site, a, double }) => {
  const orders = () => double.requests.filter((r) => r.path === '/checkout/v2/orders').length;
  const before = [orders(), (await allOfType(site, 'PaymentStarted')).length];
  const foreign = await pay(site, a, [`${YEAR}-000401`]);
  assert.is(foreign.statusCode, 404);
  assert.not.ok(foreign.body.includes('Κοσμετάτου') || foreign.body.includes('61,35'), "the refusal tells nothing of B's debt");
  const mixed = await pay(site, a, [`${YEAR}-000301`, `${YEAR}-000402`]);
  assert.is(mixed.statusCode, 404, 'one of B\'s among A\'s own: refused whole');
  const unknown = await pay(site, a, [`${YEAR}-999999`]);
  assert.is(unknown.statusCode, 404, 'reads exactly as one that does not exist');
  const noCsrf = await pay(site, a, [`${YEAR}-000301`], 'none');
  assert.is(noCsrf.statusCode, 403);
  assert.equal([orders(), (await allOfType(site, 'PaymentStarted')).length], before, 'no order at the provider, no payment started');
});

let paidOrder = { orderCode: '', transactionId: '', location: '' };

test('A pays by card: 303 to the provider, back to success, paid; the debt paid and a collection of a natural person in the fiscal year', async ({ site, a }) => {
  const { redirectUrl, orderCode } = await start(site, a, [`${YEAR}-000301`]);
  const back = await atProvider(redirectUrl, 'pay');
  assert.is(back.origin + back.pathname, `${PUBLIC_URL}/my/debts/payment/success`);
  const page = await a.get(back.href);
  assert.is(page.statusCode, 200, page.body.slice(0, 400));
  assert.ok(page.body.includes(PAID_EL), 'the page says paid');
  paidOrder = { orderCode, transactionId: transactionOf(back), location: back.href };
  await caughtUp(site);
  const debt = await debtOf(a, YEAR, '000301');
  assert.equal([debt.paid, debt.remaining, debt.status], ['84.20', '0.00', 'paid']);
  assert.is((await statement(a)).total, '145.50');
  const collected = await collections(site);
  assert.is(collected.length, 1);
  assert.equal(
    { kae: collected[0]!.kae, amount: collected[0]!.amount, document: collected[0]!.document, counterparty: collected[0]!.counterparty, year: collected[0]!.year },
    { kae: '0351.001', amount: '84.20', document: `ΗΠ-${orderCode}`, counterparty: { naturalPerson: true, afm: null, name: null }, year: YEAR },
  );
  assert.not.ok(JSON.stringify(collected).includes(A) || JSON.stringify(collected).includes('ΠΑΠΑΔΑΤΟΣ'), 'nobody named in the public ledger');
  assert.is(await debtPaidCount(site, YEAR, '000301'), 1);
});

test('a repeated return and a late notification add nothing: one DebtPaid, one collection', async ({ site, a, double }) => {
  const again = await a.get(paidOrder.location);
  assert.is(again.statusCode, 200);
  assert.ok(again.body.includes(PAID_EL));
  const event = double.simulator.eventOf(paidOrder.transactionId);
  assert.ok(event, 'the provider has the event');
  assert.is(await notify(site, event), 200);
  assert.is(await notify(site, event), 200);
  await caughtUp(site);
  assert.is(await debtPaidCount(site, YEAR, '000301'), 1);
  assert.is((await collections(site)).length, 1);
  assert.is((await allOfType(site, 'PaymentConfirmed')).length, 1);
});

test('the finance export of the same receipt (number, date, ΚΑΕ, amount; another description) is a duplicate', async ({ site }) => {
  const [collected] = await collections(site);
  const [y, m, d] = collected!.date.split('-');
  const exportRow = csv(
    'ημερομηνία;είδος;ΚΑΕ;ποσό;παραστατικό;σχετικό;ΑΦΜ;επωνυμία;φυσικό_πρόσωπο;ΑΔΑ;τίτλος;αιτιολογία',
    `${d}/${m}/${y};είσπραξη;0351.001;84,20;${collected!.document};;;;ναι;;;Είσπραξη τελών ύδρευσης από ταμείο`,
  );
  const report: ImportReport = await importBytes(site.store, exportRow, { fileName: 'finance-export.csv' });
  assert.equal([report.accepted, report.imported, report.duplicates, report.errors], [true, 0, 1, []], JSON.stringify(report));
  assert.is((await collections(site)).length, 1);
});

test('a debt whose ΚΑΕ is no revenue line of the year paid: the debt paid, no collection in the ledger', async ({ site, a }) => {
  const { redirectUrl } = await start(site, a, [`${LAST}-000303`]);
  const page = await a.get((await atProvider(redirectUrl, 'pay')).href);
  assert.ok(page.body.includes(PAID_EL));
  await caughtUp(site);
  const debt = await debtOf(a, LAST, '000303');
  assert.equal([debt.remaining, debt.status], ['0.00', 'paid']);
  assert.is(await debtPaidCount(site, LAST, '000303'), 1);
  assert.equal((await collections(site)).map((c) => c.kae), ['0351.001'], 'still only the water collection');
  assert.is((await allOfType(site, 'RevenueCollected')).length, 1);
});

test('the browser\'s return with a forged transaction id (unknown, or another order\'s) does not mark paid', async ({ site, a }) => {
  const { orderCode } = await start(site, a, [`${YEAR}-000302`]);
  for (const t of ['3f2c1b7e-9a0d-4c5e-8f11-2b3c4d5e6f70', paidOrder.transactionId]) {
    const page = await a.get(`/my/debts/payment/success?t=${t}&s=${orderCode}&lang=el-GR&eventId=0&eci=5`);
    assert.not.ok(page.body.includes(PAID_EL), `not paid with t=${t}`);
  }
  await caughtUp(site);
  assert.equal([(await debtOf(a, YEAR, '000302')).remaining, await debtPaidCount(site, YEAR, '000302')], ['80.00', 0]);
  assert.is((await allOfType(site, 'PaymentConfirmed')).length, 2, 'only the two real payments');
  pendingOrder = orderCode;
});

let pendingOrder = '';

test('a wrong amount from the provider is refused and nothing is recorded; the honest answer then settles it', async ({ site, a, double }) => {
  const redirectUrl = `${double.baseUrl}/web/checkout?ref=${pendingOrder}`;
  double.reportWrongAmount(-1);
  try {
    const back = await atProvider(redirectUrl, 'pay');
    const page = await a.get(back.href);
    assert.not.ok(page.body.includes(PAID_EL), 'not paid on a wrong amount');
    const event = double.simulator.eventOf(transactionOf(back));
    assert.is(await notify(site, event!), 400, 'the notification is refused');
    await caughtUp(site);
    assert.equal([(await debtOf(a, YEAR, '000302')).remaining, await debtPaidCount(site, YEAR, '000302')], ['80.00', 0]);
    assert.is((await allOfType(site, 'PaymentConfirmed')).length, 2);
    assert.is((await collections(site)).length, 1, 'no collection');
    double.reportWrongAmount(0);
    const honest = await a.get(back.href);
    assert.ok(honest.body.includes(PAID_EL), 'paid once the provider reports what was asked');
  } finally {
    double.reportWrongAmount(0);
  }
  await caughtUp(site);
  assert.equal([(await debtOf(a, YEAR, '000302')).remaining, await debtPaidCount(site, YEAR, '000302')], ['0.00', 1]);
  assert.equal((await collections(site)).map((c) => [c.kae, c.amount]), [['0351.001', '84.20'], ['1512.001', '80.00']]);
});

test('A opening the success URL of B\'s order gets 404, and B\'s payment is not settled by A', async ({ site, a, b }) => {
  const { redirectUrl } = await start(site, b, [`${YEAR}-000401`]);
  const back = await atProvider(redirectUrl, 'pay');
  const confirmedBefore = (await allOfType(site, 'PaymentConfirmed')).length;
  const byA = await a.get(back.href);
  assert.is(byA.statusCode, 404);
  assert.not.ok(byA.body.includes(PAID_EL));
  await caughtUp(site);
  assert.is(await debtPaidCount(site, YEAR, '000401'), 0, 'not settled by A');
  assert.is((await allOfType(site, 'PaymentConfirmed')).length, confirmedBefore);
  assert.is((await debtOf(b, YEAR, '000401')).remaining, '61.35');
  const byB = await b.get(back.href);
  assert.ok(byB.body.includes(PAID_EL), 'B\'s own return settles it');
  await caughtUp(site);
  assert.is((await debtOf(b, YEAR, '000401')).remaining, '0.00');
});

test('an expired unpaid order is abandoned by sweepExpiredPayments; the debt still owed', async ({ site, a, double, debts }) => {
  const { orderCode } = await start(site, a, [`${YEAR}-000304`]);
  await caughtUp(site);
  const started = (await allOfType(site, 'PaymentStarted')).find((e) => (e.data as { orderCode: string }).orderCode === orderCode);
  assert.ok(started, 'the payment started');
  assert.is(await sweepExpiredPayments(debts), 0, 'not expired yet: nothing to sweep');
  double.clock.now += 31 * 60 * 1000;
  assert.ok((await sweepExpiredPayments(debts)) >= 1);
  const abandoned = await events(site, started.stream, 'PaymentAbandoned');
  assert.is(abandoned.length, 1);
  assert.is((abandoned[0]!.data as { reason: string }).reason, 'expired');
  await caughtUp(site);
  assert.equal([(await debtOf(a, YEAR, '000304')).remaining, await debtPaidCount(site, YEAR, '000304')], ['40.00', 0]);
  assert.is(await sweepExpiredPayments(debts), 0, 'swept once');
});

test('erasure of an account with unpaid debts is refused (OD_ERASURE_BLOCKED) and the account stays', async ({ site, a }) => {
  const confirm = await a.get('/my/erase');
  assert.is(confirm.statusCode, 200);
  const refused = await a.post('/my/erase', { _csrf: csrfOf(confirm.body), confirm: 'yes' });
  assert.is(refused.statusCode, 409);
  assert.ok(refused.body.includes('δεν μπορεί να διαγραφεί'), refused.body.slice(0, 600));
  assert.ok(refused.body.includes('1 οφειλή(ές)'), 'says which obstacle');
  await caughtUp(site);
  assert.is((await a.get('/api/my')).statusCode, 200, 'still logged in, the account kept');
  assert.is((await statement(a)).total, '40.00');
});

test.run();
