// Then: the domain refuses, with this code (and column, when the test says which).
import * as assert from 'uvu/assert';
import { isDomainError } from '../../../src/domain/shared/errors.ts';

export const expectDomainError = (action: () => unknown, code: string, column?: string | null): void => {
  let caught: unknown = undefined;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  if (!isDomainError(caught)) assert.unreachable(`expected DomainError ${code}, got ${caught instanceof Error ? caught.message : 'no error'}`);
  else {
    assert.is(caught.code, code);
    if (column !== undefined) assert.is(caught.column, column);
    assert.ok(caught.messageEl.length > 0 && caught.messageEn.length > 0, 'a message in Greek and in English');
  }
};
