// The small pieces under the pages: escaping, localised paths, the movements filter.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { html, join } from '../../src/web/shared/html.ts';
import { ledgerText } from '../../src/web/ledger/messages.ts';
import { alternateUrl, localPath, queryString } from '../../src/web/shared/lang.ts';
import { filterParams, parseDateInput, parseMovementsQuery } from '../../src/web/ledger/movementFilter.ts';

const units = suite('escaping, paths, filters');

units('interpolated text is escaped, Html is kept, arrays are joined', () => {
  const name = '<script>alert("x")</script> & «Α.Ε.»';
  assert.is(html`<p title="${name}">${name}</p>`.value, '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Α.Ε.»">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Α.Ε.»</p>');
  assert.is(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value, '<ul><li>a</li><li>b</li></ul>');
  assert.is(html`${null}${undefined}${false}${0}`.value, '0');
  assert.is(join(['a', null, html`<b>b</b>`], ' · ').value, 'a · <b>b</b>');
});

units('Greek paths are the paths; English ones live under /en; the switch keeps the query', () => {
  assert.is(localPath('el', '/movements'), '/movements');
  assert.is(localPath('en', '/'), '/en');
  assert.is(localPath('en', '/budget/2025'), '/en/budget/2025');
  assert.is(alternateUrl('/movements?type=PAYMENT&year=2025', 'en'), '/en/movements?type=PAYMENT&year=2025');
  assert.is(alternateUrl('/en/movements?type=PAYMENT', 'el'), '/movements?type=PAYMENT');
  assert.is(alternateUrl('/en', 'el'), '/');
  assert.is(alternateUrl('/en?x=1', 'el'), '/?x=1');
  assert.is(alternateUrl('/', 'en'), '/en');
  assert.is(alternateUrl('/?x=1', 'en'), '/en?x=1');
  assert.is(alternateUrl('/english-breakfast', 'en'), '/en/english-breakfast');
});

units('query strings keep only the parameters that have a value', () => {
  assert.is(queryString({ year: 2025, kae: '', type: null, afm: undefined, search: 'α β' }), '?year=2025&search=%CE%B1+%CE%B2');
  assert.is(queryString({ a: null }), '');
});

units('dates typed as dd/mm/yyyy, d/m/yyyy or ISO; impossible dates refused', () => {
  assert.is(parseDateInput('23/11/2026'), '2026-11-23');
  assert.is(parseDateInput('3/2/2025'), '2025-02-03');
  assert.is(parseDateInput('03.02.2025'), '2025-02-03');
  assert.is(parseDateInput('2025-02-03'), '2025-02-03');
  assert.is(parseDateInput('31/02/2025'), null);
  assert.is(parseDateInput('2025-13-01'), null);
  assert.is(parseDateInput('yesterday'), null);
});

units('the movements query becomes a TransactionFilter, with a message per field it cannot read', () => {
  const t = ledgerText({ lang: 'el' });
  const ok = parseMovementsQuery({ year: '2025', type: 'PAYMENT', kae: ' 20-6262 ', afm: '099 401 202', search: ' λάμπες ', from: '1/3/2025', orderBy: 'AMOUNT_DESC' }, t);
  assert.equal(ok.errors, []);
  assert.equal(ok.filter, { year: 2025, type: 'PAYMENT', kae: '20-6262', afm: '099401202', search: 'λάμπες', from: '2025-03-01', to: null });
  assert.is(ok.values.from, '01/03/2025');
  assert.equal(filterParams(ok.filter, ok.orderBy), { year: 2025, from: '2025-03-01', to: null, type: 'PAYMENT', kae: '20-6262', afm: '099401202', search: 'λάμπες', orderBy: 'AMOUNT_DESC' });
  const bad = parseMovementsQuery({ kae: '12', afm: '12', to: '32/01/2025' }, t);
  assert.equal(bad.errors.map(([field]) => field), ['filter-to', 'filter-kae', 'filter-afm']);
  assert.equal([bad.filter.kae, bad.filter.afm, bad.filter.to], [null, null, null]);
  assert.is(parseMovementsQuery({}, t).orderBy, 'NEWEST');
});

units.run();
