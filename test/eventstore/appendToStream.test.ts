// od_append_one answers with its record as text; reading it wrongly would misreport every append.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAppendOne } from '../../src/eventstore/sql/appendToStream.ts';

test('append answer: an appended event, a duplicate, a conflict on a new stream', () => {
  assert.equal(parseAppendOne('(ok,0,42)'), { status: 'ok', revision: 0, firstPosition: 42 });
  assert.equal(parseAppendOne('(ok,17,9007199254740)'), { status: 'ok', revision: 17, firstPosition: 9007199254740 });
  assert.equal(parseAppendOne('(duplicate,3,)'), { status: 'duplicate', revision: 3, firstPosition: null });
  assert.equal(parseAppendOne('(conflict,-1,)'), { status: 'conflict', revision: -1, firstPosition: null });
  assert.equal(parseAppendOne('(id_conflict,5,)'), { status: 'id_conflict', revision: 5, firstPosition: null });
});

test('append answer: anything else is refused, not guessed at', () => {
  for (const answer of [null, '', '(ok,0)', '(maybe,0,1)', 'ok,0,1', '(ok,x,1)', '(ok,0,1) ', '("ok",0,1)']) {
    assert.throws(() => parseAppendOne(answer), /Unexpected answer from od_append_one/, String(answer));
  }
});

test.run();
