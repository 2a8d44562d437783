// od_append_event answers with one text; reading it wrongly would misreport every append.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAppendEvent } from '../../src/eventstore/sql/appendToStream.ts';

test('append answer: an appended event, a duplicate, a conflict on a new stream', () => {
  assert.equal(parseAppendEvent('ok 0 42'), { status: 'ok', revision: 0, firstPosition: 42 });
  assert.equal(parseAppendEvent('ok 17 9007199254740'), { status: 'ok', revision: 17, firstPosition: 9007199254740 });
  assert.equal(parseAppendEvent('duplicate 3 '), { status: 'duplicate', revision: 3, firstPosition: null });
  assert.equal(parseAppendEvent('conflict -1 '), { status: 'conflict', revision: -1, firstPosition: null });
  assert.equal(parseAppendEvent('id_conflict 5 '), { status: 'id_conflict', revision: 5, firstPosition: null });
});

test('append answer: anything else is refused, not guessed at', () => {
  for (const answer of [null, '', 'ok 0', 'maybe 0 1', '(ok,0,1)', 'ok x 1', 'ok 0 1 ', ' ok 0 1', 'OK 0 1', 'aborted 0 ']) {
    assert.throws(() => parseAppendEvent(answer), /Unexpected answer from od_append_event/, String(answer));
  }
});

test.run();
