import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TransientError } from '../../src/errors/transient-error.js';
import { describeCallbackError, withUnprintedCause } from '../../src/security/callback-error.js';

const SECRET = 'tok_live_5f4e3d2c1b';

function databaseError(): Error {
  return Object.assign(new Error(`duplicate key: Key (access_token)=(${SECRET})`), {
    name: 'DatabaseError',
    code: '23505',
  });
}

describe('describeCallbackError', () => {
  it("names the error's class and code, never its message", () => {
    expect(describeCallbackError(databaseError())).toBe('a DatabaseError (code 23505)');
    expect(describeCallbackError(new TypeError(SECRET))).toBe('a TypeError');
    expect(describeCallbackError(Object.assign(new Error('x'), { code: 42 }))).toBe('an Error (code 42)');
  });

  it('falls back to Error for a name or code that is free text, and to the type for a non-error', () => {
    const odd = Object.assign(new Error('x'), { name: `Bad ${SECRET}`, code: `code with ${SECRET}` });
    expect(describeCallbackError(odd)).toBe('an Error');
    expect(describeCallbackError(SECRET)).toBe('a thrown string');
    expect(describeCallbackError(null)).toBe('a thrown null');
  });
});

describe('withUnprintedCause', () => {
  const wrapped = () =>
    withUnprintedCause(
      new TransientError('transient', 'Storing the tokens failed.', { cause: databaseError() }),
    );

  it('keeps the original as a non-enumerable cause', () => {
    const error = wrapped();
    expect((error.cause as Error).message).toContain(SECRET);
    expect(Object.keys(error)).not.toContain('cause');
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('prints the error as usual, with its own stack, and the cause by class and code only', () => {
    const error = wrapped();
    for (const printed of [inspect(error), inspect({ nested: [error] }, { depth: 10, showHidden: true })]) {
      expect(printed).not.toContain(SECRET);
      expect(printed).toContain('TransientError: Storing the tokens failed.');
      expect(printed).toContain('callback-error.test.ts');
      expect(printed).toContain('DatabaseError');
      expect(printed).toContain("'23505'");
      expect(printed).toContain("code: 'transient'");
    }
  });
});
