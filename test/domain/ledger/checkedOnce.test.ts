// The decider checks a spelling (a ΚΑΕ, a date, a counterparty) once and reuses the result; refusals are never kept.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkedOnce } from '../../../src/domain/ledger/checkedOnce.ts';

const test = suite('fiscal year: checked once');

test('a spelling is checked once, then its result reused', () => {
  const seen: string[] = [];
  const upper = checkedOnce((raw) => {
    seen.push(raw);
    return { value: raw.toUpperCase() };
  });
  const first = upper('αβγ');
  assert.is(upper('αβγ'), first);
  assert.equal(upper('δ'), { value: 'Δ' });
  assert.equal(seen, ['αβγ', 'δ']);
});

test('a refusal is not remembered: it is thrown every time', () => {
  let calls = 0;
  const refuse = checkedOnce((raw): string => {
    calls++;
    throw new Error(`bad ${raw}`);
  });
  assert.throws(() => refuse('x'), /bad x/);
  assert.throws(() => refuse('x'), /bad x/);
  assert.is(calls, 2);
});

test('many spellings do not grow the memory without end: it starts over, and answers stay right', () => {
  let calls = 0;
  const length = checkedOnce((raw) => {
    calls++;
    return raw.length;
  });
  for (let i = 0; i < 10_000; i++) assert.is(length(`${i}`), `${i}`.length);
  assert.is(calls, 10_000);
  assert.is(length('9999'), 4);
  assert.is(calls, 10_000, 'the latest spellings are still remembered');
});

test.run();
