// The movements' filter: dates as a reader types them, and the query read into a TransactionFilter with a
// message per field it cannot read.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ledgerText } from '../../../src/web/ledger/messages.ts';
import { filterParams, parseDateInput, parseMovementsQuery } from '../../../src/web/ledger/movementFilter.ts';

const units = suite('the movements filter');

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
