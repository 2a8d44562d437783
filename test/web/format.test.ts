// Greek formats, computed on the decimal strings of the read models and never through a float.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  athensDate,
  centsOf,
  euroOfCents,
  formatAmount,
  formatCompactEuro,
  formatCoordinate,
  formatCount,
  formatDate,
  formatDateTime,
  formatEuro,
  formatShare,
  ratio,
} from '../../src/web/shared/format.ts';

const format = suite('Greek formats');
const NBSP = '\u00a0';

format('amounts: dot for thousands, comma for decimals, two decimals, euro sign after a no-break space', () => {
  assert.is(formatEuro('1234.56'), `1.234,56${NBSP}€`);
  assert.is(formatAmount('0.5'), '0,50');
  assert.is(formatAmount('12'), '12,00');
  assert.is(formatAmount('-1234567.8'), '-1.234.567,80');
  assert.is(formatAmount('-0.00'), '0,00');
  assert.is(formatAmount('007.10'), '7,10');
  assert.is(formatAmount('999.99'), '999,99');
  assert.is(formatAmount('1000'), '1.000,00');
});

format('amounts beyond what a double holds exactly keep every cent', () => {
  assert.is(formatAmount('90071992547409.93'), '90.071.992.547.409,93');
  assert.is(formatAmount('123456789012345678.01'), '123.456.789.012.345.678,01');
  assert.is(centsOf('90071992547409.93'), 9007199254740993n);
  assert.is(euroOfCents(9007199254740993n), `90.071.992.547.409,93${NBSP}€`);
  assert.is(euroOfCents(-5n), `-0,05${NBSP}€`);
});

format('anything that is not an amount with at most two decimals is refused', () => {
  for (const bad of ['1,234.56', '1.234,56', '12.345', 'abc', '', '1e5', 'NaN']) assert.throws(() => formatAmount(bad), RangeError, bad);
});

format('shares with one decimal, rounded half up, a dash for no budget', () => {
  assert.is(formatShare('45.30', '100.00'), '45,3%');
  assert.is(formatShare('1', '3'), '33,3%');
  assert.is(formatShare('2', '3'), '66,7%');
  assert.is(formatShare('0.05', '100'), '0,1%');
  assert.is(formatShare('150000', '100000'), '150,0%');
  assert.is(formatShare('5', '0.00'), '—');
  assert.is(formatShare('123456789012345.00', '123456789012346.00'), '100,0%');
});

format('ratios for drawing are clamped to [0, 1]', () => {
  assert.is(ratio(50n, 200n), 0.25);
  assert.is(ratio(-5n, 200n), 0);
  assert.is(ratio(500n, 200n), 1);
  assert.is(ratio(5n, 0n), 0);
});

format('compact amounts for chart axes', () => {
  assert.is(formatCompactEuro(0n, 'el'), `0${NBSP}€`);
  assert.is(formatCompactEuro(95000n, 'el'), `950${NBSP}€`);
  assert.is(formatCompactEuro(35_000_000n, 'el'), `350${NBSP}χιλ.${NBSP}€`);
  assert.is(formatCompactEuro(125_000_000n, 'el'), `1,3${NBSP}εκ.${NBSP}€`);
  assert.is(formatCompactEuro(2_000_000_000n, 'en'), `20${NBSP}m${NBSP}€`);
});

format('dates day/month/year, and "today" as a reader in Greece counts it', () => {
  assert.is(formatDate('2026-11-23'), '23/11/2026');
  assert.throws(() => formatDate('23/11/2026'), RangeError);
  assert.is(athensDate(new Date('2026-11-23T21:59:00Z')), '2026-11-23');
  assert.is(athensDate(new Date('2026-11-23T22:01:00Z')), '2026-11-24', 'midnight in Athens is 22:00 UTC in winter');
  assert.is(athensDate(new Date('2026-07-01T21:30:00Z')), '2026-07-02', 'and 21:00 UTC in summer');
  assert.is(formatDateTime('2026-11-23T12:05:00Z'), '23/11/2026 14:05');
});

format('counts and coordinates', () => {
  assert.is(formatCount(9931), '9.931');
  assert.is(formatCount(1_234_567), '1.234.567');
  assert.is(formatCoordinate(38.20238), '38,20238');
});

format.run();
