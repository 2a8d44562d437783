// The small pieces under the pages: escaping, localised paths, query strings.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { html, join } from '../../src/web/shared/html.ts';
import { alternateUrl, localPath, queryString } from '../../src/web/shared/lang.ts';

const units = suite('escaping, paths, query strings');

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

units.run();
